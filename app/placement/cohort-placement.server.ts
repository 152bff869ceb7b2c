/** The positioning as a cohort's trainer sees it: one member's answers, or the cohort's distribution. */
import type { Path } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { progressionRows, summarizeCohortPlacements } from "./placement-rules.ts";
import { getCohortPlacements, getMemberPlacements } from "./placement.server.ts";

/** A member's entry and exit per objective, and their entry diagnostic answers; null if not the trainer's member. */
export async function loadMemberPlacement(db: Db, trainerId: string, cohortId: string, learnerId: string, path: Path) {
  const placements = await getMemberPlacements(db, trainerId, cohortId, learnerId, path.id);
  if (!placements) return null;
  const { entry, exit } = placements;
  return {
    entryAt: entry?.updatedAt.toISOString() ?? null,
    exitAt: exit?.updatedAt.toISOString() ?? null,
    rows: progressionRows(path.objectives, entry?.objectives ?? null, exit?.objectives ?? null),
    diagnostic: entry?.diagnostic ?? [],
  };
}

/** The distribution of levels per objective at entry and at exit, each hidden under the privacy threshold. */
export async function loadCohortPlacementSummary(db: Db, trainerId: string, cohortId: string, path: Path) {
  const responses = await getCohortPlacements(db, trainerId, cohortId, path.id);
  return summarizeCohortPlacements(path.objectives, responses);
}

/** Each member's levels by objective, for the cohort CSV: `entry[i]` / `exit[i]` follow path.objectives. */
export async function loadCohortPlacementLevels(db: Db, trainerId: string, cohortId: string, path: Path) {
  const responses = await getCohortPlacements(db, trainerId, cohortId, path.id);
  const levels = new Map<string, { entry: Array<number | null>; exit: Array<number | null> }>();
  for (const response of responses) {
    const row = levels.get(response.userId) ?? { entry: path.objectives.map(() => null), exit: path.objectives.map(() => null) };
    const target = response.moment === "ENTRY" ? row.entry : row.exit;
    path.objectives.forEach((objective, index) => {
      target[index] = response.objectives.find((stored) => stored.objective === objective)?.level ?? null;
    });
    levels.set(response.userId, row);
  }
  return levels;
}
