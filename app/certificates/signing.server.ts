/**
 * The Ed25519 key that signs certificates. Kept out of the database (a database dump must not let
 * anyone forge certificates): in CERTIFICATE_SIGNING_KEY (PEM) when several instances must share
 * it, otherwise in a file created on first start (data/keys/ by default, readable by the owner only).
 * The public key is published at /certificats/cle-publique.pem.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "~/utils/env.server.ts";

export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicKeyPem: string;
  /** First 16 hex digits of the SHA-256 of the public key (DER): names the key on certificates. */
  keyId: string;
}

function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

export function signingKeyFromPem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error("la clé de signature des certificats doit être une clé Ed25519");
  const publicKey = createPublicKey(privateKey);
  return { privateKey, publicKey, publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(), keyId: keyIdOf(publicKey) };
}

export function generateSigningKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * Reads the key file, or creates it. `wx` makes creation atomic: two servers starting together on
 * the same disk end up with the same key, whichever wrote it.
 */
function loadOrCreateKeyFile(file: string): SigningKey {
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, generateSigningKeyPem(), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return signingKeyFromPem(readFileSync(file, "utf8"));
}

/** The signature of a payload, base64url (86 characters). */
export function signPayload(key: SigningKey, payload: string): string {
  return sign(null, Buffer.from(payload, "utf8"), key.privateKey).toString("base64url");
}

export function verifyPayload(publicKey: KeyObject | string, payload: string, signature: string): boolean {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  try {
    return verify(null, Buffer.from(payload, "utf8"), key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}

/**
 * The public key of this installation's signing key, when it has one; unlike `serverSigningKey`,
 * never creates a key (a verification tool has no business doing so).
 */
export function installedPublicKey(): KeyObject | null {
  const { CERTIFICATE_SIGNING_KEY: pem, CERTIFICATE_KEY_FILE: file } = env();
  if (pem) return signingKeyFromPem(pem.replace(/\\n/g, "\n")).publicKey;
  const resolved = path.resolve(file);
  return existsSync(resolved) ? signingKeyFromPem(readFileSync(resolved, "utf8")).publicKey : null;
}

let cached: SigningKey | undefined;

/** The server's key, from CERTIFICATE_SIGNING_KEY or the key file (created if missing). */
export function serverSigningKey(): SigningKey {
  if (cached) return cached;
  const { CERTIFICATE_SIGNING_KEY: pem, CERTIFICATE_KEY_FILE: file } = env();
  // A PEM in an environment variable often arrives with its line breaks written as \n.
  cached = pem ? signingKeyFromPem(pem.replace(/\\n/g, "\n")) : loadOrCreateKeyFile(path.resolve(file));
  return cached;
}
