/** What every project page needs: the signed-in learner, the project definition, its path, their project. */
import type { AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { getCatalog, getProject as getProjectDefinition } from "~/courses/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { openProject } from "./project.server.ts";

export async function requireProjectPage(request: Request, context: AppLoadContext, projectId: string | undefined) {
  const user = await requireUser(request, context);
  const definition = projectId ? getProjectDefinition(projectId) : undefined;
  if (!definition) throw new Response("Ce projet n'existe pas.", { status: 404 });
  const path = getCatalog().paths.find((candidate) => candidate.finalProject === definition.id) ?? null;
  const project = await openProject(db, user.id, definition);
  return { user, definition, path, project };
}
