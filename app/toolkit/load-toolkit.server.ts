/**
 * Reads courses/toolkit/*.md and validates each document: its frontmatter (schema, known sources),
 * its wording (wording-rules.ts), its Markdown (no level-1 heading: the title is the page's; only
 * what markdown-parse.ts renders). A
 * document that does not validate becomes problems naming its file, and is left out.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describeIssues } from "~/courses/course-schema.ts";
import { splitFrontmatter } from "~/courses/frontmatter.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { wordingProblems } from "~/courses/wording-rules.ts";
import { unsupportedMarkdown } from "./markdown-parse.ts";
import { TOOLKIT_SLUG, ToolkitFrontmatterSchema, type ToolkitDocument } from "./toolkit-schema.ts";

export const TOOLKIT_FOLDER = "toolkit";

export function loadToolkit(coursesDir: string, sourceIds: ReadonlySet<string>): { documents: ToolkitDocument[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const documents: ToolkitDocument[] = [];
  const dir = path.join(coursesDir, TOOLKIT_FOLDER);
  const names = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".md"))
        .sort()
    : [];
  for (const name of names) {
    const file = `${TOOLKIT_FOLDER}/${name}`;
    const before = problems.length;
    const slug = name.slice(0, -".md".length);
    if (!TOOLKIT_SLUG.test(slug)) {
      problems.push({
        file,
        message: "nom de fichier invalide : minuscules, chiffres et tirets, puis .md (il donne l'adresse du document)",
      });
    }
    const source = readFileSync(path.join(dir, name), "utf8");
    let split: ReturnType<typeof splitFrontmatter>;
    try {
      split = splitFrontmatter(source);
    } catch (error) {
      problems.push({ file, message: (error as Error).message });
      continue;
    }
    const parsed = ToolkitFrontmatterSchema.safeParse(split.data);
    if (!parsed.success) {
      for (const message of describeIssues(parsed.error)) problems.push({ file, message });
      continue;
    }
    for (const ref of parsed.data.sources) {
      if (!sourceIds.has(ref.ref)) problems.push({ file, message: `source inconnue « ${ref.ref} » (voir sources.yaml)` });
    }
    if (split.body.trim() === "") problems.push({ file, message: "document vide : écrivez le texte après l'en-tête YAML" });
    split.body.split("\n").forEach((line, index) => {
      if (/^#\s/.test(line)) {
        problems.push({
          file,
          message: `titre de niveau 1 « ${line.slice(2).trim()} » (ligne ${split.bodyLine + index}) : le titre du document vient de l'en-tête ; commencez les intertitres par ##`,
        });
      }
    });
    for (const problem of unsupportedMarkdown(split.body)) {
      problems.push({ file, message: `${problem.message} (ligne ${split.bodyLine + problem.line - 1})` });
    }
    for (const problem of wordingProblems(source)) problems.push({ file, message: `${problem.message} (ligne ${problem.line})` });
    if (problems.length === before) documents.push({ ...parsed.data, slug, file, body: split.body });
  }
  const orders = new Map<number, string>();
  for (const document of documents) {
    const other = orders.get(document.order);
    if (other) problems.push({ file: document.file, message: `order ${document.order} déjà pris par ${other}` });
    orders.set(document.order, document.file);
  }
  documents.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  return { documents, problems };
}
