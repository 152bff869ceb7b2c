/**
 * The toolkit of the 12 h path (courses/toolkit/*.md, served at /boite-a-outils): every real
 * document loads and validates, renders, and downloads typeset; the content checker refuses a broken
 * document on a copy of the fixture course, naming the file and the reason in French.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, test } from "vitest";
import { checkCourses } from "~/content/check-courses.server.ts";
import { loadToolkit } from "~/toolkit/load-toolkit.server.ts";
import type { MarkdownNode } from "~/toolkit/markdown-tree.tsx";
import { toolkitMarkdown } from "~/toolkit/toolkit-markdown.ts";
import { markdownTree } from "~/toolkit/toolkit-tree.server.ts";

const COURSES = path.resolve("courses");
const FIXTURE = path.resolve("tests/fixtures/courses");
const ENGINE_FIXTURE = { enforceScenarioBalance: false, enforceDurations: false } as const;
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const realSources = parse(readFileSync(path.join(COURSES, "sources.yaml"), "utf8")) as Array<{ id: string; shortTitle: string }>;

function types(node: MarkdownNode): string[] {
  return [node.type, ...(node.children ?? []).flatMap(types)];
}

describe("the real toolkit", () => {
  const { documents, problems } = loadToolkit(COURSES, new Set(realSources.map((source) => source.id)));

  test("every document loads and validates", () => {
    expect(problems).toEqual([]);
    expect(documents.map((document) => document.slug)).toEqual([
      "protocole-atelier-diagnostic",
      "indicateurs-par-impact",
      "formes-de-partenariat",
      "premiere-reunion",
    ]);
  });

  test("each document renders with its tables and downloads typeset, with its sources at the end", () => {
    const sources = new Map(realSources.map((source) => [source.id, { shortTitle: source.shortTitle }]));
    for (const document of documents) {
      const tree = markdownTree(document.body);
      expect(types(tree), document.slug).toContain("table");
      expect(types(tree)).not.toContain("html");
      const markdown = toolkitMarkdown(document, sources);
      expect(markdown.startsWith(`# ${document.title.split(" :")[0]}`)).toBe(true);
      expect(markdown).toContain("\n## Sources\n");
      expect(
        markdown
          .trimEnd()
          .split("\n")
          .filter((line) => line.startsWith("- ") && line.includes("»")).length,
      ).toBeGreaterThanOrEqual(document.sources.length);
      // Typeset: no ordinary space before « : ; ? ! » or inside guillemets.
      expect(markdown).not.toMatch(/ [:;?!]|« | »/);
    }
  });
});

function fixtureWithToolkit(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-toolkit-"));
  cpSync(FIXTURE, dir, { recursive: true });
  made.push(dir);
  mkdirSync(path.join(dir, "toolkit"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "toolkit", name), text);
  return dir;
}

const VALID = `---
title: Un modèle de réunion
summary: Un résumé.
order: 1
sources:
  - ref: source-a
    heading: Un intertitre
---

## Ordre du jour

| Durée | Point |
| --- | --- |
| 10 min | Tour de table |
`;

describe("the checker", () => {
  test("accepts a valid document and lets lessons link to it", async () => {
    const dir = fixtureWithToolkit({ "modele-reunion.md": VALID });
    const lesson = path.join(dir, "lessons/m02-aller-plus-loin/conclusion.mdx");
    writeFileSync(
      lesson,
      `${readFileSync(lesson, "utf8")}\n[La boîte à outils](/boite-a-outils) et [le modèle](/boite-a-outils/modele-reunion).\n`,
    );
    const report = await checkCourses(dir, ENGINE_FIXTURE);
    expect(report.problems).toEqual([]);
    expect(report.toolkit).toBe(1);
  });

  test("refuses a broken frontmatter, naming the file", async () => {
    const dir = fixtureWithToolkit({
      "sans-titre.md": VALID.replace("title: Un modèle de réunion\n", ""),
      "yaml-casse.md": VALID.replace("order: 1", "order: [1"),
      "sans-entete.md": "## Rien\n",
      "champ-inconnu.md": VALID.replace("order: 1", "order: 2\nauteur: moi"),
    });
    const problems = (await checkCourses(dir, ENGINE_FIXTURE)).problems.filter((p) => p.file.startsWith("toolkit/"));
    const of = (file: string) => problems.filter((p) => p.file === `toolkit/${file}`).map((p) => p.message);
    expect(of("sans-titre.md")).toEqual(["title : titre manquant"]);
    expect(of("yaml-casse.md")[0]).toMatch(/^en-tête YAML invalide/);
    expect(of("sans-entete.md")).toEqual(["en-tête YAML absent (le fichier doit commencer par ---)"]);
    expect(of("champ-inconnu.md")).toEqual(["champ(s) inconnu(s) : auteur"]);
  });

  test("refuses an unknown source, a level-1 heading, a wording slip and a link to a missing document", async () => {
    const dir = fixtureWithToolkit({
      "source-inconnue.md": VALID.replace("ref: source-a", "ref: inconnue"),
      "titre-un.md": VALID.replace("order: 1", "order: 2").replace("## Ordre du jour", "# Ordre du jour"),
      "ecriture.md": VALID.replace("order: 1", "order: 3").replace("Tour de table", "Tour de table des élu(e)s"),
    });
    const lesson = path.join(dir, "lessons/m02-aller-plus-loin/conclusion.mdx");
    writeFileSync(lesson, `${readFileSync(lesson, "utf8")}\n[Perdu](/boite-a-outils/nulle-part)\n`);
    const problems = (await checkCourses(dir, ENGINE_FIXTURE)).problems;
    const lines = problems.map((p) => `${p.file} : ${p.message}`);
    expect(lines).toContain("toolkit/source-inconnue.md : source inconnue « inconnue » (voir sources.yaml)");
    expect(lines.some((line) => line.startsWith("toolkit/titre-un.md : titre de niveau 1 « Ordre du jour » (ligne 10)"))).toBe(true);
    expect(lines.some((line) => line.startsWith("toolkit/ecriture.md : ") && line.includes("élu(e)s"))).toBe(true);
    expect(lines.some((line) => line.includes("lien interne cassé « /boite-a-outils/nulle-part »"))).toBe(true);
  });
});
