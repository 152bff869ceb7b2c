import { describe, expect, test } from "vitest";
import { isAllowedRequest } from "./origin.ts";

describe("isAllowedRequest", () => {
  test.each([
    ["GET", null],
    ["HEAD", "https://evil.example"],
    ["OPTIONS", null],
  ])("lets a %s request through whatever its origin (%s)", (method, origin) => {
    expect(isAllowedRequest({ method, origin, host: "localhost:3000" })).toBe(true);
  });

  test("accepts a POST from our own host", () => {
    expect(isAllowedRequest({ method: "POST", origin: "http://localhost:3000", host: "localhost:3000" })).toBe(true);
  });

  test.each([
    ["another site", "https://evil.example"],
    ["another port", "http://localhost:4000"],
    ["no Origin header", null],
    ["an opaque origin", "null"],
    ["garbage", "::not a url::"],
  ])("refuses a POST from %s", (_label, origin) => {
    expect(isAllowedRequest({ method: "POST", origin, host: "localhost:3000" })).toBe(false);
  });

  test("accepts the public URL when a proxy rewrites Host", () => {
    const request = { method: "POST", origin: "https://alliances.example.fr", host: "10.0.0.5:3000" };
    expect(isAllowedRequest(request)).toBe(false);
    expect(isAllowedRequest({ ...request, allowedOrigins: ["https://alliances.example.fr"] })).toBe(true);
  });

  test("is case-insensitive on the host and applies to every unsafe method", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post"]) {
      expect(isAllowedRequest({ method, origin: "http://localhost:3000", host: "LOCALHOST:3000" })).toBe(true);
      expect(isAllowedRequest({ method, origin: "http://evil.example", host: "localhost:3000" })).toBe(false);
    }
  });
});
