/** What every project page needs: the signed-in learner, the project definition, its path, their project. */
import type { AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { getCatalog, getProject as getProjectDefinition } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { viewProject } from "~/projects/project.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

/** For a page (loader): the learner's project as it stands (GET writes nothing; the first save creates it). */
export async function requireProjectPage(request: Request, context: AppLoadContext, projectId: string | undefined) {
  const { user, definition, path } = await requireProjectDefinition(request, context, projectId);
  const project = await viewProject(db, user.id, definition);
  return { user, definition, path, project };
}

/** For an action: the learner and the definition, nothing written (a refused request must not create a project). */
export async function requireProjectDefinition(request: Request, context: AppLoadContext, projectId: string | undefined) {
  const user = await requireUser(request, context);
  const definition = projectId ? getProjectDefinition(projectId) : undefined;
  invariantResponse(definition, "Ce projet n'existe pas.");
  const path = getCatalog().paths.find((candidate) => candidate.finalProject === definition.id) ?? null;
  return { user, definition, path };
}
