/**
 * Tokens sent by e-mail or kept in a cookie for a moment (password reset, address change, second
 * factor): 256 random bits, given to the user once; the database keeps only their SHA-256, so that
 * a copy of the database does not open anyone's account.
 */
import { createHash, randomBytes } from "node:crypto";

export function newSecretToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
