/**
 * `npm run courses:copy-check -- <dossier des sources> [mots]`: lists every run of 10 (or [mots])
 * consecutive words that a content file of courses/ shares with a source document. A review tool
 * for authors, not part of `npm test`: the source documents do not live in this repository.
 * Titles and official names may legitimately appear; every other run is to be rewritten.
 * Exits with 1 when a run is found.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { findSharedRuns } from "~/courses/copy-check.ts";

const seedsDir = process.argv[2];
const minWords = Number(process.argv[3] ?? 10);
if (!seedsDir) {
  console.error("Usage : npm run courses:copy-check -- <dossier des documents sources> [nombre de mots]");
  process.exit(2);
}
const seeds = readdirSync(seedsDir)
  .filter((name) => name.endsWith(".txt"))
  .map((name): [string, string] => [name, readFileSync(path.join(seedsDir, name), "utf8")]);

function contentFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return contentFiles(file);
    // Lessons, quizzes, scenarios…, and the toolkit's Markdown documents (courses/toolkit/*.md).
    return /\.(mdx|ya?ml)$/.test(name) || (name.endsWith(".md") && path.basename(dir) === "toolkit") ? [file] : [];
  });
}

let found = 0;
let checked = 0;
for (const file of contentFiles(path.resolve("courses"))) {
  checked += 1;
  for (const run of findSharedRuns(readFileSync(file, "utf8"), seeds, minWords)) {
    found += 1;
    console.log(`${path.relative(process.cwd(), file)}:${run.line} — ${run.length} mots communs avec ${run.seed} : « ${run.words} »`);
  }
}
console.log(`${checked} fichiers lus, ${found} passage(s) de ${minWords} mots ou plus en commun avec les sources.`);
process.exit(found > 0 ? 1 : 0);
