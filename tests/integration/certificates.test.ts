/**
 * Certificates on both databases: issued only for a complete path, once, even under concurrent
 * requests; signed; verifiable by code (valid, revoked, unknown, malformed); and rate limits.
 */
import { expect, test } from "vitest";
import { readPayload } from "~/certificates/certificate-payload.ts";
import type { PathRequirements } from "~/certificates/eligibility.ts";
import { getOwnCertificate, listCertificates } from "~/certificates/certificate-reads.server.ts";
import { issueCertificateIfEligible, type CertifiablePath, type IssuanceContext } from "~/certificates/issuance.server.ts";
import { revokeCertificate } from "~/certificates/revocation.server.ts";
import { generateSigningKeyPem, signingKeyFromPem, verifyPayload } from "~/certificates/signing.server.ts";
import { formatCode } from "~/utils/verification-code.ts";
import { verifyCode } from "~/certificates/verification.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const PATH: CertifiablePath = {
  id: "parcours-test",
  title: "Comprendre et se situer",
  nominalMinutes: 240,
  objectives: ["Situer son territoire.", "Choisir une porte d'entrée."],
  draft: false,
};
const REQUIREMENTS: PathRequirements = { lessonIds: ["l1", "l2"], finalAssessmentId: "final", scenarioIds: ["s1"] };
const key = signingKeyFromPem(generateSigningKeyPem());
const context: IssuanceContext = { siteUrl: "https://alliances.exemple.fr", issuer: "Apprendre à faire alliance", key };
const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 10, day, hour));

const learner = (db: Db, name = "Hélène Lefèvre") => createLearner(db, { name, profile: "ELECTED_OFFICIAL", emailPrefix: "cert" });

/** Records a learner's activity as the app would: lessons, attempts at the final assessment, runs. */
async function completePath(db: Db, userId: string, { skip }: { skip?: "l2" | "final" | "s1" } = {}) {
  await db.lessonProgress.create({ data: { userId, lessonId: "l1", startedAt: at(2), completedAt: at(3), activeSeconds: 1800 } });
  await db.lessonProgress.create({
    data: { userId, lessonId: "l2", startedAt: at(4), completedAt: skip === "l2" ? null : at(5), activeSeconds: 2520 },
  });
  await db.quizAttempt.create({
    data: { userId, quizId: "final", number: 1, layout: "[]", startedAt: at(6, 9), submittedAt: at(6), score: 55, passed: false },
  });
  if (skip !== "final") {
    await db.quizAttempt.create({
      data: { userId, quizId: "final", number: 2, layout: "[]", startedAt: at(7, 9), submittedAt: at(7), score: 85, passed: true },
    });
  }
  await db.simulationRun.create({
    data: {
      userId,
      scenarioId: "s1",
      startedAt: at(4),
      ...(skip === "s1" ? { openSlot: `${userId}:s1` } : { finishedAt: at(4, 11), endingId: "f1" }),
    },
  });
}

describeEachDatabase("certificates", (get) => {
  test.each(["l2", "final", "s1"] as const)("an incomplete path (without %s) gets no certificate", async (skip) => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId, { skip });
    const { certificate, eligibility } = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    expect(certificate).toBeNull();
    expect(eligibility).toMatchObject({
      eligible: false,
      missing: [expect.objectContaining({ kind: { l2: "lecon", final: "evaluation", s1: "simulation" }[skip] })],
    });
    expect(await db.certificate.count({ where: { userId } })).toBe(0);
  });

  test("a draft path certifies nothing, even when complete", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    expect((await issueCertificateIfEligible(db, userId, { ...PATH, draft: true }, REQUIREMENTS, context)).certificate).toBeNull();
  });

  test("a complete path: the certificate carries the learner's facts, signed", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const { certificate } = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    expect(certificate).not.toBeNull();
    const stored = (await getOwnCertificate(db, userId, certificate!.id))!;
    expect(stored).toMatchObject({
      learnerName: "Hélène Lefèvre",
      pathTitle: "Comprendre et se situer",
      nominalMinutes: 240,
      activeSeconds: 4320,
      firstActivityAt: at(2),
      completedAt: at(7),
      finalScore: 85,
      objectives: PATH.objectives,
      issuer: "Apprendre à faire alliance",
      keyId: key.keyId,
    });
    expect(stored.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{28}$/);
    expect(verifyPayload(key.publicKey, stored.payload, stored.signature)).toBe(true);
    expect(readPayload(stored.payload)).toMatchObject({
      code: stored.code,
      titulaire: "Hélène Lefèvre",
      tempsActifSecondes: 4320,
      scoreEvaluationFinale: 85,
      verification: `https://alliances.exemple.fr/verifier/${formatCode(stored.code)}`,
    });
    // Someone else asking for it by id gets nothing.
    expect(await getOwnCertificate(db, await learner(db), certificate!.id)).toBeNull();
  });

  test("the signature fails once anything signed is changed, or with another key", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const { certificate } = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    const { payload, signature } = await db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    expect(verifyPayload(key.publicKey, payload.replace('"tempsActifSecondes": 4320', '"tempsActifSecondes": 43200'), signature)).toBe(
      false,
    );
    expect(verifyPayload(key.publicKey, payload.replace("Hélène", "Helene"), signature)).toBe(false);
    expect(verifyPayload(signingKeyFromPem(generateSigningKeyPem()).publicKey, payload, signature)).toBe(false);
    expect(verifyPayload(key.publicKey, payload, signature.slice(0, -4) + "AAAA")).toBe(false);
  });

  test("issuance is idempotent: asking again returns the same certificate", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const first = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    const second = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    expect(second.certificate?.id).toBe(first.certificate?.id);
    expect(await listCertificates(db, userId)).toHaveLength(1);
  });

  test("concurrent requests completing the path at once issue exactly one certificate", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const results = await Promise.all(Array.from({ length: 8 }, () => issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context)));
    const ids = new Set(results.map((result) => result.certificate?.id));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toBeTruthy();
    expect(await db.certificate.count({ where: { userId } })).toBe(1);
  });

  test("verification by code: valid (however typed), then revoked with its date; unknown and malformed codes", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const { certificate } = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    const { code } = await db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    const typed = ` ${formatCode(code).toLowerCase().replace(/-/g, " ")} `;

    expect(await verifyCode(db, typed)).toMatchObject({
      status: "valide",
      learnerName: "Hélène Lefèvre",
      pathTitle: "Comprendre et se situer",
      nominalMinutes: 240,
      completedAt: at(7),
      revokedAt: null,
    });

    const revokedAt = at(20);
    expect(await revokeCertificate(db, code, "Erreur de délivrance constatée.", revokedAt)).toEqual({ status: "revoque", revokedAt });
    expect(await verifyCode(db, formatCode(code))).toMatchObject({ status: "revoque", revokedAt });
    // Revoking again keeps the first date and reason.
    expect(await revokeCertificate(db, code, "Autre motif.", at(25))).toEqual({ status: "deja-revoque", revokedAt });
    expect(await db.certificate.findUniqueOrThrow({ where: { code }, select: { revokedReason: true } })).toEqual({
      revokedReason: "Erreur de délivrance constatée.",
    });

    const unknown = code.startsWith("0") ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    expect(await verifyCode(db, unknown)).toEqual({ status: "inconnu", code: unknown });
    expect(await revokeCertificate(db, unknown, "Un motif valable.")).toEqual({ status: "inconnu" });
    expect(await verifyCode(db, "ABC-123")).toEqual({ status: "malforme" });
    expect(await verifyCode(db, "'; DROP TABLE Certificate; --")).toEqual({ status: "malforme" });
  });

  test("a deleted account leaves its certificate verifiable, holder anonymised", async () => {
    const { db } = get();
    const userId = await learner(db);
    await completePath(db, userId);
    const { certificate } = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    const { code } = await db.certificate.findUniqueOrThrow({ where: { id: certificate!.id } });
    await db.user.delete({ where: { id: userId } });
    expect(await verifyCode(db, code)).toMatchObject({ status: "valide", learnerName: null });
  });

  test("rate limits: the limit is shared per key, refuses beyond it, and reopens after the window", async () => {
    const { db } = get();
    const rule = { limit: 3, windowMs: 60_000 };
    const key = `test:${Date.now()}:${Math.random()}`;
    const start = new Date("2026-12-01T10:00:00Z");
    const later = (ms: number) => new Date(start.getTime() + ms);
    for (let i = 0; i < 3; i += 1) expect((await hitRateLimit(db, key, rule, later(i * 1000))).allowed).toBe(true);
    expect(await hitRateLimit(db, key, rule, later(10_000))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await hitRateLimit(db, `${key}:autre`, rule, later(10_000))).allowed).toBe(true);
    expect((await hitRateLimit(db, key, rule, later(61_000))).allowed).toBe(true);
  });

  test("rate limits hold under concurrent requests: exactly the limit gets through", async () => {
    const { db } = get();
    const rule = { limit: 5, windowMs: 60_000 };
    const key = `concurrent:${Date.now()}:${Math.random()}`;
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, () => hitRateLimit(db, key, rule, now)));
    expect(results.filter((result) => result.allowed).length).toBe(5);
  });
});
