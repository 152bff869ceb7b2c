/**
 * Accounts people can trust, on both databases: password reset (one hour, once, hashed, every
 * session ended), address change confirmed by the new address, password change, data export,
 * account deletion with certificates kept verifiable but anonymised, sign-in limits that an attacker
 * at another address cannot use to lock the owner out, and two-factor sign-in.
 */
import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import {
  changePassword,
  confirmEmailChange,
  deleteAccount,
  exportAccountData,
  requestEmailChange,
} from "~/auth/account-settings.server.ts";
import { verifyCredentials } from "~/auth/accounts.server.ts";
import { AUTH_LIMITS } from "~/auth/auth-rate-limits.server.ts";
import { attemptSignIn } from "~/auth/sign-in-attempts.server.ts";
import { findResetToken, requestPasswordReset, resetPassword, RESET_LIFETIME_MS } from "~/auth/password-reset.server.ts";
import {
  checkSecondFactor,
  createSignInChallenge,
  currentCode,
  enableTwoFactor,
  findSignInChallenge,
  newEnrollment,
  verifyTwoFactorCode,
} from "~/auth/two-factor.server.ts";
import { issueCertificateIfEligible } from "~/certificates/issuance.server.ts";
import { generateSigningKeyPem, signingKeyFromPem } from "~/certificates/signing.server.ts";
import { verifyCode } from "~/certificates/verification.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { capturingMailer, linkToken } from "../helpers/capturing-mailer.ts";
import { createTestAccount, TEST_PASSWORD } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const account = (db: Db, password = TEST_PASSWORD) =>
  createTestAccount(db, { name: "Camille Sécurité", profile: "CIVIL_SERVANT", password, emailPrefix: "securite" });
const session = (db: Db, userId: string, id = `session-${Math.random()}`) =>
  db.session.create({ data: { id, userId, expiresAt: new Date(Date.now() + 86_400_000) } });

describeEachDatabase("account security", (get) => {
  test("a reset link works once, within the hour, is stored hashed, and ends every session", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await session(db, userId);
    await session(db, userId);
    const mailer = capturingMailer();
    await requestPasswordReset(db, mailer, email, "https://exemple.fr");
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: email, subject: expect.stringContaining("Réinitialiser") });
    const token = linkToken(mailer.sent[0]!);
    const stored = await db.passwordResetToken.findFirstOrThrow({ where: { userId } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const [first, second] = await Promise.all([
      resetPassword(db, token, "nouvelle phrase de passe"),
      resetPassword(db, token, "une autre phrase"),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await verifyCredentials(db, email, "mot de passe solide")).toBeNull();
    expect(await resetPassword(db, token, "encore une autre")).toEqual({ ok: false });
  });

  test("an expired link, an unknown address, a forged token: nothing happens", async () => {
    const { db } = get();
    const { email } = await account(db);
    const mailer = capturingMailer();
    const past = new Date(Date.now() - RESET_LIFETIME_MS - 1000);
    await requestPasswordReset(db, mailer, email, "https://exemple.fr", past);
    expect(await findResetToken(db, linkToken(mailer.sent[0]!))).toBeNull();
    expect(await resetPassword(db, linkToken(mailer.sent[0]!), "nouvelle phrase de passe")).toEqual({ ok: false });
    await requestPasswordReset(db, mailer, "personne@exemple.fr", "https://exemple.fr");
    expect(mailer.sent).toHaveLength(1);
    expect(await resetPassword(db, "faux-jeton", "nouvelle phrase de passe")).toEqual({ ok: false });
    expect(await verifyCredentials(db, email, "mot de passe solide")).not.toBeNull();
  });

  test("a new address takes effect only once confirmed from it, and not if another account took it", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    const mailer = capturingMailer();
    expect(await requestEmailChange(db, mailer, userId, "mauvais", "nouvelle@exemple.fr", "https://exemple.fr")).toEqual({
      ok: false,
      reason: "mot-de-passe",
    });
    const taken = await account(db);
    expect(await requestEmailChange(db, mailer, userId, "mot de passe solide", taken.email, "https://exemple.fr")).toEqual({
      ok: false,
      reason: "adresse-prise",
    });
    const target = `nouvelle.${Date.now()}@exemple.fr`;
    expect(await requestEmailChange(db, mailer, userId, "mot de passe solide", target, "https://exemple.fr")).toEqual({ ok: true });
    expect(mailer.sent.at(-1)!.to).toBe(target);
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(email);
    const token = linkToken(mailer.sent.at(-1)!);
    expect(await confirmEmailChange(db, token)).toEqual({ ok: true, email: target });
    expect((await db.user.findUniqueOrThrow({ where: { id: userId } })).email).toBe(target);
    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, reason: "lien" });
  });

  test("changing the password needs the current one and ends the other sessions only", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await session(db, userId, "celle-ci");
    await session(db, userId, "une-autre");
    expect(await changePassword(db, userId, "pas le bon", "nouvelle phrase de passe", "celle-ci")).toBe(false);
    expect(await db.session.count({ where: { userId } })).toBe(2);
    expect(await changePassword(db, userId, "mot de passe solide", "nouvelle phrase de passe", "celle-ci")).toBe(true);
    expect((await db.session.findMany({ where: { userId } })).map((s) => s.id)).toEqual(["celle-ci"]);
    expect(await verifyCredentials(db, email, "nouvelle phrase de passe")).toBe(userId);
  });

  test("the data export holds every kind of data, and no secret", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await db.lessonProgress.create({ data: { userId, lessonId: "l1-1", completedAt: new Date(), activeSeconds: 120 } });
    await db.reflectionAnswer.create({ data: { userId, reflectionId: "l1-2-defi", lessonId: "l1-2", answer: "Mon défi." } });
    await db.quizAttempt.create({
      data: {
        userId,
        quizId: "q",
        number: 1,
        layout: "[]",
        answers: { create: { questionId: "q1", response: '{"value":true}', score: 1, correct: true } },
      },
    });
    await db.simulationRun.create({ data: { userId, scenarioId: "s0", choices: '[{"sceneId":"p1","choiceId":"a"}]' } });
    await db.finalProject.create({
      data: { userId, projectId: "projet-12h", answers: { create: { fieldId: "defi", text: "Texte du projet." } } },
    });
    const data = await exportAccountData(db, userId);
    expect(data.account).toMatchObject({ email, name: "Camille Sécurité" });
    expect(data.lessonProgress).toHaveLength(1);
    expect(data.reflections[0]).toMatchObject({ answer: "Mon défi." });
    expect(data.quizAttempts[0]!.answers[0]).toMatchObject({ questionId: "q1", response: { value: true } });
    expect(data.simulationRuns[0]!.choices).toEqual([{ sceneId: "p1", choiceId: "a" }]);
    expect(data.finalProjects[0]!.answers[0]).toMatchObject({ text: "Texte du projet." });
    for (const key of ["certificates", "cohorts", "cohortsLed", "activeTime"] as const) expect(Array.isArray(data[key])).toBe(true);
    expect(JSON.stringify(data)).not.toMatch(/argon2|hash/i);
  });

  test("deleting the account erases it, after the password; its certificate stays valid, holder anonymised", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    await db.lessonProgress.create({ data: { userId, lessonId: "l1", completedAt: new Date() } });
    await db.quizAttempt.create({
      data: { userId, quizId: "final", number: 1, layout: "[]", submittedAt: new Date(), score: 90, passed: true },
    });
    const key = signingKeyFromPem(generateSigningKeyPem());
    const { certificate } = await issueCertificateIfEligible(
      db,
      userId,
      { id: "p", title: "Découvrir", nominalMinutes: 60, objectives: ["Comprendre."], draft: false },
      { lessonIds: ["l1"], finalAssessmentId: "final", scenarioIds: [] },
      { siteUrl: "https://exemple.fr", issuer: "Apprendre à faire alliance", key },
    );
    const before = await db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    const payloadSha256 = createHash("sha256").update(before.payload).digest("hex");
    expect(await verifyCode(db, before.code)).toMatchObject({ status: "valide", learnerName: "Camille Sécurité", payloadSha256 });
    expect(await deleteAccount(db, capturingMailer(), userId, "pas le bon")).toBe(false);
    expect(await db.user.count({ where: { id: userId } })).toBe(1);
    expect(await deleteAccount(db, capturingMailer(), userId, "mot de passe solide")).toBe(true);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.lessonProgress.count({ where: { userId } })).toBe(0);
    const after = await db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    expect(after).toMatchObject({
      userId: null,
      learnerName: "",
      payload: `sha256:${createHash("sha256").update(before.payload).digest("hex")}`,
    });
    expect(after.payload).not.toContain("Camille");
    // The verification page still shows the fingerprint of the signed data attached to the PDF.
    expect(await verifyCode(db, before.code)).toMatchObject({ status: "valide", learnerName: null, pathTitle: "Découvrir", payloadSha256 });
  });

  test("sign-in limits: failures from one address do not lock the owner at another; the limit ends with its window", async () => {
    const { db } = get();
    const email = `limite.${Date.now()}@exemple.fr`;
    const attempt = (clientIp: string, now?: Date) => attemptSignIn(db, { clientIp, email, password: "mauvais", now });
    for (let i = 0; i < AUTH_LIMITS.signInFailuresPerAccountAndAddress.limit; i += 1) {
      expect(await attempt("198.51.100.66")).toEqual({ outcome: "refuse" });
    }
    expect(await attempt("198.51.100.66")).toMatchObject({ outcome: "limite", retryAfterSeconds: expect.any(Number) });
    expect(await attempt("203.0.113.9")).toEqual({ outcome: "refuse" });
    const later = new Date(Date.now() + AUTH_LIMITS.signInFailuresPerAccountAndAddress.windowMs + 1000);
    expect(await attempt("198.51.100.66", later)).toEqual({ outcome: "refuse" });
  });

  test("two-factor: enabled by a first valid code; a code is accepted once; a challenge allows 5 attempts", async () => {
    const { db } = get();
    const { userId, email } = await account(db);
    const enrollment = newEnrollment(email);
    expect(enrollment.uri).toMatch(/^otpauth:\/\/totp\/Apprendre%20%C3%A0%20faire%20alliance:/);
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0); // showing the secret stores nothing
    const password = "mot de passe solide";
    expect(await enableTwoFactor(db, userId, { secret: enrollment.secret, code: "000000", password })).toMatchObject({ ok: false });
    expect(await enableTwoFactor(db, userId, { secret: "PAS-UN-SECRET", code: currentCode(enrollment.secret), password })).toMatchObject({
      ok: false,
    });
    const now = Date.now();
    expect(
      await enableTwoFactor(
        db,
        userId,
        { secret: enrollment.secret, code: currentCode(enrollment.secret, now), password },
        { now: new Date(now) },
      ),
    ).toMatchObject({ ok: true });
    const other = newEnrollment(email);
    expect(
      await enableTwoFactor(db, userId, { secret: other.secret, code: currentCode(other.secret, now), password }, { now: new Date(now) }),
    ).toMatchObject({ ok: false });
    // The enrolment code cannot sign in again; the next step's code can, once.
    expect(await verifyTwoFactorCode(db, userId, currentCode(enrollment.secret, now), now)).toBe(false);
    const next = now + 30_000;
    expect(await verifyTwoFactorCode(db, userId, currentCode(enrollment.secret, next), next)).toBe(true);
    expect(await verifyTwoFactorCode(db, userId, currentCode(enrollment.secret, next), next)).toBe(false);

    const token = await createSignInChallenge(db, userId, "/tableau-de-bord");
    expect(await findSignInChallenge(db, token)).not.toBeNull();
    for (let i = 0; i < 5; i += 1)
      expect(await checkSecondFactor(db, token, { kind: "totp", value: "000000" })).toEqual({ ok: false, reason: "code" });
    expect(await findSignInChallenge(db, token)).toBeNull();
    expect(await checkSecondFactor(db, token, { kind: "totp", value: currentCode(enrollment.secret, next + 30_000) })).toEqual({
      ok: false,
      reason: "expire",
    });
  });
});
