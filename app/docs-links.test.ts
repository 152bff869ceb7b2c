/**
 * The documentation lives beside what it documents (README.md says where), so it is spread over many
 * pages that link to each other and to the code. This test keeps those links working as files and
 * headings move: every relative link in README.md and in the Markdown pages under app/, courses/,
 * prisma/ and tests/ must name an existing file, and an anchor an existing heading of that page
 * (GitHub's slugs); every page must be reachable from README.md; and README.md stays a newcomer's
 * page (≤ 12 KB), each feature giving it one line and a link rather than its whole manual.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const README_MAX_BYTES = 12_288;
const DOC_FOLDERS = ["app", "courses", "prisma", "tests"];
const SKIPPED_FOLDERS = new Set(["node_modules", "generated", "build"]);

interface LinkProblem {
  file: string;
  line: number;
  target: string;
  reason: string;
}

/** README.md and every `*.md` under the documented folders, as paths relative to `root`, sorted. */
function markdownPages(root: string): string[] {
  const pages = existsSync(path.join(root, "README.md")) ? ["README.md"] : [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || SKIPPED_FOLDERS.has(entry.name)) continue;
      const relative = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(relative);
      else if (entry.name.endsWith(".md")) pages.push(relative);
    }
  };
  for (const folder of DOC_FOLDERS) if (existsSync(path.join(root, folder))) walk(folder);
  return pages.sort();
}

/**
 * The text with fenced code blocks and code spans blanked (a link or heading inside code is not
 * one), keeping every line where it was so that problems name the right line.
 */
function withoutCode(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | null = null;
  return lines
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
        return "";
      }
      if (marker) {
        fence = marker;
        return "";
      }
      return line.replace(/(`+)[^`]*?\1/g, (span) => " ".repeat(span.length));
    })
    .join("\n");
}

/**
 * GitHub's anchor for a heading: the rendered text in lower case, without anything but letters,
 * digits, marks, `_`, `-` and spaces, spaces turned to `-` (« D1 — Remix » → `d1--remix`).
 */
function headingSlug(heading: string): string {
  // Code spans render their text as is (`<id>` included); outside them a link or image renders as
  // its text and inline HTML renders no text of its own.
  const text = heading
    .split(/(`+[^`]*?`+)/)
    .map((part, index) =>
      index % 2 === 1 ? part.replace(/`/g, "") : part.replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/<[^>]+>/g, ""),
    )
    .join("");
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
    .replace(/ /g, "-");
}

/** Every anchor a page offers: its headings' slugs (repeats numbered -1, -2… as GitHub does) and HTML ids. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const add = (heading: string) => {
    const slug = headingSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  };
  const code = /^ {0,3}(`{3,}|~{3,})/;
  let inFence = false;
  const lines = markdown.split("\n");
  lines.forEach((line, index) => {
    if (code.test(line)) inFence = !inFence;
    if (inFence || code.test(line)) return;
    const atx = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    if (atx) return add(atx[1]!);
    const previous = lines[index - 1];
    // A setext heading: a paragraph line underlined with = or - (not a list item, table or break).
    if (/^ {0,3}(=+|-+)\s*$/.test(line) && previous && previous.trim() !== "" && !/^\s*([-*+]|\d+\.)\s|^\s*\||^ {0,3}#/.test(previous)) {
      add(previous);
    }
  });
  for (const match of markdown.matchAll(/<a\s[^>]*\b(?:id|name)="([^"]+)"/g)) anchors.add(match[1]!);
  return anchors;
}

/** Inline links and images `[text](target "title")`, and reference definitions `[ref]: target`, with their line. */
function linksOf(markdown: string): Array<{ line: number; target: string }> {
  const text = withoutCode(markdown);
  const links: Array<{ line: number; target: string }> = [];
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  for (const match of text.matchAll(/!?\[(?:[^[\]]|\[[^\]]*\])*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g)) {
    links.push({ line: lineAt(match.index), target: match[1]!.replace(/^<|>$/g, "") });
  }
  for (const match of text.matchAll(/^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/gm)) {
    links.push({ line: lineAt(match.index), target: match[1]!.replace(/^<|>$/g, "") });
  }
  return links;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//");

/**
 * Checks the relative links of `pages` (paths relative to `root`). Returns how many links were
 * checked, what is broken, and which pages each page links to (for reachability).
 */
function checkMarkdownLinks(root: string, pages: string[]) {
  const problems: LinkProblem[] = [];
  const linksTo = new Map<string, Set<string>>();
  const anchorCache = new Map<string, Set<string>>();
  const anchorsOfFile = (file: string) => {
    let anchors = anchorCache.get(file);
    if (!anchors) anchorCache.set(file, (anchors = anchorsOf(readFileSync(path.join(root, file), "utf8"))));
    return anchors;
  };
  let checked = 0;
  for (const page of pages) {
    const targets = new Set<string>();
    linksTo.set(page, targets);
    for (const { line, target } of linksOf(readFileSync(path.join(root, page), "utf8"))) {
      if (isExternal(target)) continue;
      checked += 1;
      const problem = (reason: string) => problems.push({ file: page, line, target, reason });
      const [rawPath = "", rawAnchor] = target.split("#", 2);
      const filePart = decodeURIComponent(rawPath.split("?")[0]!);
      const anchor = rawAnchor === undefined ? undefined : decodeURIComponent(rawAnchor);
      const resolved =
        filePart === ""
          ? page
          : filePart.startsWith("/")
            ? path.posix.normalize(filePart.slice(1))
            : path.posix.join(path.posix.dirname(page), filePart);
      if (resolved.startsWith("..") || path.isAbsolute(resolved)) {
        problem("sort du dépôt");
        continue;
      }
      const absolute = path.join(root, resolved);
      if (!existsSync(absolute)) {
        problem(`fichier introuvable : ${resolved}`);
        continue;
      }
      const isFolder = statSync(absolute).isDirectory();
      if (!isFolder && resolved.endsWith(".md")) targets.add(resolved);
      if (anchor === undefined || anchor === "") continue;
      if (isFolder) problem(`ancre sur un dossier : ${resolved}`);
      else if (resolved.endsWith(".md")) {
        if (!anchorsOfFile(resolved).has(anchor)) problem(`aucun titre « #${anchor} » dans ${resolved}`);
      } else if (!/^L\d+(-L\d+)?$/.test(anchor)) problem(`ancre « #${anchor} » dans un fichier qui n'a pas de titres : ${resolved}`);
    }
  }
  return { checked, problems, linksTo };
}

/** The pages no chain of links from `start` reaches. */
function unreachablePages(pages: string[], start: string, linksTo: Map<string, Set<string>>): string[] {
  const reached = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of linksTo.get(queue.shift()!) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return pages.filter((page) => !reached.has(page));
}

const describeProblems = (problems: LinkProblem[]) => problems.map((p) => `${p.file}:${p.line} (${p.target}) — ${p.reason}`);

describe("the link checker, on a sample", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "aafa-docs-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };
  write(
    "README.md",
    [
      "# Sample",
      "",
      "See [the guide](courses/README.md#un-parcours-pathsyaml), [a decision](app/decisions/D01-x.md#d1--remix-2-not-vite),",
      "[the code](app/x.ts#L3), [a folder](app/), [a site](https://example.org/missing.md), [this page](#sample).",
      "",
      "Broken: [no file](app/missing.md), [no heading](courses/README.md#nowhere), [second](courses/README.md#r%C3%A8gles-1),",
      "[up](../outside.md), [ref][gone].",
      "",
      "```md",
      "[inside a code block](not/checked.md)",
      "```",
      "And `[in a code span](not/checked/either.md)`.",
      "",
      "[gone]: prisma/none.md",
    ].join("\n"),
  );
  write("courses/README.md", "# Guide\n\n## Un parcours (`paths/*.yaml`)\n\n## Règles\n\nBack to [README](../README.md).\n");
  write("app/decisions/D01-x.md", "# D1 — Remix 2, not Vite\n");
  write("app/x.ts", "export {};\n");
  write("tests/orphan.md", "Nobody links here.\n");

  test("slugs are GitHub's: punctuation and code marks dropped, accents kept, spaces to dashes", () => {
    expect(headingSlug("Un parcours (`paths/*.yaml`)")).toBe("un-parcours-pathsyaml");
    expect(headingSlug("D1 — Remix 2, not Vite")).toBe("d1--remix-2-not-vite");
    expect(headingSlug("Des évaluations qui prouvent l'apprentissage")).toBe("des-évaluations-qui-prouvent-lapprentissage");
    expect(headingSlug("Requests before any route runs (`app/server/request-guards.ts`)")).toBe(
      "requests-before-any-route-runs-appserverrequest-guardsts",
    );
    expect(headingSlug("See [the guide](x.md) and DEFAULT_MIN")).toBe("see-the-guide-and-default_min");
    expect(headingSlug("Le projet final (`projects/<id>.yaml`) <em>x</em>")).toBe("le-projet-final-projectsidyaml-x");
  });

  test("reports each broken link with its line and ignores external links and code", () => {
    const pages = markdownPages(root);
    expect(pages).toEqual(["README.md", "app/decisions/D01-x.md", "courses/README.md", "tests/orphan.md"]);
    const { checked, problems } = checkMarkdownLinks(root, pages);
    expect(describeProblems(problems)).toEqual([
      "README.md:6 (app/missing.md) — fichier introuvable : app/missing.md",
      "README.md:6 (courses/README.md#nowhere) — aucun titre « #nowhere » dans courses/README.md",
      "README.md:6 (courses/README.md#r%C3%A8gles-1) — aucun titre « #règles-1 » dans courses/README.md",
      "README.md:7 (../outside.md) — sort du dépôt",
      "README.md:14 (prisma/none.md) — fichier introuvable : prisma/none.md",
    ]);
    expect(checked).toBe(11); // 5 good + 5 broken in README, 1 back-link in the guide
  });

  test("a page no link reaches is reported", () => {
    const pages = markdownPages(root);
    const { linksTo } = checkMarkdownLinks(root, pages);
    expect(unreachablePages(pages, "README.md", linksTo)).toEqual(["tests/orphan.md"]);
  });
});

describe("the repository's documentation", () => {
  const root = path.resolve(".");
  const pages = markdownPages(root);

  test("every relative link points to an existing file, and every anchor to a heading of that page", () => {
    const { checked, problems } = checkMarkdownLinks(root, pages);
    expect(describeProblems(problems)).toEqual([]);
    // The pages link to one another: a checker that found no links would be checking nothing.
    expect(checked).toBeGreaterThan(50);
  });

  test("every page is reachable from README.md by links", () => {
    const { linksTo } = checkMarkdownLinks(root, pages);
    expect(unreachablePages(pages, "README.md", linksTo)).toEqual([]);
  });

  test(`README.md stays a newcomer's page: at most ${README_MAX_BYTES} bytes`, () => {
    expect(statSync(path.join(root, "README.md")).size).toBeLessThanOrEqual(README_MAX_BYTES);
  });
});
