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
      LTI_KEY_DIR: "data/keys/lti",
      SMTP_PORT: 587,
      SMTP_SECURE: false,
      MAIL_FROM: "Apprendre à faire alliance <ne-pas-repondre@apprendre-a-faire-alliance.fr>",
      CONTACT_EMAIL: "contact@apprendre-a-faire-alliance.fr",
      ANSWER_DELAY: "2 jours ouvrés",
      OUTBOX_DIR: "data/outbox",
      SIGNIN_LIMIT_PER_ADDRESS: 100,
      SIGNUP_LIMIT_PER_ADDRESS: 60,
    });
  });

  test("an SMTP server when configured; « true » and « false » for implicit TLS", () => {
    expect(parseEnv({ SMTP_HOST: "smtp.exemple.fr", SMTP_PORT: "465", SMTP_SECURE: "true" })).toMatchObject({
      SMTP_HOST: "smtp.exemple.fr",
      SMTP_PORT: 465,
      SMTP_SECURE: true,
    });
    expect(() => parseEnv({ SMTP_SECURE: "oui" })).toThrow(/SMTP_SECURE/);
  });

  test("refuses a signing key that is not a PEM private key", () => {
    expect(() => parseEnv({ CERTIFICATE_SIGNING_KEY: "secret" })).toThrow(/CERTIFICATE_SIGNING_KEY : clé PEM attendue/);
  });

  test("refuses a contact address that is not an e-mail address", () => {
    expect(parseEnv({ CONTACT_EMAIL: "accessibilite@mairie.example.fr" }).CONTACT_EMAIL).toBe("accessibilite@mairie.example.fr");
    expect(() => parseEnv({ CONTACT_EMAIL: "écrivez-nous" })).toThrow(/CONTACT_EMAIL : adresse e-mail attendue/);
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
    expect(() => parseEnv({ PORT: "soixante", PUBLIC_URL: "pas une url" })).toThrow(/Configuration invalide :[\s\S]*PORT[\s\S]*PUBLIC_URL/);
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT/);
  });
});
