/** The addresses a certificate prints: where anyone checks it, and the key that verifies its signature. */
import { formatCode } from "~/utils/verification-code.ts";

export function verificationUrl(siteUrl: string, code: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/verifier/${formatCode(code)}`;
}

export function publicKeyUrl(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/certificats/cle-publique.pem`;
}
