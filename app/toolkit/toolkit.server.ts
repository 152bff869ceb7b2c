/**
 * The toolkit the running app serves (/boite-a-outils): the documents of courses/toolkit, read once
 * in production, re-read in development when a file changes (like the catalogue,
 * app/content/catalog.server.ts). Titles and summaries are typeset here; the text when it is
 * rendered (toolkit-tree.server.ts) or downloaded (toolkit-markdown.ts).
 */
import path from "node:path";
import { SourcesFileSchema } from "~/courses/course-schema.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFile } from "~/courses/yaml-folder.server.ts";
import { frenchTypography } from "~/utils/french-typography.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import { newestMtime } from "~/utils/newest-mtime.server.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { loadToolkit, TOOLKIT_FOLDER } from "./load-toolkit.server.ts";
import { sourceLine, toolkitMarkdown } from "./toolkit-markdown.ts";
import type { ToolkitDocument, ToolkitSourceInfo } from "./toolkit-schema.ts";
import { markdownTree } from "./toolkit-tree.server.ts";

interface LoadedToolkit {
  documents: ToolkitDocument[];
  sources: Map<string, ToolkitSourceInfo>;
  stamp: number;
}

const state = singleton("toolkit", () => ({ current: null as LoadedToolkit | null }));

function coursesDir(): string {
  return path.resolve(process.env.COURSES_DIR || "courses");
}

function stampOf(dir: string): number {
  return Math.max(newestMtime(path.join(dir, TOOLKIT_FOLDER)), newestMtime(path.join(dir, "sources.yaml")));
}

function load(): LoadedToolkit {
  const dir = coursesDir();
  const problems: Problem[] = [];
  const sourceList = readYamlFile(path.join(dir, "sources.yaml"), "sources.yaml", SourcesFileSchema, problems) ?? [];
  const { documents } = loadToolkit(dir, new Set(sourceList.map((source) => source.id)));
  const sources = new Map(sourceList.map((source) => [source.id, { shortTitle: source.shortTitle }]));
  // A document the checker refuses (npm run courses:check) is left out rather than stopping the site.
  return { documents, sources, stamp: stampOf(dir) };
}

function current(): LoadedToolkit {
  const loaded = state.current;
  if (!loaded || (process.env.NODE_ENV !== "production" && stampOf(coursesDir()) !== loaded.stamp)) {
    return (state.current = load());
  }
  return loaded;
}

export interface ToolkitListItem {
  slug: string;
  title: string;
  summary: string;
}

export function toolkitList(): ToolkitListItem[] {
  return current().documents.map((document) => ({
    slug: document.slug,
    title: frenchTypography(document.title),
    summary: frenchTypography(document.summary),
  }));
}

function requireDocument(slug: string | undefined): { document: ToolkitDocument; sources: Map<string, ToolkitSourceInfo> } {
  const { documents, sources } = current();
  const document = documents.find((candidate) => candidate.slug === slug);
  invariantResponse(document, "Ce document de la boîte à outils n'existe pas.");
  return { document, sources };
}

/** The page of one document: its typeset title, summary, text tree and sources; a 404 if unknown. */
export function toolkitPage(slug: string | undefined) {
  const { document, sources } = requireDocument(slug);
  return {
    slug: document.slug,
    title: frenchTypography(document.title),
    summary: frenchTypography(document.summary),
    tree: markdownTree(document.body),
    sources: document.sources.map((ref) => frenchTypography(sourceLine(ref, sources))),
  };
}

/** The downloadable Markdown of one document; a 404 if unknown. */
export function toolkitDownload(slug: string | undefined): { filename: string; markdown: string } {
  const { document, sources } = requireDocument(slug);
  return { filename: `${document.slug}.md`, markdown: toolkitMarkdown(document, sources) };
}
