/**
 * The « À revoir » rule of the debrief, over the real course: at most two lessons per decision, all
 * from the learner's own path, never the lesson being read; none for a visitor on the simulation's
 * own page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { lessonUrl, pathLessons, type Catalog } from "~/courses/catalog.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import { conceptLessons, MAX_REVIEW_LINKS, reviewLinks } from "./review-links.ts";
import { ScenarioSchema } from "./scenario-schema.ts";

const COURSES = path.resolve("courses");
const { catalog } = loadCatalog(COURSES);
const scenarios = readdirSync(path.join(COURSES, "scenarios"))
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => ScenarioSchema.parse(parse(readFileSync(path.join(COURSES, "scenarios", name), "utf8"))));

/** Every decision's concepts, as the debrief gathers them: the option's, and the scene's key decision's. */
function decisionConcepts(scenario: (typeof scenarios)[number]) {
  return scenario.scenes.flatMap((scene) =>
    scene.choices.map((choice) => [
      ...choice.concepts,
      ...scenario.debrief.keyDecisions.filter((d) => d.scene === scene.id).flatMap((d) => d.concepts),
    ]),
  );
}

describe("review links over the real course", () => {
  test("in every lesson embedding a simulation, in every path: ≤ 2 links per decision, all to earlier lessons of that path", () => {
    let checked = 0;
    for (const coursePath of catalog.paths) {
      for (const { lesson } of pathLessons(catalog, coursePath)) {
        const mdx = readFileSync(path.join(COURSES, lesson.file), "utf8");
        const embedded = scenarios.filter((scenario) => mdx.includes(scenario.id) && /<Simulation/.test(mdx));
        for (const scenario of embedded) {
          const lessons = conceptLessons(catalog, scenarioConceptsOf(scenario), { pathId: coursePath.id, currentLessonId: lesson.id });
          const own = lessonUrl(coursePath, lesson);
          const entries = pathLessons(catalog, coursePath);
          const position = entries.findIndex((entry) => entry.lesson.id === lesson.id);
          const earlier = new Set(entries.slice(0, position).map((entry) => lessonUrl(coursePath, entry.lesson)));
          for (const concepts of decisionConcepts(scenario)) {
            const links = reviewLinks(lessons, concepts);
            expect(links.length).toBeLessThanOrEqual(MAX_REVIEW_LINKS);
            for (const link of links) {
              expect(earlier.has(link.url), `${link.url} : pas une leçon déjà passée du parcours ${coursePath.id}`).toBe(true);
              expect(link.url).not.toBe(own);
            }
            checked += 1;
          }
        }
      }
    }
    // All five scenarios are embedded somewhere: the rule was really exercised.
    expect(checked).toBeGreaterThan(100);
  });

  test("on the simulation's own page, without a path (a visitor, or a learner enrolled nowhere), no link", () => {
    for (const scenario of scenarios) expect(conceptLessons(catalog, scenarioConceptsOf(scenario), { pathId: null })).toEqual({});
  });
});

function scenarioConceptsOf(scenario: (typeof scenarios)[number]) {
  return [...scenario.concepts, ...decisionConcepts(scenario).flat()];
}

describe("which two lessons", () => {
  // A path of five lessons, four of them citing R-06.
  const lesson = (id: string, concepts: string[]) => ({
    id,
    slug: id,
    title: id.toUpperCase(),
    concepts,
    moduleId: "m",
    file: "",
    contentHash: "",
  });
  const catalog = {
    sources: [],
    glossary: [],
    modules: [{ id: "m", lessons: ["l1", "l2", "l3", "l4", "l5"] }],
    paths: [
      { id: "p", slug: "p", modules: ["m"] },
      { id: "q", slug: "q", modules: [] },
    ],
    lessons: [
      lesson("l1", ["R-06"]),
      lesson("l2", ["R-07"]),
      lesson("l3", ["R-06", "R-07"]),
      lesson("l4", ["R-06"]),
      lesson("l5", ["R-06"]),
    ],
  } as unknown as Catalog;

  test("in a lesson: only lessons already passed, never the current one nor those ahead", () => {
    const lessons = conceptLessons(catalog, ["R-06"], { pathId: "p", currentLessonId: "l4" });
    expect(lessons["R-06"]!.map((link) => link.url)).toEqual(["/parcours/p/l1", "/parcours/p/l3"]);
    expect(conceptLessons(catalog, ["R-06"], { pathId: "p", currentLessonId: "l1" })).toEqual({});
  });

  test("on the simulation's own page: any lesson of the path, at most two", () => {
    const lessons = conceptLessons(catalog, ["R-06"], { pathId: "p" });
    expect(lessons["R-06"]!.map((link) => link.title)).toEqual(["L1", "L3", "L4", "L5"]);
    expect(reviewLinks(lessons, ["R-06"]).map((link) => link.title)).toEqual(["L1", "L3"]);
  });

  test("two concepts give one lesson each, without repeating a lesson", () => {
    const lessons = conceptLessons(catalog, ["R-06", "R-07"], { pathId: "p", currentLessonId: "l5" });
    expect(reviewLinks(lessons, ["R-07", "R-06"]).map((link) => link.title)).toEqual(["L2", "L1"]);
    expect(reviewLinks(lessons, ["R-06", "R-06"]).map((link) => link.title)).toEqual(["L1", "L3"]);
    expect(reviewLinks(lessons, ["R-07"]).map((link) => link.title)).toEqual(["L2", "L3"]);
  });

  test("a path without those lessons, or an unknown path, gives none", () => {
    expect(conceptLessons(catalog, ["R-06"], { pathId: "q" })).toEqual({});
    expect(conceptLessons(catalog, ["R-06"], { pathId: "inconnu" })).toEqual({});
  });
});
