/**
 * The site's public address, for every absolute URL the platform writes where the request is not
 * there to resolve it: links in e-mails, the verification URL signed into certificates and drawn as
 * a QR code, a cohort's join link (and, later, LTI and badge URLs).
 *
 * It comes from configuration only, never from the request: the Host header is chosen by whoever
 * sends the request, and a reset e-mail whose link pointed to `http://evil.example/…` was the result.
 * With PUBLIC_URL unset, the address is the one a newcomer's `npm start` serves,
 * `http://localhost:PORT`; a deployment sets PUBLIC_URL (the server warns at start when it is unset).
 */
import { env } from "./env.server.ts";

/** @example publicUrl() // "https://alliances.example.fr" (no trailing slash) */
export function publicUrl(): string {
  const { PUBLIC_URL, PORT } = env();
  return (PUBLIC_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "");
}

/** @example absoluteUrl("/verifier/ABCD") // "https://alliances.example.fr/verifier/ABCD" */
export function absoluteUrl(path: string): string {
  return `${publicUrl()}${path.startsWith("/") ? path : `/${path}`}`;
}
