/**
 * The responses aggregates and exports read: a cohort's (its members' responses for the cohort's
 * path, whenever they answered) and the platform's. Never a user id or a name.
 */
import type { Db } from "~/db/create-db.server.ts";
import type { ResponseRow } from "./aggregate.ts";

const FIELDS = {
  pathId: true,
  profile: true,
  objectivesMet: true,
  clarity: true,
  usefulness: true,
  recommend: true,
  comment: true,
  answeredAt: true,
} as const;

export async function cohortResponses(db: Db, cohort: { id: string; pathId: string }): Promise<ResponseRow[]> {
  return db.satisfactionResponse.findMany({
    where: { pathId: cohort.pathId, user: { cohortMemberships: { some: { cohortId: cohort.id } } } },
    select: FIELDS,
    orderBy: { answeredAt: "asc" },
  });
}

/** Every response of the platform, optionally of one path. */
export async function platformResponses(db: Db, pathId?: string): Promise<ResponseRow[]> {
  return db.satisfactionResponse.findMany({
    where: pathId ? { pathId } : {},
    select: FIELDS,
    orderBy: [{ pathId: "asc" }, { answeredAt: "asc" }],
  });
}
