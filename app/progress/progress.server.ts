/**
 * Learner progress in the database: active time, lesson completion, the paths a learner started,
 * and reflection answers. Every write is idempotent and safe under concurrent requests (unique
 * constraints with native upserts, compare-and-set on the active-time clock).
 */
import type { Db, Tx } from "~/db/create-db.server.ts";
import type { LessonUsage } from "~/courses/mdx-usage.ts";
import { creditedSeconds } from "./active-time.ts";

const NEVER = new Date(0);

export interface Heartbeat {
  userId: string;
  lessonId: string;
  pathId: string | null;
  claimedSeconds: number;
  /** Most this claim can be worth; a heartbeat's interval unless said otherwise. */
  cap?: number;
  now?: Date;
}

/** Credits a heartbeat; returns the seconds credited (0 when another heartbeat got there first). */
export async function recordActiveTime(db: Db, beat: Heartbeat): Promise<number> {
  const now = beat.now ?? new Date();
  // Make sure the learner's clock row exists, outside the transaction: a concurrent creation is a
  // harmless unique-constraint conflict here, but would abort a PostgreSQL transaction.
  await db.activeTimeClock
    .upsert({ where: { userId: beat.userId }, create: { userId: beat.userId, lastBeatAt: NEVER }, update: {} })
    .catch((error: unknown) => {
      if ((error as { code?: string }).code !== "P2002") throw error;
    });

  const clock = await db.activeTimeClock.findUniqueOrThrow({ where: { userId: beat.userId } });
  const lastBeatAt = clock.lastBeatAt.getTime() === NEVER.getTime() ? null : clock.lastBeatAt;
  const seconds = creditedSeconds({ claimed: beat.claimedSeconds, lastBeatAt, now, cap: beat.cap });
  if (seconds <= 0) return 0;
  // Compare-and-set in one statement: of concurrent heartbeats, only one moves the clock.
  const swapped = await db.activeTimeClock.updateMany({
    where: { userId: beat.userId, lastBeatAt: clock.lastBeatAt },
    data: { lastBeatAt: now },
  });
  if (swapped.count === 0) return 0; // a concurrent heartbeat was credited for this moment
  // The ledger entry and the running total are written together, or not at all. Should the process
  // die between the clock and this write, those seconds are simply not credited: attestations may
  // under-count, never over-count, and the ledger always equals the totals. (A batch transaction:
  // no round trip to the app in the middle, so it holds a connection or the file lock briefly.)
  // The path's enrolment is in the same batch: progress never exists without it, even after a crash.
  await db.$transaction([
    ...(beat.pathId ? [enrollmentUpsert(db, beat.userId, beat.pathId, beat.lessonId, now)] : []),
    db.activeTimeEntry.create({ data: { userId: beat.userId, lessonId: beat.lessonId, pathId: beat.pathId, receivedAt: now, seconds } }),
    db.lessonProgress.upsert({
      where: { userId_lessonId: { userId: beat.userId, lessonId: beat.lessonId } },
      create: { userId: beat.userId, lessonId: beat.lessonId, startedAt: now, activeSeconds: seconds, lastActiveAt: now },
      update: { activeSeconds: { increment: seconds }, lastActiveAt: now },
    }),
  ]);
  return seconds;
}

/** Records that a learner opened `lessonId` within `pathId` (the dashboard's « Reprendre »). */
async function touchPath(db: Db | Tx, userId: string, pathId: string, lessonId: string, now = new Date()) {
  await enrollmentUpsert(db, userId, pathId, lessonId, now);
}

function enrollmentUpsert(db: Db | Tx, userId: string, pathId: string, lessonId: string, now: Date) {
  return db.pathEnrollment.upsert({
    where: { userId_pathId: { userId, pathId } },
    create: { userId, pathId, startedAt: now, lastLessonId: lessonId, lastVisitedAt: now },
    update: { lastLessonId: lessonId, lastVisitedAt: now },
  });
}

/**
 * Marks a lesson completed. Completing again keeps the first completion date.
 * @returns whether this call completed it (false when it already was).
 */
export async function completeLesson(
  db: Db,
  { userId, lessonId, pathId, now = new Date() }: { userId: string; lessonId: string; pathId: string | null; now?: Date },
): Promise<boolean> {
  // Each statement is atomic on its own; together they are idempotent, so no transaction is needed
  // (a retry after a crash between them completes what was left). The enrolment comes first, so
  // that a crash can leave an enrolment without progress (harmless), never progress without one.
  if (pathId) await touchPath(db, userId, pathId, lessonId, now);
  await db.lessonProgress.upsert({
    where: { userId_lessonId: { userId, lessonId } },
    create: { userId, lessonId, startedAt: now, lastActiveAt: now },
    update: { lastActiveAt: now },
  });
  const completed = await db.lessonProgress.updateMany({
    where: { userId, lessonId, completedAt: null },
    data: { completedAt: now },
  });
  return completed.count === 1;
}

export function getLessonProgress(db: Db, userId: string, lessonIds?: string[]) {
  return db.lessonProgress.findMany({
    where: { userId, ...(lessonIds ? { lessonId: { in: lessonIds } } : {}) },
    select: { lessonId: true, startedAt: true, completedAt: true, activeSeconds: true },
  });
}

export function getEnrollments(db: Db, userId: string) {
  return db.pathEnrollment.findMany({
    where: { userId },
    orderBy: { lastVisitedAt: "desc" },
    select: { pathId: true, startedAt: true, lastLessonId: true, lastVisitedAt: true },
  });
}

export const REFLECTION_NOT_IN_LESSON = "Cette question n'existe pas dans cette leçon.";

/**
 * Saves a learner's answer to one of the lesson's reflections. The id comes from the form, so it
 * is checked against the `<Reflection id>` the lesson's MDX uses: no row for a question that does
 * not exist (or belongs to another lesson).
 */
export async function saveReflection(
  db: Db,
  {
    userId,
    lesson,
    reflectionId,
    answer,
  }: { userId: string; lesson: { id: string; usage: Pick<LessonUsage, "components"> }; reflectionId: string; answer: string },
) {
  const asked = lesson.usage.components.some((c) => c.name === "Reflection" && c.attributes.id === reflectionId);
  if (!asked) return { ok: false as const, error: REFLECTION_NOT_IN_LESSON };
  const saved = await db.reflectionAnswer.upsert({
    where: { userId_reflectionId: { userId, reflectionId } },
    create: { userId, lessonId: lesson.id, reflectionId, answer },
    update: { answer, lessonId: lesson.id },
    select: { reflectionId: true, answer: true, updatedAt: true },
  });
  return { ok: true as const, saved };
}

export function getReflections(db: Db, userId: string, reflectionIds: string[]) {
  return db.reflectionAnswer.findMany({
    where: { userId, reflectionId: { in: reflectionIds } },
    select: { reflectionId: true, answer: true, updatedAt: true },
  });
}
