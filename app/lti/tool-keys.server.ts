/**
 * The LTI tool's own RSA key pair (RS256, what LTI 1.3 requires), separate from the certificates'
 * Ed25519 key: it signs what the tool sends to platforms (deep linking responses, the assertions
 * that obtain service tokens), and its public half is published at /lti/jwks.json.
 *
 * Kept out of the database, like the certificate key: LTI_SIGNING_KEY (PEM) when several instances
 * must share it, otherwise LTI_KEY_DIR/current.pem, created on first start (mode 600). A rotation
 * (`npm run lti:rotate-key`) moves the current key to LTI_KEY_DIR/previous/ — still published, so a
 * platform that cached it keeps verifying what was signed with it — and creates a new one.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { JWK } from "jose";
import { env } from "~/utils/env.server.ts";

export interface ToolKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** First 16 hex digits of the SHA-256 of the public key (DER): the key's `kid`. */
function kidOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

export function toolKeyFromPem(pem: string): ToolKey {
  const privateKey = createPrivateKey(pem);
  if (privateKey.asymmetricKeyType !== "rsa") throw new Error("la clé LTI doit être une clé RSA (RS256)");
  const publicKey = createPublicKey(privateKey);
  return { kid: kidOf(publicKey), privateKey, publicKey };
}

export function generateToolKeyPem(): string {
  return generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

function writeNewKey(file: string): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // `wx`: two servers starting together on one disk end up with the same key, whichever wrote it.
    writeFileSync(file, generateToolKeyPem(), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
}

/** The key that signs now, and the previous ones still published. */
export function loadToolKeys(
  dir = path.resolve(env().LTI_KEY_DIR),
  pem = env().LTI_SIGNING_KEY,
): { current: ToolKey; previous: ToolKey[] } {
  const previousDir = path.join(dir, "previous");
  const previous = existsSync(previousDir)
    ? readdirSync(previousDir)
        .filter((name) => name.endsWith(".pem"))
        .sort()
        .map((name) => toolKeyFromPem(readFileSync(path.join(previousDir, name), "utf8")))
    : [];
  if (pem) return { current: toolKeyFromPem(pem.replace(/\\n/g, "\n")), previous };
  const file = path.join(dir, "current.pem");
  if (!existsSync(file)) writeNewKey(file);
  return { current: toolKeyFromPem(readFileSync(file, "utf8")), previous };
}

/** Moves the current key to previous/ (still published) and creates a new one; returns the new kid. */
export function rotateToolKey(dir = path.resolve(env().LTI_KEY_DIR), at = new Date()): string {
  const file = path.join(dir, "current.pem");
  if (existsSync(file)) {
    const old = toolKeyFromPem(readFileSync(file, "utf8"));
    mkdirSync(path.join(dir, "previous"), { recursive: true, mode: 0o700 });
    renameSync(file, path.join(dir, "previous", `${at.toISOString().replace(/[:.]/g, "-")}-${old.kid}.pem`));
  }
  writeNewKey(file);
  cached = undefined;
  return toolKeyFromPem(readFileSync(file, "utf8")).kid;
}

let cached: { current: ToolKey; previous: ToolKey[] } | undefined;

export function toolKeys(): { current: ToolKey; previous: ToolKey[] } {
  cached ??= loadToolKeys();
  return cached;
}

/** The public keys as a JWK Set (RFC 7517), current first. */
export function toolJwks(keys = toolKeys()): { keys: JWK[] } {
  return {
    keys: [keys.current, ...keys.previous].map((key) => ({
      ...(key.publicKey.export({ format: "jwk" }) as JWK),
      kid: key.kid,
      alg: "RS256",
      use: "sig",
    })),
  };
}
