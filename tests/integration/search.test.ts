/**
 * Search on the real course (courses/): the index the build writes, queried as /recherche queries it.
 * The lessons are compiled into .cache/lessons as the build does (a cache hit after a build).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stop as stopEsbuild } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";
import { findPathBySlug, findPathLesson } from "~/courses/catalog.ts";
import { allScenarios, getCatalog } from "~/content/catalog.server.ts";
import { createLessonCompiler } from "~/courses/compile-lesson.server.ts";
import { normalizeText } from "~/search/normalize.ts";
import { loadSearchIndex, search, searchIds, type SearchIndex, type SearchIndexFile } from "~/search/search-index.ts";
import { corpusStamp, writeSearchIndex } from "~/search/search-index.server.ts";

const COURSES = path.resolve("courses");
const CACHE = path.resolve(".cache/lessons");
const dir = mkdtempSync(path.join(tmpdir(), "recherche-"));
let file: SearchIndexFile;
let index: SearchIndex;

beforeAll(async () => {
  const target = path.join(dir, "search-index.json");
  await writeSearchIndex(COURSES, { cacheDir: CACHE, file: target });
  file = JSON.parse(readFileSync(target, "utf8")) as SearchIndexFile;
  index = loadSearchIndex(file);
}, 180_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopEsbuild();
});

const ids = (query: string) => searchIds(index, query).map((result) => String(result.id));
const words = (text: string) => normalizeText(text).split(/[^\p{L}\p{N}]+/u);

test("the server loads the index the build wrote: same content, same stamp", () => {
  expect(file.stamp).toBe(corpusStamp(getCatalog(), allScenarios()));
  expect(file.documents.length).toBeGreaterThan(getCatalog().lessons.length);
});

test("« elus » finds every passage that says « élus », and « ÉLUS » finds the same", () => {
  const saying = file.documents
    .filter((document) => [document.title, document.heading, document.text].some((text) => words(text).includes("elus")))
    .map((document) => document.id);
  expect(saying.filter((id) => id.startsWith("lecon:")).length).toBeGreaterThan(3);
  const found = ids("elus");
  expect(found).toEqual(expect.arrayContaining(saying));
  expect(ids("ÉLUS")).toEqual(found);
  expect(ids("élus")).toEqual(found);
  const results = search(index, getCatalog(), "elus");
  const passages = results.groups.flatMap((group) => group.hits.flatMap((hit) => [...hit.title, ...hit.heading, ...hit.passage]));
  expect(passages.filter((segment) => segment.match).map((segment) => segment.text)).toContain("élus");
});

test("each glossary term finds its entry, among the first results, and the page shows it", () => {
  for (const entry of getCatalog().glossary) {
    expect(ids(entry.term).slice(0, 20), entry.term).toContain(`glossaire:${entry.id}`);
    const glossary = search(index, getCatalog(), entry.term).groups.find((group) => group.id === "glossaire");
    expect(
      glossary?.hits.map((hit) => hit.id),
      entry.term,
    ).toContain(`glossaire:${entry.id}`);
  }
});

test("a scenario is found by words of its situation", () => {
  expect(ids("Saint-Aubin logistique")).toContain("simulation:sb-maire");
});

test("a nonsense query finds nothing", () => {
  expect(ids("xqzwvkj")).toEqual([]);
  expect(search(index, getCatalog(), "xqzwvkj plouf").groups).toEqual([]);
});

test("every address a result links to is a lesson of its path and a section of the compiled lesson", () => {
  const catalog = getCatalog();
  const compiler = createLessonCompiler({ cacheDir: CACHE });
  const scenarios = new Set(allScenarios().map((scenario) => scenario.id));
  const glossary = new Set(catalog.glossary.map((entry) => entry.id));
  let lessonLinks = 0;
  for (const document of file.documents) {
    for (const { url } of document.links) {
      const [address, anchor] = url.split("#");
      const lessonMatch = /^\/parcours\/([^/]+)\/([^/]+)$/.exec(address!);
      if (lessonMatch) {
        const coursePath = findPathBySlug(catalog, lessonMatch[1]!);
        const placed = coursePath && findPathLesson(catalog, coursePath, lessonMatch[2]!);
        expect(placed, url).toBeTruthy();
        if (anchor !== undefined) {
          // Compiled into the cache by writeSearchIndex, as by the build.
          const compiled = compiler.cached(placed!.lesson.contentHash);
          expect(
            compiled?.usage.outline.map((section) => section.id),
            url,
          ).toContain(anchor);
        }
        lessonLinks++;
      } else if (address === "/glossaire") {
        expect(glossary.has(anchor ?? ""), url).toBe(true);
      } else {
        expect(scenarios.has(/^\/simulations\/(.+)$/.exec(address!)?.[1] ?? ""), url).toBe(true);
      }
    }
  }
  expect(lessonLinks).toBeGreaterThan(catalog.lessons.length);
});
