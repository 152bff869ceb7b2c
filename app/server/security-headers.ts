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

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** Sets the headers and leaves the nonce in res.locals.cspNonce for the page to use. */
export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
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
