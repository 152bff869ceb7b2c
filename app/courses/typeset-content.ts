/**
 * The content as learners read it: the catalogue (titles, summaries, objectives, glossary
 * definitions, source titles), quizzes, simulations and projects, typeset once when the server
 * loads courses/ (app/content/catalog.server.ts), so every page, CSV and PDF shows the same no-break spaces
 * (app/utils/french-typography.ts). The content checker reads the files as written.
 */
import { typesetDeep } from "~/utils/french-typography.ts";
import type { Catalog } from "./catalog.ts";

/**
 * Values looked up verbatim: a glossary term is matched against a lesson's `<Definition term>`
 * (typeset where it is shown instead), `file` and `contentHash` are not text.
 */
const VERBATIM = new Set(["term", "file", "dir", "contentHash"]);

export function typesetCatalog(catalog: Catalog): Catalog {
  return typesetDeep(catalog, VERBATIM);
}

/** A quiz, a scenario or a project, typeset in every text; ids have nothing the rules change. */
export function typesetEach<T>(items: Map<string, T>): Map<string, T> {
  return new Map([...items].map(([id, item]) => [id, typesetDeep(item, VERBATIM)]));
}
