/**
 * A toolkit document as the reader takes it away: a Markdown file with its title, summary, text and
 * « Sources » list, typeset (app/utils/french-typography.ts) like every page of the site. Pure.
 */
import { frenchTypography } from "~/utils/french-typography.ts";
import type { ToolkitDocument, ToolkitSourceInfo } from "./toolkit-schema.ts";

/** The source by its short title (it carries the date) and the heading, as the glossary cites its sources. */
export function sourceLine(ref: { ref: string; heading: string }, sources: ReadonlyMap<string, ToolkitSourceInfo>): string {
  const source = sources.get(ref.ref);
  return `${source?.shortTitle ?? ref.ref}, «\u202F${ref.heading}\u202F»`;
}

export function toolkitMarkdown(document: ToolkitDocument, sources: ReadonlyMap<string, ToolkitSourceInfo>): string {
  const lines = [
    `# ${document.title}`,
    "",
    `*${document.summary}*`,
    "",
    document.body.trim(),
    "",
    "## Sources",
    "",
    ...document.sources.map((ref) => `- ${sourceLine(ref, sources)}`),
    "",
    "---",
    "",
    "Boîte à outils du parcours «\u202FApprendre à faire alliance\u202F»\u00A0: faits tirés des documents sources cités, rédaction du parcours.",
    "",
  ];
  return frenchTypography(lines.join("\n"));
}
