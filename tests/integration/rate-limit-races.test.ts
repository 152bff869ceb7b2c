/**
 * Rate limits under concurrent requests, on both databases: a limit on failures must hold however
 * many attempts arrive at once. "Checked" counts the passwords and codes really verified, through
 * the seams of attemptSignIn and checkSecondFactor (the real check, wrapped in a counter).
 */
import { expect, test } from "vitest";
import { verifyCredentials } from "~/auth/accounts.server.ts";
import { AUTH_LIMITS } from "~/auth/auth-rate-limits.server.ts";
import { attemptSignIn, type CheckPassword } from "~/auth/sign-in-attempts.server.ts";
import {
  CHALLENGE_MAX_ATTEMPTS,
  checkSecondFactor,
  createSignInChallenge,
  currentCode,
  enableTwoFactor,
  newEnrollment,
  useRecoveryCode,
  verifyTwoFactorCode,
  type SecondFactorChecks,
} from "~/auth/two-factor.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { createTestAccount, TEST_PASSWORD } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const account = (db: Db, password = TEST_PASSWORD) =>
  createTestAccount(db, { name: "Camille Course", profile: "CIVIL_SERVANT", password, emailPrefix: "course" });

/** The real password check, counted. */
function countingPasswordCheck() {
  const check = Object.assign(
    async (db: Db, email: string, password: string) => {
      check.calls += 1;
      return verifyCredentials(db, email, password);
    },
    { calls: 0 },
  ) satisfies CheckPassword;
  return check;
}

/** The real second-factor checks, counted. */
function countingCodeChecks() {
  const counted = {
    calls: 0,
    checks: {
      totp: async (db: Db, userId: string, code: string, now: number) => {
        counted.calls += 1;
        return verifyTwoFactorCode(db, userId, code, now);
      },
      recovery: async (db: Db, userId: string, code: string, now: Date) => {
        counted.calls += 1;
        return useRecoveryCode(db, userId, code, now);
      },
    } satisfies SecondFactorChecks,
  };
  return counted;
}

describeEachDatabase("rate limit races", (get) => {
  test("30 wrong passwords at once from one address: 5 are checked, the others refused with a delay", async () => {
    const { db, provider } = get();
    const { email } = await account(db);
    const check = countingPasswordCheck();
    const results = await Promise.all(
      Array.from({ length: 30 }, () => attemptSignIn(db, { clientIp: "198.51.100.30", email, password: "mauvais" }, check)),
    );
    console.info(`[${provider}] 30 parallel wrong passwords, one address: ${check.calls} checked`);
    expect(check.calls).toBe(AUTH_LIMITS.signInFailuresPerAccountAndAddress.limit);
    expect(results.filter((r) => r.outcome === "refuse")).toHaveLength(5);
    for (const r of results.filter((r) => r.outcome === "limite")) expect(r).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(results.filter((r) => r.outcome === "limite")).toHaveLength(25);
    // The owner, at another address, still gets in.
    expect(await attemptSignIn(db, { clientIp: "203.0.113.31", email, password: "mot de passe solide" })).toMatchObject({ outcome: "ok" });
  });

  test("200 wrong passwords at once from 20 addresses: 50 are checked for the account", { timeout: 120_000 }, async () => {
    const { db, provider } = get();
    const { email } = await account(db);
    const check = countingPasswordCheck();
    const attempts = Array.from({ length: 200 }, (_, i) =>
      attemptSignIn(db, { clientIp: `198.51.100.${100 + (i % 20)}`, email, password: `essai ${i}` }, check),
    );
    const results = await Promise.all(attempts);
    console.info(`[${provider}] 200 parallel wrong passwords, 20 addresses: ${check.calls} checked`);
    expect(check.calls).toBe(AUTH_LIMITS.signInFailuresPerAccount.limit);
    expect(results.filter((r) => r.outcome !== "limite")).toHaveLength(AUTH_LIMITS.signInFailuresPerAccount.limit);
  });

  test("a right password gives its slot back: the owner signing in often is never limited", async () => {
    const { db } = get();
    const { email } = await account(db);
    const ip = "198.51.100.40";
    for (let i = 0; i < 4; i += 1)
      expect(await attemptSignIn(db, { clientIp: ip, email, password: "mauvais" })).toEqual({ outcome: "refuse" });
    // A right password holds a place only while it is checked, then gives it back.
    for (let i = 0; i < 8; i += 1)
      expect(await attemptSignIn(db, { clientIp: ip, email, password: "mot de passe solide" })).toMatchObject({ outcome: "ok" });
    // Four failures are still counted: one more is allowed, the sixth is refused.
    expect(await attemptSignIn(db, { clientIp: ip, email, password: "mauvais" })).toEqual({ outcome: "refuse" });
    expect(await attemptSignIn(db, { clientIp: ip, email, password: "mot de passe solide" })).toMatchObject({ outcome: "limite" });
  });

  test("refused by the account's limit, an attempt gives back its address's place (the owner is not locked at home afterwards)", async () => {
    const { db } = get();
    const { email } = await account(db);
    // A distributed attack uses up the account's 50 failures for the hour...
    for (let i = 0; i < 10; i += 1) {
      await Promise.all(
        Array.from({ length: 5 }, () => attemptSignIn(db, { clientIp: `198.51.100.${150 + i}`, email, password: "mauvais" })),
      );
    }
    // ...the owner, at home, is refused without a check, six times in a row...
    for (let i = 0; i < 6; i += 1)
      expect(await attemptSignIn(db, { clientIp: "203.0.113.60", email, password: "mot de passe solide" })).toMatchObject({
        outcome: "limite",
      });
    // ...and their address has used none of its places: when the account's hour ends, they are not locked out at home.
    const pair = await db.rateLimit.findUnique({ where: { key: `connexion:echecs:${email}:203.0.113.60` } });
    expect(pair?.count).toBe(0);
  });

  test("30 wrong codes at once for one pending sign-in: 5 are checked", async () => {
    const { db, provider } = get();
    const { userId, email } = await account(db);
    const { secret } = newEnrollment(email);
    const now = Date.now();
    expect(
      await enableTwoFactor(
        db,
        userId,
        { secret, code: currentCode(secret, now), password: "mot de passe solide" },
        { now: new Date(now) },
      ),
    ).toMatchObject({ ok: true });
    const token = await createSignInChallenge(db, userId, "/tableau-de-bord");
    const counted = countingCodeChecks();
    const wrong = currentCode(secret, now) === "000000" ? "111111" : "000000";
    const results = await Promise.all(
      Array.from({ length: 30 }, () => checkSecondFactor(db, token, { kind: "totp", value: wrong }, new Date(), counted.checks)),
    );
    console.info(`[${provider}] 30 parallel wrong codes, one challenge: ${counted.calls} checked`);
    expect(counted.calls).toBe(CHALLENGE_MAX_ATTEMPTS);
    expect(results.filter((r) => !r.ok && r.reason === "code")).toHaveLength(CHALLENGE_MAX_ATTEMPTS);
    // The others were refused before any check: the sign-in's attempts were used up, or the
    // account's limit on wrong codes was reached.
    expect(results.filter((r) => !r.ok && (r.reason === "expire" || r.reason === "trop"))).toHaveLength(30 - CHALLENGE_MAX_ATTEMPTS);
    // The challenge is used up: even the right code no longer opens it.
    expect(await checkSecondFactor(db, token, { kind: "totp", value: currentCode(secret, now + 30_000) })).toEqual({
      ok: false,
      reason: "expire",
    });
  });

  test("a limit that counts every request lets exactly `limit` through at once (certificate and cohort code look-ups, sign-ups, resets)", async () => {
    const { db } = get();
    const rule = { limit: 30, windowMs: 15 * 60_000 };
    const key = `verifier:ip:course-${Date.now()}`;
    const results = await Promise.all(Array.from({ length: 90 }, () => hitRateLimit(db, key, rule)));
    expect(results.filter((r) => r.allowed)).toHaveLength(30);
  });
});
