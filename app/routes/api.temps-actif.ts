import type { LoaderFunctionArgs } from "@remix-run/node";
import type { ActionFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { getCurrentUser } from "~/auth/session.server.ts";
import { findLesson, findPath, pathLessons } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { recordActiveTime } from "~/progress/progress.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { now } from "~/utils/clock.server.ts";

const HeartbeatSchema = z.object({
  lessonId: z.string().min(1).max(100),
  pathId: z.string().min(1).max(100),
  seconds: z.coerce.number().int().min(0).max(3600),
});

export const loader = withErrorPages<LoaderFunctionArgs>(async () => {
  throw new Response("Cette adresse reçoit le temps d'activité envoyé par les pages de leçon.", { status: 405 });
});

/** Heartbeat from a lesson page (see app/progress/use-active-time.ts). */
export const action = withErrorPages(async ({ request, context }: ActionFunctionArgs) => {
  const user = await getCurrentUser(request, context);
  if (!user) return json({ error: "Connectez-vous pour que votre temps soit enregistré." }, { status: 401 });
  const parsed = HeartbeatSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return json({ error: "Signal d'activité invalide." }, { status: 400 });
  const catalog = getCatalog();
  const lesson = findLesson(catalog, parsed.data.lessonId);
  const path = findPath(catalog, parsed.data.pathId);
  if (!lesson || !path || !pathLessons(catalog, path).some((entry) => entry.lesson.id === lesson.id)) {
    return json({ error: "Leçon inconnue dans ce parcours." }, { status: 404 });
  }
  const credited = await recordActiveTime(db, {
    userId: user.id,
    lessonId: lesson.id,
    pathId: path.id,
    claimedSeconds: parsed.data.seconds,
    now: now(),
  });
  return json({ credited });
});
