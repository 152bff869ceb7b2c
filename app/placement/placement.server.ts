/**
 * Storage of the positioning: one PlacementResponse row per learner, path and moment. Every
 * function takes the acting user's id and reads or writes only what that user may: a learner their
 * own rows, a trainer the rows of their own cohort's members.
 */
import { pathLessons, type Catalog, type Path } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { getLessonProgress } from "~/progress/progress.server.ts";
import { isOpen, type LessonCounts, type PlacementForm } from "./placement-rules.ts";
import { StoredAnswersSchema, StoredObjectivesSchema, type Moment, type StoredAnswer, type StoredObjective } from "./placement-schema.ts";

export interface PlacementRecord {
  moment: Moment;
  objectives: StoredObjective[];
  diagnostic: StoredAnswer[];
  /** First answered. */
  answeredAt: Date;
  /** Last saved (the same as answeredAt until the learner answers again). */
  updatedAt: Date;
}

const SELECT = { moment: true, objectives: true, diagnostic: true, answeredAt: true, updatedAt: true } as const;

function toRecord(row: { moment: string; objectives: string; diagnostic: string; answeredAt: Date; updatedAt: Date }): PlacementRecord {
  return {
    moment: row.moment as Moment,
    objectives: StoredObjectivesSchema.parse(JSON.parse(row.objectives)),
    diagnostic: StoredAnswersSchema.parse(JSON.parse(row.diagnostic)),
    answeredAt: row.answeredAt,
    updatedAt: row.updatedAt,
  };
}

export interface LearnerPlacements {
  entry: PlacementRecord | null;
  exit: PlacementRecord | null;
}

/** A learner's own entry and exit answers on a path. */
export async function getPlacements(db: Db, userId: string, pathId: string): Promise<LearnerPlacements> {
  const rows = await db.placementResponse.findMany({ where: { userId, pathId }, select: SELECT });
  const find = (moment: Moment) => {
    const row = rows.find((candidate) => candidate.moment === moment);
    return row ? toRecord(row) : null;
  };
  return { entry: find("ENTRY"), exit: find("EXIT") };
}

/**
 * How many of the path's lessons the learner completed, in all and since they started this path,
 * for the opening rules (placement-rules.ts). The paths share lessons (the 4 h path reuses the 1 h
 * lessons): one completed in another path, before this one was started, does not count as
 * progress in this one, so a learner who moves on from 1 h to 4 h is still asked where they start.
 */
export async function lessonCounts(db: Db, catalog: Catalog, path: Path, userId: string): Promise<LessonCounts> {
  const lessonIds = pathLessons(catalog, path).map(({ lesson }) => lesson.id);
  const [rows, enrollment] = await Promise.all([
    getLessonProgress(db, userId, lessonIds),
    db.pathEnrollment.findUnique({ where: { userId_pathId: { userId, pathId: path.id } }, select: { startedAt: true } }),
  ]);
  const completed = rows.flatMap((row) => (row.completedAt ? [row.completedAt] : []));
  return {
    completedLessons: completed.length,
    completedInPath: enrollment ? completed.filter((at) => at >= enrollment.startedAt).length : 0,
    totalLessons: lessonIds.length,
  };
}

export type SaveResult = { ok: true; record: PlacementRecord } | { ok: false; reason: "closed" };

/**
 * Records the learner's answers for one moment, replacing earlier ones while the moment is open
 * (placement-rules.ts). One row whatever the number of simultaneous submissions: the row is keyed
 * by learner, path and moment, and the one that loses the race to create it updates it instead.
 */
export async function savePlacement(
  db: Db,
  input: { userId: string; catalog: Catalog; path: Path; moment: Moment; values: PlacementForm; now: Date },
): Promise<SaveResult> {
  const { userId, path, moment, values, now } = input;
  if (!isOpen(moment, await lessonCounts(db, input.catalog, path, userId))) return { ok: false, reason: "closed" };
  const key = { userId_pathId_moment: { userId, pathId: path.id, moment } };
  const data = { objectives: JSON.stringify(values.objectives), diagnostic: JSON.stringify(values.diagnostic), updatedAt: now };
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await db.placementResponse.upsert({
        where: key,
        create: { userId, pathId: path.id, moment, ...data, answeredAt: now },
        update: data,
        select: SELECT,
      });
      return { ok: true, record: toRecord(row) };
    } catch (error) {
      if (!isUniqueConstraintError(error) || attempt >= 2) throw error;
    }
  }
}

/** A cohort member's entry and exit, for their trainer; null unless the learner is in the trainer's cohort. */
export async function getMemberPlacements(
  db: Db,
  trainerId: string,
  cohortId: string,
  learnerId: string,
  pathId: string,
): Promise<LearnerPlacements | null> {
  const member = await db.cohortMember.findFirst({ where: { cohortId, userId: learnerId, cohort: { trainerId } }, select: { id: true } });
  if (!member) return null;
  return getPlacements(db, learnerId, pathId);
}

/** Every member's answers on the cohort's path, for the trainer of that cohort only (else an empty list). */
export async function getCohortPlacements(db: Db, trainerId: string, cohortId: string, pathId: string) {
  const rows = await db.placementResponse.findMany({
    where: { pathId, user: { cohortMemberships: { some: { cohortId, cohort: { trainerId } } } } },
    select: { ...SELECT, userId: true },
  });
  return rows.map((row) => ({ userId: row.userId, ...toRecord(row) }));
}

/**
 * The evidence for documents (attestation de fin de formation, issue 20 item 5): for one learner
 * and one path, the entry and exit answers as they were given, with the date each was first given
 * and last changed. The caller decides who may see it (the learner, their trainer, an admin).
 */
export async function placementEvidence(db: Db, userId: string, pathId: string) {
  const { entry, exit } = await getPlacements(db, userId, pathId);
  const shape = (record: PlacementRecord | null) =>
    record
      ? { answeredAt: record.answeredAt, updatedAt: record.updatedAt, objectives: record.objectives, diagnostic: record.diagnostic }
      : null;
  return { pathId, entry: shape(entry), exit: shape(exit) };
}
