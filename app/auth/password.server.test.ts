import { expect, test } from "vitest";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.server.ts";

test("hashes with argon2id at OWASP's parameters and verifies only the right password", async () => {
  const hash = await hashPassword("une phrase de passe");
  expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  expect(await verifyPassword(hash, "une phrase de passe")).toBe(true);
  expect(await verifyPassword(hash, "une phrase de passe ")).toBe(false);
});

test("two hashes of one password differ (random salt)", async () => {
  expect(await hashPassword("même mot de passe")).not.toBe(await hashPassword("même mot de passe"));
});

test("a malformed stored hash lets nobody in", async () => {
  expect(await verifyPassword("pas un hash", "quoi que ce soit")).toBe(false);
});

test("the decoy verification always fails", async () => {
  expect(await verifyAgainstDecoy("mot de passe leurre jamais attribué")).toBe(false);
});
