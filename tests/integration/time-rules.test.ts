/**
 * Time that is real (issue 16), on both databases: a lesson is marked done only after its minimum
 * time, from a form whose signed render time cannot be forged; the time it took is credited once;
 * a certificate needs the active time its path asks for.
 */
import { expect, test } from "vitest";
import type { PathRequirements } from "~/certificates/eligibility.ts";
import { issueCertificateIfEligible, type CertifiablePath, type IssuanceContext } from "~/certificates/issuance.server.ts";
import { generateSigningKeyPem, signingKeyFromPem } from "~/certificates/signing.server.ts";
import { completeLessonFromPage, completionToken, completionTokenKey } from "~/progress/lesson-completion.server.ts";
import { recordActiveTime } from "~/progress/progress.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const signing = signingKeyFromPem(generateSigningKeyPem());
const key = completionTokenKey(signing);
const context: IssuanceContext = { siteUrl: "https://alliances.exemple.fr", issuer: "Apprendre à faire alliance", key: signing };
const PATH: CertifiablePath = { id: "parcours-1h", title: "Découvrir", nominalMinutes: 60, objectives: ["Expliquer."], draft: false };
/** 30 min of active time: half of the path's hour. */
const REQUIREMENTS: PathRequirements = { lessonIds: ["l1", "l2"], finalAssessmentId: "final", scenarioIds: [], minActiveSeconds: 1800 };
const shown = new Date("2026-12-07T09:00:00Z");
const later = (seconds: number, from = shown) => new Date(from.getTime() + seconds * 1000);
/** Lessons of the test path: minimum 3 min to mark done, 20 min of reading and activities. */
const LESSON = { minimumSeconds: 180, modelSeconds: 1200 };

describeEachDatabase("time that is real", (get) => {
  const learner = () => createLearner(get().db, { name: "Inès Moreau", profile: "ELECTED_OFFICIAL", emailPrefix: "temps" });

  function complete(userId: string, lessonId: string, { token, now }: { token: string; now: Date }) {
    return completeLessonFromPage(get().db, { key, token, userId, lessonId, pathId: PATH.id, ...LESSON, now });
  }

  test("a lesson marked done 20 s after the page was shown is refused with the reason; after 3 min it is done", async () => {
    const { db } = get();
    const userId = await learner();
    const token = completionToken(key, userId, "l1", shown);
    expect(await complete(userId, "l1", { token, now: later(20) })).toEqual({
      ok: false,
      status: 400,
      tooEarly: true,
      error:
        "Vous avez ouvert cette leçon il y a 20\u00A0s\u00A0: prenez le temps de la lire (au moins 3\u00A0min) avant de la marquer comme terminée.",
    });
    expect(await db.lessonProgress.count({ where: { userId } })).toBe(0);
    // The same form, three minutes after the page was shown.
    expect(await complete(userId, "l1", { token, now: later(180) })).toEqual({ ok: true, completed: true, creditedSeconds: 180 });
    const row = await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId, lessonId: "l1" } } });
    expect(row).toMatchObject({ completedAt: later(180), activeSeconds: 180 });
  });

  test("active time recorded by heartbeats counts towards the minimum, and is not credited twice", async () => {
    const { db } = get();
    const userId = await learner();
    for (let beat = 1; beat <= 12; beat++) {
      await recordActiveTime(db, { userId, lessonId: "l1", pathId: PATH.id, claimedSeconds: 15, now: later(beat * 15, later(-600)) });
    }
    // A page reloaded just now (a new form), after 3 min of recorded activity.
    const result = await complete(userId, "l1", { token: completionToken(key, userId, "l1", later(-5)), now: shown });
    expect(result).toEqual({ ok: true, completed: true, creditedSeconds: 5 });
    expect((await db.lessonProgress.findUniqueOrThrow({ where: { userId_lessonId: { userId, lessonId: "l1" } } })).activeSeconds).toBe(185);
  });

  test("a forged, altered, expired or borrowed form is refused with a 400 and a French reason", async () => {
    const { db } = get();
    const userId = await learner();
    const other = await learner();
    const genuine = completionToken(key, userId, "l1", shown);
    const [time, signature] = genuine.split(".");
    const invalid = {
      ok: false,
      status: 400,
      tooEarly: false,
      error: expect.stringMatching(/^Ce formulaire de fin de leçon n'est pas valide/),
    };
    for (const [token, lessonId, who] of [
      [`${Number(time) - 3_600_000}.${signature}`, "l1", userId], // « opened an hour earlier »
      [completionToken(completionTokenKey(signingKeyFromPem(generateSigningKeyPem())), userId, "l1", later(-3600)), "l1", userId],
      [genuine, "l2", userId], // another lesson
      [genuine, "l1", other], // another learner's form
      ["", "l1", userId], // no form at all: a completion posted by hand
    ] as const) {
      expect(await complete(who, lessonId, { token, now: later(600) }), token).toEqual(invalid);
    }
    expect(await complete(userId, "l1", { token: genuine, now: later(25 * 3600) })).toEqual({
      ok: false,
      status: 400,
      tooEarly: false,
      error: "Cette page de leçon a été ouverte il y a plus de 24 heures\u00A0: rechargez-la, puis marquez la leçon comme terminée.",
    });
    expect(await db.lessonProgress.count({ where: { userId: { in: [userId, other] } } })).toBe(0);
  });

  test("lessons opened together in several tabs share one stretch of time", async () => {
    const { db } = get();
    const userId = await learner();
    const tokens = ["l1", "l2"].map((lessonId) => completionToken(key, userId, lessonId, shown));
    expect(await complete(userId, "l1", { token: tokens[0]!, now: later(600) })).toMatchObject({ ok: true, creditedSeconds: 600 });
    // Also opened ten minutes ago, but those ten minutes were just credited to l1.
    expect(await complete(userId, "l2", { token: tokens[1]!, now: later(601) })).toMatchObject({ ok: true, creditedSeconds: 1 });
    const total = await db.activeTimeEntry.aggregate({ where: { userId }, _sum: { seconds: true } });
    expect(total._sum.seconds).toBe(601);
  });

  test("a certificate is refused when everything is done without the time, and granted once the time is recorded", async () => {
    const { db } = get();
    const userId = await learner();
    const at = later(0);
    // The speed-run: each lesson marked done at its minimum, the assessment passed.
    let now = at;
    for (const lessonId of ["l1", "l2"]) {
      const token = completionToken(key, userId, lessonId, now);
      now = later(LESSON.minimumSeconds, now);
      expect(await complete(userId, lessonId, { token, now })).toMatchObject({ ok: true, completed: true });
    }
    await db.quizAttempt.create({
      data: { userId, quizId: "final", number: 1, layout: "[]", startedAt: now, submittedAt: later(60, now), score: 90, passed: true },
    });
    const refused = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    expect(refused.certificate).toBeNull();
    expect(refused.eligibility).toEqual({ eligible: false, missing: [{ kind: "temps", recordedSeconds: 360, requiredSeconds: 1800 }] });
    expect(await db.certificate.count({ where: { userId } })).toBe(0);

    // Coming back to read: 24 more minutes of heartbeats on the lessons.
    for (let beat = 1; beat <= 96; beat++) {
      await recordActiveTime(db, {
        userId,
        lessonId: beat % 2 ? "l1" : "l2",
        pathId: PATH.id,
        claimedSeconds: 15,
        now: later(600 + beat * 15, now),
      });
    }
    const granted = await issueCertificateIfEligible(db, userId, PATH, REQUIREMENTS, context);
    expect(granted.certificate).not.toBeNull();
    const stored = await db.certificate.findUniqueOrThrow({ where: { id: granted.certificate!.id } });
    expect(stored.activeSeconds).toBe(360 + 96 * 15);
  });
});
