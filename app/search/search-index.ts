/**
 * The search index (MiniSearch) and the query that groups its results for the page. Pure: built
 * from documents, saved as JSON by the build, loaded by the server (search-index.server.ts).
 */
import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import { searchPaths, type SearchDocument } from "./documents.ts";
import { queryTerms, searchTerm, tokenize } from "./normalize.ts";
import { highlight, snippet, type Segment } from "./snippet.ts";
import type { Catalog } from "~/courses/catalog.ts";

/** Bump when the documents, the normaliser or these options change: older index files are rebuilt. */
export const SEARCH_INDEX_VERSION = 1;

const SEARCH_OPTIONS: SearchOptions = {
  // A title says what the whole passage is about; a heading, what its section is; the text, a word in passing.
  boost: { title: 3, heading: 2, text: 1 },
  // Every word must be found, as on any search engine; the last one may be unfinished (typed as you go).
  combineWith: "AND",
  prefix: (_term, index, terms) => index === terms.length - 1,
  // One typo forgiven in a word of 5 letters or more (« partenaraits », « alliannce »), none in shorter
  // ones; never two: a second edit multiplies the work and brings in unrelated words.
  fuzzy: (term) => (term.length >= 5 ? 1 : false),
  // Prefix and fuzzy matches count for less than the word itself.
  weights: { prefix: 0.5, fuzzy: 0.3 },
};

export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  fields: ["title", "heading", "text"],
  storeFields: [],
  tokenize,
  processTerm: searchTerm,
  searchOptions: SEARCH_OPTIONS,
};

export interface SearchIndexFile {
  version: number;
  /** Fingerprint of the corpus the index was built from (search-index.server.ts). */
  stamp: string;
  documents: SearchDocument[];
  index: unknown;
}

export interface SearchIndex {
  miniSearch: MiniSearch<SearchDocument>;
  documents: Map<string, SearchDocument>;
}

export function buildSearchIndex(documents: SearchDocument[]): SearchIndex {
  const miniSearch = new MiniSearch<SearchDocument>(MINISEARCH_OPTIONS);
  miniSearch.addAll(documents);
  return { miniSearch, documents: new Map(documents.map((document) => [document.id, document])) };
}

export function serializeSearchIndex(documents: SearchDocument[], stamp: string): SearchIndexFile {
  return { version: SEARCH_INDEX_VERSION, stamp, documents, index: buildSearchIndex(documents).miniSearch.toJSON() };
}

export function loadSearchIndex(file: SearchIndexFile): SearchIndex {
  const miniSearch = MiniSearch.loadJS<SearchDocument>(file.index as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
  return { miniSearch, documents: new Map(file.documents.map((document) => [document.id, document])) };
}

export interface SearchHit {
  id: string;
  title: Segment[];
  heading: Segment[];
  passage: Segment[];
  url: string;
  /** The other paths that have this lesson, with the address of the same section in each. */
  alsoIn: Array<{ title: string; url: string }>;
}

export interface SearchGroup {
  /** « parcours-1h », « glossaire », « simulations ». */
  id: string;
  title: string;
  /** Nominal duration of a path, in minutes. */
  nominalMinutes: number | null;
  hits: SearchHit[];
}

export interface SearchResults {
  /** Every document that matched, even beyond those shown. */
  total: number;
  groups: SearchGroup[];
}

/**
 * Hits shown per group. More would not be read; the count says how many there are, and a more
 * precise query narrows them. Per group, so that lessons never crowd out a glossary entry.
 */
export const MAX_HITS_PER_GROUP = 10;

/** The ids of the MiniSearch results, best first (the benchmark times this). */
export function searchIds(index: SearchIndex, query: string) {
  if (queryTerms(query).length === 0) return [];
  return index.miniSearch.search(query);
}

/**
 * Results grouped by path (a lesson under the first path that has it, the others named), then the
 * glossary, then the scenarios; within a group, best first.
 */
export function search(index: SearchIndex, catalog: Catalog, query: string, maxPerGroup = MAX_HITS_PER_GROUP): SearchResults {
  const results = searchIds(index, query);
  const paths = searchPaths(catalog);
  const groups: SearchGroup[] = [
    ...paths.map((path) => ({ id: path.id, title: path.title, nominalMinutes: path.nominalMinutes, hits: [] as SearchHit[] })),
    { id: "glossaire", title: "Glossaire", nominalMinutes: null, hits: [] },
    { id: "simulations", title: "Simulations", nominalMinutes: null, hits: [] },
  ];
  const byId = new Map(groups.map((group) => [group.id, group]));
  const pathTitles = new Map(paths.map((path) => [path.id, path.title]));
  for (const result of results) {
    const document = index.documents.get(String(result.id));
    if (!document) continue;
    const terms = new Set(result.terms);
    const [first, ...others] = document.links;
    if (!first) continue;
    const group = byId.get(document.kind === "lecon" ? (first.pathId ?? "") : document.kind === "glossaire" ? "glossaire" : "simulations");
    if (!group || group.hits.length >= maxPerGroup) continue;
    group.hits.push({
      id: document.id,
      title: highlight(document.title, terms),
      heading: highlight(document.heading, terms),
      passage: snippet(document.text, terms),
      url: first.url,
      alsoIn: others.map((link) => ({ title: pathTitles.get(link.pathId ?? "") ?? "", url: link.url })),
    });
  }
  return { total: results.length, groups: groups.filter((group) => group.hits.length > 0) };
}
