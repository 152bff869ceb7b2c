/**
 * Headers every response carries. The Content-Security-Policy allows only what the app uses: its
 * own scripts (the build, and the compiled lessons served as /lecons/<hash>.js), the inline scripts
 * Remix writes into each page (each carries this request's nonce), its own styles, fonts and images
 * (data: for inline SVG), requests to itself, forms posting to itself, and no framing at all.
 */
import { randomBytes } from "node:crypto";
import type { RequestHandler } from "express";

export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/** @example contentSecurityPolicy("abc") // "default-src 'self'; script-src 'self' 'nonce-abc'; …" */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** One year; browsers then refuse plain HTTP to this host. Only sent on a site served over HTTPS. */
const STRICT_TRANSPORT_SECURITY = "max-age=31536000";

/**
 * Sets the headers and leaves the nonce in res.locals.cspNonce for the page to use.
 * `httpsSite`: the site's public address is https (PUBLIC_URL). Otherwise HSTS is sent only when this
 * request arrived over HTTPS — directly, or through a trusted proxy's X-Forwarded-Proto (Express's
 * `req.secure` honours TRUST_PROXY) — never on a plain-HTTP local server.
 */
export function securityHeaders({ httpsSite = false }: { httpsSite?: boolean } = {}): RequestHandler {
  return (req, res, next) => {
    if (httpsSite || req.secure) res.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.set({
      "Content-Security-Policy": contentSecurityPolicy(nonce),
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Permissions-Policy": PERMISSIONS_POLICY,
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    next();
  };
}
