/**
 * Two-factor sign-in that a stolen session cannot hijack and a lost phone does not end: turning it
 * on asks for the password, recovery codes replace the app once each, wrong codes are counted per
 * account whatever the challenge or address, a password reset leaves it on. On both databases.
 */
import { createHash } from "node:crypto";
import { parseWithZod } from "@conform-to/zod/v4";
import { expect, test } from "vitest";
import { AUTH_LIMITS } from "~/auth/auth-rate-limits.server.ts";
import { SecondFactorSchema, type SecondFactorInput } from "~/auth/auth-schemas.ts";
import { requestPasswordReset, resetPassword } from "~/auth/password-reset.server.ts";
import {
  checkSecondFactor,
  createSignInChallenge,
  currentCode,
  disableTwoFactor,
  enableTwoFactor,
  newEnrollment,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  twoFactorState,
} from "~/auth/two-factor.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { capturingMailer, linkToken } from "../helpers/capturing-mailer.ts";
import { createTestAccount } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const PASSWORD = "mot de passe solide";
const account = (db: Db) =>
  createTestAccount(db, { name: "Dominique Deux", profile: "TRAINER", password: PASSWORD, emailPrefix: "deux.facteurs" });
const session = (db: Db, userId: string, id = `session-${Math.random()}`) =>
  db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 86_400_000) } });

/** What the sign-in code page hands to the server once the form is parsed. */
function typed(code: string): SecondFactorInput {
  const data = new FormData();
  data.set("code", code);
  const submission = parseWithZod(data, { schema: SecondFactorSchema });
  if (submission.status !== "success") throw new Error(`code refusé par le formulaire : ${code}`);
  return submission.value.code;
}

async function enabled(db: Db, userId: string, email: string, now = new Date()) {
  const { secret } = newEnrollment(email);
  const result = await enableTwoFactor(db, userId, { secret, code: currentCode(secret, now.getTime()), password: PASSWORD }, { now });
  if (!result.ok) throw new Error(`activation refusée : ${result.reason}`);
  return { secret, recoveryCodes: result.recoveryCodes };
}

describeEachDatabase("two-factor sign-in", (get) => {
  test("turning two-factor on needs the account's password: without it, nothing is written", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await session(db, userId, "celle-ci");
    await session(db, userId, "une-autre");
    const { secret } = newEnrollment(email);
    const code = currentCode(secret);
    // A stolen session cookie and an attacker's own secret are not enough.
    expect(await enableTwoFactor(db, userId, { secret, code, password: "pas le bon" }, { keepSessionId: "celle-ci" })).toEqual({
      ok: false,
      reason: "mot-de-passe",
    });
    expect(await enableTwoFactor(db, userId, { secret, code, password: "" }, { keepSessionId: "celle-ci" })).toEqual({
      ok: false,
      reason: "mot-de-passe",
    });
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
    expect(await db.session.count({ where: { userId } })).toBe(2);
    // The right password with a wrong code: still nothing.
    expect(await enableTwoFactor(db, userId, { secret, code: "000000", password: PASSWORD })).toEqual({ ok: false, reason: "code" });
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0);

    const result = await enableTwoFactor(db, userId, { secret, code, password: PASSWORD }, { keepSessionId: "celle-ci" });
    if (!result.ok) throw new Error(result.reason);
    expect(result.recoveryCodes).toHaveLength(10);
    expect(new Set(result.recoveryCodes).size).toBe(10);
    for (const recovery of result.recoveryCodes) expect(recovery).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(await twoFactorState(db, userId)).toMatchObject({ enabledAt: expect.any(Date) });
    // Sessions opened without the second factor end; this one stays.
    expect((await db.session.findMany({ where: { userId } })).map((s) => s.id)).toEqual(["celle-ci"]);
    // Once on, another enrolment (another secret) is refused even with the password.
    const other = newEnrollment(email);
    expect(await enableTwoFactor(db, userId, { secret: other.secret, code: currentCode(other.secret), password: PASSWORD })).toEqual({
      ok: false,
      reason: "deja-active",
    });
  });

  test("recovery codes: stored hashed, each signs in once, any case and spacing; replacing them needs the password", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    const { recoveryCodes } = await enabled(db, userId, email);
    const stored = await db.recoveryCode.findMany({ where: { userId } });
    expect(stored).toHaveLength(10);
    const plain = recoveryCodes[0]!.replace("-", "");
    expect(stored.map((row) => row.codeHash)).toContain(createHash("sha256").update(`${userId}:${plain}`).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(plain);
    expect(await remainingRecoveryCodes(db, userId)).toBe(10);

    const first = await createSignInChallenge(db, userId, "/formateur");
    expect(await checkSecondFactor(db, first, typed(` ${recoveryCodes[0]!.toLowerCase().replace("-", " ")} `))).toEqual({
      ok: true,
      userId,
      redirectTo: "/formateur",
      method: "secours",
      remaining: 9,
    });
    // Burned: the same code does not open a second sign-in.
    const second = await createSignInChallenge(db, userId, "/tableau-de-bord");
    expect(await checkSecondFactor(db, second, typed(recoveryCodes[0]!))).toEqual({ ok: false, reason: "code" });
    expect(await checkSecondFactor(db, second, typed(recoveryCodes[1]!))).toMatchObject({ ok: true, method: "secours", remaining: 8 });
    // The challenge is over once used.
    expect(await checkSecondFactor(db, second, typed(recoveryCodes[2]!))).toEqual({ ok: false, reason: "expire" });

    expect(await regenerateRecoveryCodes(db, userId, "pas le bon")).toEqual({ ok: false, reason: "mot-de-passe" });
    expect(await remainingRecoveryCodes(db, userId)).toBe(8);
    const renewed = await regenerateRecoveryCodes(db, userId, PASSWORD);
    if (!renewed.ok) throw new Error(renewed.reason);
    expect(renewed.recoveryCodes).toHaveLength(10);
    expect(await remainingRecoveryCodes(db, userId)).toBe(10);
    const third = await createSignInChallenge(db, userId, "/tableau-de-bord");
    expect(await checkSecondFactor(db, third, typed(recoveryCodes[2]!))).toEqual({ ok: false, reason: "code" });
    expect(await checkSecondFactor(db, third, typed(renewed.recoveryCodes[0]!))).toMatchObject({ ok: true, remaining: 9 });
  });

  test("wrong second-factor codes are counted per account, across challenges and addresses; the limit ends with its window", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    const start = new Date();
    const { secret, recoveryCodes } = await enabled(db, userId, email, start);
    const rule = AUTH_LIMITS.secondFactorFailuresPerAccount;
    expect(rule.limit).toBe(10);
    // Two sign-ins (as from two addresses), each allowed 5 attempts: 10 wrong codes in all.
    for (let challenge = 0; challenge < 2; challenge += 1) {
      const token = await createSignInChallenge(db, userId, "/tableau-de-bord", start);
      for (let i = 0; i < 5; i += 1)
        expect(await checkSecondFactor(db, token, typed("000000"), start)).toEqual({ ok: false, reason: "code" });
      expect(await checkSecondFactor(db, token, typed("000000"), start)).toEqual({ ok: false, reason: "expire" });
    }
    // A third sign-in with the right code, or a recovery code, is refused until the window ends.
    const later = new Date(start.getTime() + 60_000);
    const third = await createSignInChallenge(db, userId, "/tableau-de-bord", later);
    expect(await checkSecondFactor(db, third, typed(currentCode(secret, later.getTime())), later)).toEqual({
      ok: false,
      reason: "trop",
      retryAfterSeconds: expect.any(Number),
    });
    expect(await checkSecondFactor(db, third, typed(recoveryCodes[0]!), later)).toMatchObject({ ok: false, reason: "trop" });
    expect(await remainingRecoveryCodes(db, userId)).toBe(10);

    const afterWindow = new Date(start.getTime() + rule.windowMs + 60_000);
    const fourth = await createSignInChallenge(db, userId, "/tableau-de-bord", afterWindow);
    expect(await checkSecondFactor(db, fourth, typed(currentCode(secret, afterWindow.getTime())), afterWindow)).toMatchObject({
      ok: true,
      method: "totp",
    });
  });

  test("a right code does not count against the account's limit", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    const { recoveryCodes } = await enabled(db, userId, email);
    for (const recovery of recoveryCodes) {
      const token = await createSignInChallenge(db, userId, "/tableau-de-bord");
      expect(await checkSecondFactor(db, token, typed(recovery))).toMatchObject({ ok: true });
    }
    const token = await createSignInChallenge(db, userId, "/tableau-de-bord");
    expect(await checkSecondFactor(db, token, typed("000000"))).toEqual({ ok: false, reason: "code" });
  });

  test("a password reset leaves two-factor on (the e-mail alone must not pass the second factor)", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await enabled(db, userId, email);
    const mailer = capturingMailer();
    await requestPasswordReset(db, mailer, email, "https://exemple.fr");
    const token = linkToken(mailer.sent[0]!);
    expect(await resetPassword(db, token, "une toute nouvelle phrase")).toEqual({ ok: true, userId });
    expect(await twoFactorState(db, userId)).toMatchObject({ enabledAt: expect.any(Date) });
    expect(await remainingRecoveryCodes(db, userId)).toBe(10);
  });

  test("turning two-factor off needs the password and erases the recovery codes", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await enabled(db, userId, email);
    expect(await disableTwoFactor(db, userId, "pas le bon")).toBe(false);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(10);
    expect(await disableTwoFactor(db, userId, PASSWORD)).toBe(true);
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
  });
});
