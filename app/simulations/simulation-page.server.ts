/**
 * What a simulation needs on a page (its own page or a lesson): the learner's run, the lessons that
 * teach each concept (linked from the debrief), and the step asked for in the address.
 */
import type { CurrentUser } from "~/auth/session.server.ts";
import { lessonUrl, pathLessons, type Catalog } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { decodeChoices } from "./replay.ts";
import { getSimulationView } from "./runs.server.ts";
import type { Scenario } from "./scenario-schema.ts";
import type { ConceptLessons } from "./simulation-debrief.tsx";
import { isSimulationMessageCode } from "./simulation-messages.ts";

/** For each concept (R-xx), the lessons whose frontmatter cites it, in the first path showing them. */
export function conceptLessons(catalog: Catalog, concepts: string[], preferredPathId?: string): ConceptLessons {
  const paths = [...catalog.paths].sort((a, b) => Number(b.id === preferredPathId) - Number(a.id === preferredPathId) || a.nominalMinutes - b.nominalMinutes);
  const result: ConceptLessons = {};
  for (const concept of new Set(concepts)) {
    const links: Array<{ title: string; url: string }> = [];
    for (const lesson of catalog.lessons.filter((candidate) => candidate.concepts.includes(concept))) {
      const path = paths.find((candidate) => pathLessons(catalog, candidate).some((entry) => entry.lesson.id === lesson.id));
      if (path) links.push({ title: lesson.title, url: lessonUrl(path, lesson) });
    }
    if (links.length > 0) result[concept] = links;
  }
  return result;
}

function scenarioConcepts(scenario: Scenario): string[] {
  return [
    ...scenario.concepts,
    ...scenario.scenes.flatMap((scene) => scene.choices.flatMap((choice) => choice.concepts)),
    ...scenario.debrief.keyDecisions.flatMap((decision) => decision.concepts),
  ];
}

export async function loadSimulationBlock({
  db,
  catalog,
  scenario,
  user,
  url,
  pathId,
}: {
  db: Db;
  catalog: Catalog;
  scenario: Scenario;
  user: CurrentUser | null;
  url: URL;
  pathId?: string;
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
    message: step && isSimulationMessageCode(step) ? step : null,
  });
  return {
    scenario,
    view,
    showLastDebrief: step === "debriefing",
    conceptLessons: conceptLessons(catalog, scenarioConcepts(scenario), pathId),
  };
}
