import { describe, expect, test } from "vitest";
import { parseEnv } from "./env.server.ts";

describe("parseEnv", () => {
  test("needs nothing: a newcomer's empty environment gets the embedded defaults", () => {
    expect(parseEnv({})).toEqual({
      NODE_ENV: "development",
      PORT: 3000,
      DATABASE_URL: "file:./data/app.db",
      CERTIFICATE_ISSUER: "Apprendre à faire alliance",
      CERTIFICATE_KEY_FILE: "data/keys/certificats-ed25519.pem",
    });
  });

  test("refuses a signing key that is not a PEM private key", () => {
    expect(() => parseEnv({ CERTIFICATE_SIGNING_KEY: "secret" })).toThrow(/CERTIFICATE_SIGNING_KEY : clé PEM attendue/);
  });

  test("reads PORT as a number and keeps a PostgreSQL URL", () => {
    const env = parseEnv({ PORT: "8080", DATABASE_URL: "postgresql://u@h:5432/db", NODE_ENV: "production" });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_URL).toBe("postgresql://u@h:5432/db");
    expect(env.NODE_ENV).toBe("production");
  });

  test("treats empty strings as unset", () => {
    expect(parseEnv({ PORT: "", DATABASE_URL: "" })).toMatchObject({ PORT: 3000, DATABASE_URL: "file:./data/app.db" });
  });

  test("names every invalid variable in French", () => {
    expect(() => parseEnv({ PORT: "soixante", PUBLIC_URL: "pas une url" })).toThrow(
      /Configuration invalide :[\s\S]*PORT[\s\S]*PUBLIC_URL/,
    );
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
