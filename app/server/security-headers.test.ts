import { describe, expect, test } from "vitest";
import { contentSecurityPolicy, newNonce } from "./security-headers.ts";

describe("Content-Security-Policy", () => {
  test("allows only the app's own resources, inline scripts only with this response's nonce, and no framing", () => {
    const policy = contentSecurityPolicy("abc123");
    const directives = Object.fromEntries(policy.split("; ").map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]));
    expect(directives).toEqual({
      "default-src": "'self'",
      "script-src": "'self' 'nonce-abc123'",
      "style-src": "'self'",
      "img-src": "'self' data:",
      "font-src": "'self'",
      "connect-src": "'self'",
      "form-action": "'self'",
      "frame-ancestors": "'none'",
      "base-uri": "'none'",
      "object-src": "'none'",
    });
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  test("nonces are 128 random bits, never repeated", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    expect(Buffer.from([...nonces][0]!, "base64")).toHaveLength(16);
  });
});
