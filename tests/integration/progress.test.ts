import { expect, test } from "vitest";
import { HEARTBEAT_SECONDS } from "~/progress/active-time.ts";
import {
  completeLesson,
  getEnrollments,
  getLessonProgress,
  getReflections,
  recordActiveTime,
  saveReflection,
} from "~/progress/progress.server.ts";
import { everyCrashPoint } from "../helpers/crash-at.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

describeEachDatabase("progress", (get) => {
  const learner = () => createLearner(get().db, { name: "Apprenant Test", emailPrefix: "progression" });

  test("completing a lesson twice keeps one completion and its first date", async () => {
    const { db } = get();
    const userId = await learner();
    const first = new Date("2026-03-01T10:00:00Z");
    expect(await completeLesson(db, { userId, lessonId: "l1-1", pathId: "parcours-1h", now: first })).toBe(true);
    expect(await completeLesson(db, { userId, lessonId: "l1-1", pathId: "parcours-1h", now: new Date("2026-03-02T10:00:00Z") })).toBe(
      false,
    );
    const rows = await db.lessonProgress.findMany({ where: { userId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.completedAt).toEqual(first);
  });

  test("parallel completions create exactly one progress row and one enrollment", async () => {
    const { db } = get();
    const userId = await learner();
    const results = await Promise.all(
      Array.from({ length: 8 }, () => completeLesson(db, { userId, lessonId: "l1-2", pathId: "parcours-1h" })),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.lessonProgress.count({ where: { userId, lessonId: "l1-2" } })).toBe(1);
    expect(await db.pathEnrollment.count({ where: { userId, pathId: "parcours-1h" } })).toBe(1);
  });

  test("a lesson shared by two paths counts once per learner, whichever path it was done in", async () => {
    const { db } = get();
    const userId = await learner();
    await completeLesson(db, { userId, lessonId: "l2-1", pathId: "parcours-1h" });
    await completeLesson(db, { userId, lessonId: "l2-1", pathId: "parcours-4h" });
    const progress = await getLessonProgress(db, userId);
    expect(progress.map((row) => row.lessonId)).toEqual(["l2-1"]);
    expect((await getEnrollments(db, userId)).map((row) => row.pathId).sort()).toEqual(["parcours-1h", "parcours-4h"]);
  });

  test("active time: capped per heartbeat, bounded by the server's clock, written to the ledger", async () => {
    const { db } = get();
    const userId = await learner();
    const t0 = new Date("2026-03-01T10:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    // A first heartbeat claiming far too much is capped.
    expect(await recordActiveTime(db, { userId, lessonId: "l1-1", pathId: "parcours-1h", claimedSeconds: 3600, now: t0 })).toBe(
      HEARTBEAT_SECONDS,
    );
    // 15 s later, a normal heartbeat.
    expect(await recordActiveTime(db, { userId, lessonId: "l1-1", pathId: "parcours-1h", claimedSeconds: 15, now: at(15) })).toBe(15);
    // A second tab beating 4 s later only gets the 4 s that really passed.
    expect(await recordActiveTime(db, { userId, lessonId: "l1-2", pathId: "parcours-1h", claimedSeconds: 15, now: at(19) })).toBe(4);
    // Nonsense claims credit nothing.
    expect(await recordActiveTime(db, { userId, lessonId: "l1-1", pathId: null, claimedSeconds: -5, now: at(40) })).toBe(0);

    const ledger = await db.activeTimeEntry.findMany({ where: { userId }, orderBy: { receivedAt: "asc" } });
    expect(ledger.map((entry) => [entry.lessonId, entry.seconds])).toEqual([
      ["l1-1", 15],
      ["l1-1", 15],
      ["l1-2", 4],
    ]);
    const progress = Object.fromEntries((await getLessonProgress(db, userId)).map((row) => [row.lessonId, row.activeSeconds]));
    expect(progress).toEqual({ "l1-1": 30, "l1-2": 4 });
    expect((await getEnrollments(db, userId))[0]).toMatchObject({ pathId: "parcours-1h", lastLessonId: "l1-2" });
  });

  test("simultaneous heartbeats never credit more than the time that passed", async () => {
    const { db } = get();
    const userId = await learner();
    await recordActiveTime(db, { userId, lessonId: "l1-1", pathId: null, claimedSeconds: 15, now: new Date(Date.now() - 15_000) });
    const now = new Date();
    const credits = await Promise.all(
      Array.from({ length: 6 }, () => recordActiveTime(db, { userId, lessonId: "l1-1", pathId: null, claimedSeconds: 15, now })),
    );
    expect(credits.reduce((sum, value) => sum + value, 0)).toBe(15);
    const total = await db.activeTimeEntry.aggregate({ where: { userId }, _sum: { seconds: true } });
    expect(total._sum.seconds).toBe(30);
    expect((await getLessonProgress(db, userId))[0]?.activeSeconds).toBe(30);
  });

  /** A lesson whose MDX asks one reflection, as its compiled usage says. */
  const lesson = { id: "l1-2", usage: { components: [{ name: "Reflection", attributes: { id: "l1-2-defi" }, line: 3 }] } };

  test("reflections are saved per learner and overwritten by a new answer", async () => {
    const { db } = get();
    const userId = await learner();
    const other = await learner();
    await saveReflection(db, { userId, lesson, reflectionId: "l1-2-defi", answer: "Première réponse" });
    await saveReflection(db, { userId, lesson, reflectionId: "l1-2-defi", answer: "Réponse revue" });
    await saveReflection(db, { userId: other, lesson, reflectionId: "l1-2-defi", answer: "Celle d'un autre" });
    expect((await getReflections(db, userId, ["l1-2-defi"])).map((row) => row.answer)).toEqual(["Réponse revue"]);
    expect(await db.reflectionAnswer.count({ where: { reflectionId: "l1-2-defi" } })).toBe(2);
  });

  test("a reflection the lesson does not ask is refused, and nothing is written", async () => {
    const { db } = get();
    const userId = await learner();
    const result = await saveReflection(db, { userId, lesson, reflectionId: "l9-9-ailleurs", answer: "Réponse égarée" });
    expect(result).toEqual({ ok: false, error: "Cette question n'existe pas dans cette leçon." });
    expect(await db.reflectionAnswer.count({ where: { userId } })).toBe(0);
  });
});

describeEachDatabase("progress after a crash at any point", (get) => {
  const learner = () => createLearner(get().db, { name: "Apprenant Arrêt", emailPrefix: "arret" });

  /** Progress on a lesson of a path always comes with the learner's enrolment in that path. */
  async function expectNoProgressWithoutEnrolment(userId: string, pathId: string, step: number) {
    const { db } = get();
    const progress = await db.lessonProgress.count({ where: { userId } });
    const enrolled = await db.pathEnrollment.count({ where: { userId, pathId } });
    expect(progress > 0 && enrolled === 0, `arrêt à l'étape ${step} : progression sans inscription au parcours`).toBe(false);
  }

  test("completing a lesson never leaves progress without the path's enrolment, whichever statement the process dies at", async () => {
    const users: string[] = [];
    const steps = await everyCrashPoint(
      get().db,
      async (db, run) => {
        users[run] = await learner();
        await completeLesson(db, { userId: users[run]!, lessonId: "l1-1", pathId: "parcours-1h" });
      },
      (run) => expectNoProgressWithoutEnrolment(users[run]!, "parcours-1h", run),
    );
    expect(steps).toBeGreaterThan(2);
  });

  test("a heartbeat never leaves active time without the path's enrolment, whichever statement the process dies at", async () => {
    const users: string[] = [];
    const steps = await everyCrashPoint(
      get().db,
      async (db, run) => {
        users[run] = await learner();
        await recordActiveTime(db, { userId: users[run]!, lessonId: "l1-1", pathId: "parcours-1h", claimedSeconds: HEARTBEAT_SECONDS });
      },
      (run) => expectNoProgressWithoutEnrolment(users[run]!, "parcours-1h", run),
    );
    expect(steps).toBeGreaterThan(3);
  });
});
