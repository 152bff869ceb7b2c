/**
 * The guards of every trainer route: the signed-in user must be a trainer (or an admin), and the
 * cohort theirs. Someone else's cohort is a 404, like one that does not exist: its id reveals nothing.
 */
import type { AppLoadContext } from "@remix-run/node";
import { requireRole } from "~/auth/session.server.ts";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { getTrainerCohort } from "./cohorts.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

const TRAINER_ROLES = ["TRAINER", "ADMIN"] as const;

export function requireTrainer(request: Request, context: AppLoadContext) {
  return requireRole(request, context, TRAINER_ROLES);
}

export async function requireTrainerCohort(request: Request, context: AppLoadContext, cohortId: string | undefined) {
  const user = await requireTrainer(request, context);
  const cohort = cohortId ? await getTrainerCohort(db, user.id, cohortId) : null;
  invariantResponse(cohort, "Cette cohorte n'existe pas, ou vous n'en êtes pas le formateur ou la formatrice.");
  const path = findPath(getCatalog(), cohort.pathId);
  invariantResponse(path, "Le parcours de cette cohorte n'existe plus dans le catalogue.");
  return { user, cohort, path };
}
