import { describe, expect, test } from "vitest";
import { findPathLesson, neighbours, pathLessons, pathMinutes, publishedPaths, type Catalog } from "./catalog.ts";

const lesson = (id: string, slug: string, minutes: number, moduleId: string) => ({
  id,
  slug,
  minutes,
  moduleId,
  title: id,
  summary: "",
  objectives: ["x"],
  audiences: ["elu" as const],
  concepts: [],
  sources: [{ ref: "s", heading: "h" }],
  file: `${slug}.mdx`,
  contentHash: id,
});

const catalog: Catalog = {
  sources: [],
  glossary: [],
  modules: [
    { id: "m1", title: "Un", lessons: ["l1", "l2"], dir: "m1" },
    { id: "m2", title: "Deux", lessons: ["l3"], dir: "m2" },
  ],
  lessons: [lesson("l1", "un", 10, "m1"), lesson("l2", "deux", 20, "m1"), lesson("l3", "trois", 30, "m2")],
  paths: [
    { id: "p4", slug: "long", title: "Long", nominalMinutes: 60, summary: "", suits: "", objectives: ["x"], modules: ["m1", "m2"], draft: false, file: "" },
    { id: "p1", slug: "court", title: "Court", nominalMinutes: 30, summary: "", suits: "", objectives: ["x"], modules: ["m1"], draft: false, file: "" },
    { id: "pd", slug: "brouillon", title: "Brouillon", nominalMinutes: 720, summary: "", suits: "", objectives: ["x"], modules: ["m2"], draft: true, file: "" },
  ],
};
const long = catalog.paths[0]!;

describe("catalogue queries", () => {
  test("a path's lessons come module by module, in order", () => {
    expect(pathLessons(catalog, long).map(({ lesson: l, module: m, index }) => `${m.id}/${l.id}#${index}`)).toEqual([
      "m1/l1#0",
      "m1/l2#1",
      "m2/l3#2",
    ]);
    expect(pathMinutes(catalog, long)).toBe(60);
  });

  test("a lesson shared by two paths is found in both", () => {
    expect(findPathLesson(catalog, long, "deux")?.lesson.id).toBe("l2");
    expect(findPathLesson(catalog, catalog.paths[1]!, "deux")?.lesson.id).toBe("l2");
    expect(findPathLesson(catalog, catalog.paths[1]!, "trois")).toBeUndefined();
  });

  test("previous and next cross module boundaries", () => {
    expect(neighbours(catalog, long, "l2")).toMatchObject({ previous: { id: "l1" }, next: { id: "l3" } });
    expect(neighbours(catalog, long, "l1").previous).toBeUndefined();
    expect(neighbours(catalog, long, "l3").next).toBeUndefined();
  });

  test("the catalogue shows published paths, shortest first, and hides drafts", () => {
    expect(publishedPaths(catalog).map((p) => p.id)).toEqual(["p1", "p4"]);
  });
});
