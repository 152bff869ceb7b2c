/**
 * Where the search index lives: `npm run build` writes .cache/search-index.json from the course it
 * builds; the server loads it once (MiniSearch.loadJS, no tokenising at start-up). When the file is
 * missing or was built from other content (development, an edited lesson, the engine's fixture
 * course), the first search builds the index in memory from the catalogue the server serves and its
 * compiled lessons. The text of a lesson comes from its compilation (lesson-sections.ts).
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Catalog, Lesson } from "~/courses/catalog.ts";
import { allScenarios, getCatalog, getCompiledLesson } from "~/content/catalog.server.ts";
import { createLessonCompiler, type CompiledLesson } from "~/courses/compile-lesson.server.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import { typesetCatalog, typesetEach } from "~/courses/typeset-content.ts";
import { loadScenarios } from "~/simulations/load-scenarios.server.ts";
import type { Scenario } from "~/simulations/scenario-schema.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { corpusDocuments } from "./documents.ts";
import type { LessonSection } from "~/courses/lesson-sections.ts";
import { loadSearchIndex, SEARCH_INDEX_VERSION, serializeSearchIndex, type SearchIndex, type SearchIndexFile } from "./search-index.ts";

export function searchIndexFile(root = process.cwd()): string {
  return path.resolve(root, ".cache/search-index.json");
}

/**
 * Fingerprint of what the index is made of: the lessons' content hashes (their MDX), the paths and
 * modules that place them, the glossary and the scenarios. Same content, same stamp.
 */
export function corpusStamp(catalog: Catalog, scenarios: Scenario[]): string {
  const indexed = {
    version: SEARCH_INDEX_VERSION,
    paths: catalog.paths.map(({ id, slug, title, nominalMinutes, draft, modules }) => ({
      id,
      slug,
      title,
      nominalMinutes,
      draft,
      modules,
    })),
    modules: catalog.modules.map(({ id, lessons }) => ({ id, lessons })),
    lessons: catalog.lessons.map(({ id, slug, title, contentHash }) => ({ id, slug, title, contentHash })),
    glossary: catalog.glossary.map(({ id, term, definition }) => ({ id, term, definition })),
    scenarios: scenarios.map(({ id, title, summary, situation }) => ({ id, title, summary, situation })),
  };
  return createHash("sha256").update(JSON.stringify(indexed)).digest("hex").slice(0, 20);
}

async function buildFile(
  catalog: Catalog,
  scenarios: Scenario[],
  compile: (lesson: Lesson) => Promise<CompiledLesson>,
): Promise<SearchIndexFile> {
  const sections = new Map<string, LessonSection[]>();
  // One at a time, as the compiler works; after the build every lesson is a cache hit.
  for (const lesson of catalog.lessons) sections.set(lesson.id, (await compile(lesson)).sections ?? []);
  const documents = corpusDocuments({ catalog, scenarios, lessonSections: (lesson) => sections.get(lesson.id) ?? [] });
  return serializeSearchIndex(documents, corpusStamp(catalog, scenarios));
}

/**
 * For `npm run build`, after the content check has compiled every lesson into `cacheDir`: the index
 * of the course in `dir`, written to `file`.
 */
export async function writeSearchIndex(
  dir: string,
  { cacheDir, file }: { cacheDir: string; file: string },
): Promise<{ documents: number; bytes: number }> {
  const { catalog, problems } = loadCatalog(dir);
  if (problems.length > 0) throw new Error(`contenu invalide\u00A0: ${problems[0]!.file}\u00A0: ${problems[0]!.message}`);
  const scenarios = loadScenarios(dir, new Set(catalog.sources.map((source) => source.id)), { prove: false });
  // Typeset as the server serves it (catalog.server.ts), so that the stamps agree.
  const compiler = createLessonCompiler({ cacheDir });
  const built = await buildFile(typesetCatalog(catalog), [...typesetEach(scenarios.scenarios).values()], (lesson) =>
    compiler.compile(path.resolve(dir, lesson.file), lesson.contentHash),
  );
  const json = JSON.stringify(built);
  mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename: a server starting meanwhile never reads half a file.
  writeFileSync(`${file}.${process.pid}.tmp`, json);
  renameSync(`${file}.${process.pid}.tmp`, file);
  return { documents: built.documents.length, bytes: Buffer.byteLength(json) };
}

function readFile(file: string): SearchIndexFile | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as SearchIndexFile;
  } catch {
    return undefined; // a torn or foreign file: the index is rebuilt in memory
  }
}

const state = singleton("search-index", () => ({ catalog: null as Catalog | null, index: null as Promise<SearchIndex> | null }));

async function loadOrBuild(catalog: Catalog): Promise<SearchIndex> {
  const scenarios = allScenarios();
  const stamp = corpusStamp(catalog, scenarios);
  const saved = readFile(searchIndexFile());
  if (saved && saved.version === SEARCH_INDEX_VERSION && saved.stamp === stamp) return loadSearchIndex(saved);
  return loadSearchIndex(await buildFile(catalog, scenarios, getCompiledLesson));
}

/** The index of the catalogue the server serves; rebuilt when the catalogue reloads (development). */
export function getSearchIndex(): Promise<SearchIndex> {
  const catalog = getCatalog();
  if (state.catalog !== catalog || !state.index) {
    state.catalog = catalog;
    const loading = loadOrBuild(catalog);
    // A failed build is tried again by the next search rather than remembered.
    loading.catch(() => {
      if (state.index === loading) state.index = null;
    });
    state.index = loading;
  }
  return state.index;
}
