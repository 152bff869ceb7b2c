import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stop as stopEsbuild } from "esbuild";
import { afterAll, expect, test } from "vitest";
import type { Catalog, Lesson } from "~/courses/catalog.ts";
import { compileLessonFile } from "~/courses/compile-lesson.server.ts";
import type { Scenario } from "~/simulations/scenario-schema.ts";
import { frenchTypography } from "~/utils/french-typography.ts";
import { corpusDocuments } from "./documents.ts";
import type { LessonSection } from "~/courses/lesson-sections.ts";
import { buildSearchIndex, search } from "./search-index.ts";

const dir = mkdtempSync(path.join(tmpdir(), "recherche-"));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopEsbuild();
});

const LESSON = `---
id: l1
title: Essai
---

Avant le premier intertitre : le mot d'accueil.

## Les élus : un rôle

Les **élus** locaux portent la démarche.

<ForProfile profile="agent">
Pour l'agent : préparer la convention.
</ForProfile>

<Reflection id="r1" prompt="Quel rôle pour votre commune ?" />

\`\`\`
code-jamais-indexe
\`\`\`

### Un détail

Le détail compte.

## Les élus : un rôle

Le même intertitre, une seconde fois.
`;

test("the compiler cuts a lesson at its h2 headings, with the ids the page gives them", async () => {
  const file = path.join(dir, "essai.mdx");
  writeFileSync(file, LESSON);
  const compiled = await compileLessonFile(file);
  expect(compiled.sections.map((section) => section.id)).toEqual([null, ...compiled.usage.outline.map((entry) => entry.id)]);
  expect(compiled.sections.map((section) => section.id)).toEqual([null, "les-elus-un-role", "les-elus-un-role-2"]);
  const [intro, first] = compiled.sections;
  // Typeset as the page shows it: a no-break space before the colon.
  expect(intro!.text).toBe(frenchTypography("Avant le premier intertitre : le mot d'accueil."));
  expect(intro!.text).not.toBe("Avant le premier intertitre : le mot d'accueil.");
  expect(first!.heading).toBe(frenchTypography("Les élus : un rôle"));
  // Profile passages and the prompts a reader sees are part of the text; code is not.
  expect(first!.text).toContain("Les élus locaux portent la démarche.");
  expect(first!.text).toContain("préparer la convention");
  expect(first!.text).toContain("Quel rôle pour votre commune");
  expect(first!.text).toContain("Un détail\n\nLe détail compte.");
  expect(first!.text).not.toContain("code-jamais-indexe");
});

const lesson = (id: string, slug: string, title: string): Lesson =>
  ({ id, slug, title, moduleId: "m1", file: `${slug}.mdx`, contentHash: id }) as unknown as Lesson;
const path1h = { id: "p1", slug: "decouvrir", title: "Découvrir", nominalMinutes: 60, draft: false, modules: ["m1"] };
const path4h = { id: "p4", slug: "comprendre", title: "Comprendre", nominalMinutes: 240, draft: false, modules: ["m1", "m2"] };
const catalog = {
  sources: [],
  glossary: [{ id: "agenda-2030", term: "Agenda 2030", definition: "Programme de l'ONU adopté en 2015.", sources: [], concepts: [] }],
  // Listed out of order: results follow the paths' durations.
  paths: [path4h, path1h],
  modules: [
    { id: "m1", lessons: ["l1"] },
    { id: "m2", lessons: ["l2"] },
  ],
  lessons: [lesson("l1", "accueil", "Accueil des élus"), lesson("l2", "suite", "La suite"), lesson("l9", "orpheline", "Orpheline")],
} as unknown as Catalog;
const sections: Record<string, LessonSection[]> = {
  l1: [
    { id: null, heading: "", text: "Bienvenue." },
    { id: "le-role", heading: "Le rôle", text: "Les élus locaux et la mairie." },
  ],
  l2: [{ id: "plus-loin", heading: "Plus loin", text: "Une mairie rurale." }],
  l9: [{ id: "seule", heading: "Seule", text: "Une mairie oubliée." }],
};
const scenario = {
  id: "sb-maire",
  title: "Maire d'une commune",
  summary: "Vous êtes élu.",
  situation: "Une commune rurale.",
} as unknown as Scenario;
const documents = corpusDocuments({ catalog, scenarios: [scenario], lessonSections: (l) => sections[l.id] ?? [] });

test("one document per lesson section, glossary entry and scenario; a lesson in no path is left out", () => {
  expect(documents.map((document) => document.id)).toEqual([
    "lecon:l1#",
    "lecon:l1#le-role",
    "lecon:l2#plus-loin",
    "glossaire:agenda-2030",
    "simulation:sb-maire",
  ]);
  expect(documents[1]!.links).toEqual([
    { pathId: "p1", url: "/parcours/decouvrir/accueil#le-role" },
    { pathId: "p4", url: "/parcours/comprendre/accueil#le-role" },
  ]);
  expect(documents[0]!.links[0]!.url).toBe("/parcours/decouvrir/accueil");
  expect(documents[3]!.links).toEqual([{ pathId: null, url: "/glossaire#agenda-2030" }]);
  expect(documents[4]!.links).toEqual([{ pathId: null, url: "/simulations/sb-maire" }]);
});

test("results are grouped by path (a lesson under its first, the others named), then glossary and scenarios", () => {
  const results = search(buildSearchIndex(documents), catalog, "mairie");
  expect(results.groups.map((group) => [group.id, group.hits.map((hit) => hit.id)])).toEqual([
    ["p1", ["lecon:l1#le-role"]],
    ["p4", ["lecon:l2#plus-loin"]],
    // « maire » is one letter away from « mairie ».
    ["simulations", ["simulation:sb-maire"]],
  ]);
  expect(results.groups[0]!.hits[0]!.alsoIn).toEqual([{ title: "Comprendre", url: "/parcours/comprendre/accueil#le-role" }]);
  const everywhere = search(buildSearchIndex(documents), catalog, "ÉLU");
  expect(everywhere.groups.map((group) => group.id)).toEqual(["p1", "simulations"]);
  // The title matched on « élus » (the last word is a prefix), and is marked.
  expect(everywhere.groups[0]!.hits.find((hit) => hit.id === "lecon:l1#le-role")!.title).toContainEqual({ text: "élus", match: true });
});

test("every word of the query must be found; a query of stop words alone finds nothing", () => {
  const index = buildSearchIndex(documents);
  expect(search(index, catalog, "mairie rurale").groups.flatMap((group) => group.hits.map((hit) => hit.id))).toEqual([
    "lecon:l2#plus-loin",
    "simulation:sb-maire",
  ]);
  expect(search(index, catalog, "mairie onu").total).toBe(0);
  expect(search(index, catalog, "le la les").total).toBe(0);
  expect(search(index, catalog, "agenda").groups.map((group) => group.id)).toEqual(["glossaire"]);
});

test("one typo is forgiven in a long word, none in a short one", () => {
  const index = buildSearchIndex(documents);
  expect(search(index, catalog, "mairye locaux").total).toBe(1);
  expect(search(index, catalog, "mairie locaus").total).toBe(1);
  // Two letters swapped are two edits.
  expect(search(index, catalog, "locuax mairie").total).toBe(0);
  expect(search(index, catalog, "elis mairie").total).toBe(0);
  expect(search(index, catalog, "elus mairie").total).toBe(1);
  expect(search(index, catalog, "rurrale").total).toBe(2);
});
