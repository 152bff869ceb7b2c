/**
 * The two positioning pages (/parcours/:slug/positionnement and /parcours/:slug/auto-evaluation):
 * what their loader shows and what their action records, for the signed-in learner only.
 */
import { json, redirect, type AppLoadContext } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { lessonUrl, pathLessons, requirePath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { now } from "~/utils/clock.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { getDiagnosticQuestions } from "./placement-definitions.server.ts";
import { CLOSED_MESSAGES, isOpen, objectiveField, questionField, readPlacementForm } from "./placement-rules.ts";
import { getPlacements, lessonCounts, savePlacement } from "./placement.server.ts";
import type { Moment } from "./placement-schema.ts";

export const PLACEMENT_PAGES: Record<Moment, string> = { ENTRY: "positionnement", EXIT: "auto-evaluation" };

export function placementUrl(pathSlug: string, moment: Moment): string {
  return `/parcours/${pathSlug}/${PLACEMENT_PAGES[moment]}`;
}

export async function loadPlacementPage(request: Request, context: AppLoadContext, slug: string | undefined, moment: Moment) {
  const catalog = getCatalog();
  const path = requirePath(catalog, slug);
  const user = await requireUser(request, context);
  const [counts, placements] = await Promise.all([lessonCounts(db, catalog, path, user.id), getPlacements(db, user.id, path.id)]);
  const record = moment === "ENTRY" ? placements.entry : placements.exit;
  const first = pathLessons(catalog, path)[0];
  return json(
    {
      moment,
      path: { slug: path.slug, title: path.title, objectives: path.objectives },
      questions: moment === "ENTRY" ? getDiagnosticQuestions(path.id) : [],
      open: isOpen(moment, counts),
      closedMessage: CLOSED_MESSAGES[moment],
      firstLessonUrl: first ? lessonUrl(path, first.lesson) : `/parcours/${path.slug}`,
      // What the form shows checked: the learner's last answers (by objective wording, by question id).
      values: Object.fromEntries([
        ...(record?.objectives ?? []).flatMap((row) => {
          const index = path.objectives.indexOf(row.objective);
          return index === -1 ? [] : [[objectiveField(index), String(row.level)]];
        }),
        ...(record?.diagnostic ?? []).map((row) => [questionField(row.id), row.answer]),
      ]) as Record<string, string>,
      answeredAt: record?.updatedAt.toISOString() ?? null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function submitPlacementPage(request: Request, context: AppLoadContext, slug: string | undefined, moment: Moment) {
  const catalog = getCatalog();
  const path = requirePath(catalog, slug);
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const questions = moment === "ENTRY" ? getDiagnosticQuestions(path.id) : [];
  const { values, errors } = readPlacementForm(form, path.objectives, questions, moment);
  const typed = Object.fromEntries(
    [...path.objectives.map((_, index) => objectiveField(index)), ...questions.map((q) => questionField(q.id))].map((name) => [
      name,
      String(form.get(name) ?? ""),
    ]),
  );
  if (Object.keys(errors).length > 0) return json({ errors, typed, formError: null as string | null }, { status: 400 });
  const saved = await savePlacement(db, { userId: user.id, catalog, path, moment, values, now: now() });
  if (!saved.ok) return json({ errors: {} as Record<string, string>, typed, formError: CLOSED_MESSAGES[moment] }, { status: 409 });
  return redirect(`/parcours/${path.slug}?${moment === "ENTRY" ? "positionnement" : "auto-evaluation"}=enregistre#positionnement`);
}
