/**
 * Cohorts: a trainer's groups and their members. Every function that acts for a trainer takes the
 * trainer's id and matches on it, so a trainer can only ever touch their own cohorts; a cohort that
 * is not theirs is indistinguishable from one that does not exist.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { JOIN_CODE_RANDOM_BYTES, joinCodeFromBytes, normalizeJoinCode } from "./join-code.ts";
import { parseDay } from "./cohort-schemas.ts";

/** Codes are guessed by trying them: each address may look up 30 in 15 minutes. */
export const JOIN_RATE_LIMIT = { limit: 30, windowMs: 15 * 60 * 1000 };

interface CohortInput {
  name: string;
  startsOn?: string;
  dueOn?: string;
}

function newJoinCode(): string {
  return joinCodeFromBytes(randomBytes(JOIN_CODE_RANDOM_BYTES));
}

/** Runs `write` with a fresh code until it does not collide (40 bits: a retry is already rare). */
async function withFreshCode<T>(write: (joinCode: string) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      if (!isUniqueConstraintError(error) || attempt >= 4) throw error;
    }
  }
}

export function createCohort(db: Db, trainerId: string, input: CohortInput & { pathId: string }) {
  return withFreshCode((joinCode) =>
    db.cohort.create({
      data: {
        trainerId,
        name: input.name,
        pathId: input.pathId,
        startsOn: parseDay(input.startsOn),
        dueOn: parseDay(input.dueOn),
        joinCode,
      },
      select: { id: true, joinCode: true },
    }),
  );
}

/** The trainer's cohort, or null when it does not exist or is someone else's. */
export function getTrainerCohort(db: Db, trainerId: string, cohortId: string) {
  return db.cohort.findFirst({
    where: { id: cohortId, trainerId },
    select: {
      id: true,
      name: true,
      pathId: true,
      startsOn: true,
      dueOn: true,
      joinCode: true,
      archivedAt: true,
      createdAt: true,
      _count: { select: { members: true } },
    },
  });
}

export function listTrainerCohorts(db: Db, trainerId: string) {
  return db.cohort.findMany({
    where: { trainerId },
    orderBy: [{ archivedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      pathId: true,
      startsOn: true,
      dueOn: true,
      joinCode: true,
      archivedAt: true,
      _count: { select: { members: true } },
    },
  });
}

/** @returns false when the cohort is not the trainer's. */
export async function updateCohort(db: Db, trainerId: string, cohortId: string, input: CohortInput): Promise<boolean> {
  const { count } = await db.cohort.updateMany({
    where: { id: cohortId, trainerId },
    data: { name: input.name, startsOn: parseDay(input.startsOn), dueOn: parseDay(input.dueOn) },
  });
  return count === 1;
}

export async function setCohortArchived(
  db: Db,
  trainerId: string,
  cohortId: string,
  archived: boolean,
  now = new Date(),
): Promise<boolean> {
  const { count } = await db.cohort.updateMany({ where: { id: cohortId, trainerId }, data: { archivedAt: archived ? now : null } });
  return count === 1;
}

/** A new code; the previous one stops working at once. Null when the cohort is not the trainer's. */
export async function regenerateJoinCode(db: Db, trainerId: string, cohortId: string): Promise<string | null> {
  return withFreshCode(async (joinCode) => {
    const { count } = await db.cohort.updateMany({ where: { id: cohortId, trainerId }, data: { joinCode } });
    return count === 1 ? joinCode : null;
  });
}

export async function removeMember(db: Db, trainerId: string, cohortId: string, userId: string): Promise<boolean> {
  const { count } = await db.cohortMember.deleteMany({ where: { cohortId, userId, cohort: { trainerId } } });
  return count === 1;
}

/** What the consent screen shows about the cohort a code opens; null for an unknown code. */
export async function findCohortByCode(db: Db, typed: string) {
  const joinCode = normalizeJoinCode(typed);
  if (!joinCode) return null;
  return db.cohort.findUnique({
    where: { joinCode },
    select: {
      id: true,
      name: true,
      pathId: true,
      startsOn: true,
      dueOn: true,
      archivedAt: true,
      trainerId: true,
      trainer: { select: { name: true } },
    },
  });
}

type JoinResult =
  { status: "rejoint" | "deja-membre"; cohortId: string; pathId: string } | { status: "inconnu" | "archivee" | "sa-propre-cohorte" };

/** Joins the cohort a code opens. Idempotent: joining twice, or twice at once, leaves one membership. */
export async function joinCohort(db: Db, userId: string, typed: string): Promise<JoinResult> {
  const cohort = await findCohortByCode(db, typed);
  if (!cohort) return { status: "inconnu" };
  if (cohort.archivedAt) return { status: "archivee" };
  if (cohort.trainerId === userId) return { status: "sa-propre-cohorte" };
  try {
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId } });
    return { status: "rejoint", cohortId: cohort.id, pathId: cohort.pathId };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    return { status: "deja-membre", cohortId: cohort.id, pathId: cohort.pathId };
  }
}

export async function leaveCohort(db: Db, userId: string, cohortId: string): Promise<boolean> {
  const { count } = await db.cohortMember.deleteMany({ where: { cohortId, userId } });
  return count === 1;
}

export function listMemberships(db: Db, userId: string) {
  return db.cohortMember.findMany({
    where: { userId },
    orderBy: { joinedAt: "desc" },
    select: {
      joinedAt: true,
      cohort: { select: { id: true, name: true, pathId: true, archivedAt: true, trainer: { select: { name: true } } } },
    },
  });
}

/** The learner, if they are a member of this trainer's cohort; null otherwise. */
export function getCohortMember(db: Db, trainerId: string, cohortId: string, userId: string) {
  return db.cohortMember.findFirst({
    where: { cohortId, userId, cohort: { trainerId } },
    select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
  });
}
