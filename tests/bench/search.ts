/**
 * `npm run bench:search`: how long a search takes on the server over the whole real course. Loads
 * the index the build writes (.cache/search-index.json; written here first if missing or stale),
 * then times 1,000 queries of realistic words (accents or not, a typo, an unfinished last word)
 * through `search()`, the whole work of /recherche's loader: MiniSearch, grouping, snippets.
 * Prints the median and the 95th percentile; no assertion (timings are not tests).
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { isMain } from "../../prisma/tools/main.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { allScenarios, getCatalog } from "~/content/catalog.server.ts";
import { loadSearchIndex, search, type SearchIndexFile } from "~/search/search-index.ts";
import { corpusStamp, searchIndexFile, writeSearchIndex } from "~/search/search-index.server.ts";

/** What learners type: single words, phrases, no accents, capitals, one typo, a word being typed. */
export const BENCH_QUERIES = [
  "élus",
  "elus",
  "ÉLUS",
  "alliance",
  "partenariat",
  "parteneriat",
  "association",
  "entreprise",
  "mairie",
  "ODD 17",
  "agenda 2030",
  "innovation sociétale",
  "innovation societale",
  "convention de partenariat",
  "écosystème",
  "ecosysteme",
  "catalyseur territorial",
  "mécénat de compétences",
  "tiers de confiance",
  "gouvernance",
  "évaluation",
  "impact",
  "mesurer l'impact",
  "confiance",
  "modèle socio-économique",
  "co-construction",
  "territoire",
  "collectivité",
  "fondation",
  "financement",
  "subvention",
  "bénévoles",
  "le rôle des élus",
  "faire alliance",
  "alli",
  "partena",
  "diagnostic",
  "changement d'échelle",
  "xqzwvk",
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchSearch(queries = 1_000) {
  process.env.COURSES_DIR ??= "courses";
  const file = searchIndexFile(ROOT);
  const catalog = getCatalog();
  const read = () => JSON.parse(readFileSync(file, "utf8")) as SearchIndexFile;
  let saved: SearchIndexFile | undefined;
  try {
    saved = read();
  } catch {
    saved = undefined;
  }
  if (!saved || saved.stamp !== corpusStamp(catalog, allScenarios())) {
    await writeSearchIndex(path.join(ROOT, "courses"), { cacheDir: path.join(ROOT, ".cache/lessons"), file });
    saved = read();
  }
  const loadStarted = performance.now();
  const index = loadSearchIndex(read());
  const loadMs = performance.now() - loadStarted;
  // Warm-up: the first queries pay for the JIT, as only the first requests of a server do.
  for (const query of BENCH_QUERIES) search(index, catalog, query);
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < queries; i++) {
    const started = performance.now();
    hits += search(index, catalog, BENCH_QUERIES[i % BENCH_QUERIES.length]!).total;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    documents: saved.documents.length,
    indexKilobytes: Math.round(statSync(file).size / 1024),
    loadMs: Math.round(loadMs),
    queries,
    meanHits: Math.round(hits / queries),
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
    maxMs: round(times[times.length - 1]!),
  };
}

export function describeSearchBench(r: Awaited<ReturnType<typeof benchSearch>>): string {
  return `${r.queries} requêtes sur ${r.documents} documents (index ${r.indexKilobytes} Ko, chargé en ${r.loadMs} ms) : médiane ${r.medianMs} ms, p95 ${r.p95Ms} ms, max ${r.maxMs} ms`;
}

if (isMain(import.meta.url)) {
  const { stop } = await import("esbuild");
  const result = await benchSearch();
  console.log(`Recherche : ${describeSearchBench(result)}`);
  console.log(`  ${result.meanHits} résultats par requête en moyenne`);
  await stop();
}
