/**
 * Who answers a question: the trainer of the learner's cohort on that path, else the référent
 * pédagogique. Pure: the memberships come from the database, the choice is made here.
 */

export interface Membership {
  cohortId: string;
  pathId: string;
  joinedAt: Date;
  archivedAt: Date | null;
}

/**
 * The cohort whose trainer answers a question on `pathId`, or null for the référent pédagogique.
 * A learner may be in several cohorts of one path (a course taken twice): an open cohort before an
 * archived one, then the one joined last, since that is the group they follow now.
 */
export function cohortForQuestion(memberships: readonly Membership[], pathId: string): string | null {
  const candidates = memberships
    .filter((membership) => membership.pathId === pathId)
    .sort((a, b) => Number(a.archivedAt !== null) - Number(b.archivedAt !== null) || b.joinedAt.getTime() - a.joinedAt.getTime());
  return candidates[0]?.cohortId ?? null;
}
