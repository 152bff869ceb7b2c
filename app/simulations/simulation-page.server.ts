/**
 * What a simulation needs on a page (its own page or a lesson): the learner's run, the lessons of
 * the learner's path that teach each concept (linked from the debrief, see review-links.ts), and the
 * step asked for in the address.
 */
import type { CurrentUser } from "~/auth/session.server.ts";
import type { Catalog } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { decodeChoices } from "./replay.ts";
import { conceptLessons } from "./review-links.ts";
import { getSimulationView } from "./runs.server.ts";
import type { Scenario } from "./scenario-schema.ts";
import { isSimulationMessageCode } from "./simulation-messages.ts";

function scenarioConcepts(scenario: Scenario): string[] {
  return [
    ...scenario.concepts,
    ...scenario.scenes.flatMap((scene) => scene.choices.flatMap((choice) => choice.concepts)),
    ...scenario.debrief.keyDecisions.flatMap((decision) => decision.concepts),
  ];
}

/** The simulation a route is asked for, or a 404. */
/** The path a learner follows, for a simulation on its own page: the one they visited last, if any. */
export async function learnerPathId(db: Db, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const enrollment = await db.pathEnrollment.findFirst({ where: { userId }, orderBy: { lastVisitedAt: "desc" }, select: { pathId: true } });
  return enrollment?.pathId ?? null;
}

export async function loadSimulationBlock({
  db,
  catalog,
  scenario,
  user,
  url,
  pathId,
  lessonId = null,
}: {
  db: Db;
  catalog: Catalog;
  scenario: Scenario;
  user: CurrentUser | null;
  url: URL;
  /** The learner's path: the lesson's path, or (own page) the path they are enrolled in; null for none. */
  pathId: string | null;
  /** The lesson embedding the simulation, never linked from its own debrief. */
  lessonId?: string | null;
}) {
  const forThis = url.searchParams.get("simulation") === scenario.id;
  const step = forThis ? url.searchParams.get("etape") : null;
  let anonymousChoices: ReturnType<typeof decodeChoices> = null;
  if (forThis && !user) {
    anonymousChoices = decodeChoices(url.searchParams.get("choix"));
    // A visitor's new choice arrives as « scene » + « ajout »; the replay checks it like any other.
    const sceneId = url.searchParams.get("scene");
    const added = url.searchParams.get("ajout");
    if (anonymousChoices && sceneId && added) anonymousChoices = [...anonymousChoices, { sceneId, choiceId: added }];
  }
  const view = await getSimulationView(db, scenario, user?.id ?? null, {
    anonymousChoices,
    anonymousSeed: forThis ? url.searchParams.get("ordre") : null,
    message: step && isSimulationMessageCode(step) ? step : null,
  });
  return {
    scenario,
    view,
    showLastDebrief: step === "debriefing",
    conceptLessons: conceptLessons(catalog, scenarioConcepts(scenario), { pathId, currentLessonId: lessonId }),
  };
}
