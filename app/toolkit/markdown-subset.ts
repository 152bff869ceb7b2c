/**
 * The Markdown of the toolkit's documents (courses/toolkit/*.md), parsed into a small tree of the
 * mdast kinds markdown-tree.tsx renders. The subset is what practical documents need and what
 * authors write: headings (## and below), paragraphs, bulleted and numbered lists, tables (GitHub
 * syntax), a horizontal rule; inline **bold**, *italics*, `code` and [links](/adresse). Anything
 * else stays text, shown as written (never as HTML). `unsupportedMarkdown` lists what the subset
 * would not render as the author meant, for the content checker.
 *
 * Why not remark: in this install remark-parse (unified 10) and remark-gfm (unified 11) come from two
 * generations and crash on tables; the lessons' compiler gets GFM through mdx-bundler's own copies.
 * Pure and client-safe.
 */
import type { MarkdownNode } from "./markdown-tree.tsx";

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d+\.\s+(.*)$/;
const RULE = /^(-{3,}|\*{3,})\s*$/;
const TABLE_SEPARATOR = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/** Inline text: `code`, **bold**, *italics*, [link](url), and plain text between them. */
export function parseInline(text: string): MarkdownNode[] {
  const nodes: MarkdownNode[] = [];
  const pattern = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) nodes.push({ type: "text", value: text.slice(last, match.index) });
    if (match[1] !== undefined) nodes.push({ type: "inlineCode", value: match[1] });
    else if (match[2] !== undefined) nodes.push({ type: "strong", children: parseInline(match[2]) });
    else if (match[3] !== undefined) nodes.push({ type: "emphasis", children: parseInline(match[3]) });
    else nodes.push({ type: "link", url: match[5], children: parseInline(match[4]!) });
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push({ type: "text", value: text.slice(last) });
  return nodes;
}

function cells(line: string): string[] {
  const trimmed = line.trim().replace(/^\|/, "").replace(/\|$/, "");
  return trimmed.split("|").map((cell) => cell.trim());
}

const startsBlock = (line: string, next: string | undefined) =>
  HEADING.test(line) ||
  BULLET.test(line) ||
  NUMBERED.test(line) ||
  RULE.test(line) ||
  (line.trim().startsWith("|") && next !== undefined && TABLE_SEPARATOR.test(next));

export function parseMarkdown(markdown: string): MarkdownNode {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const children: MarkdownNode[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.trim() === "") {
      i++;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      children.push({ type: "heading", depth: heading[1]!.length, children: parseInline(heading[2]!.trim()) });
      i++;
      continue;
    }
    if (RULE.test(line)) {
      children.push({ type: "thematicBreak" });
      i++;
      continue;
    }
    if (line.trim().startsWith("|") && lines[i + 1] !== undefined && TABLE_SEPARATOR.test(lines[i + 1]!)) {
      const rows = [line];
      i += 2;
      while (i < lines.length && lines[i]!.trim().startsWith("|")) rows.push(lines[i++]!);
      children.push({
        type: "table",
        children: rows.map((row) => ({
          type: "tableRow",
          children: cells(row).map((cell) => ({ type: "tableCell", children: parseInline(cell) })),
        })),
      });
      continue;
    }
    const bullet = BULLET.test(line);
    if (bullet || NUMBERED.test(line)) {
      const marker = bullet ? BULLET : NUMBERED;
      const items: string[] = [];
      while (i < lines.length && lines[i]!.trim() !== "") {
        const item = marker.exec(lines[i]!);
        if (item) items.push(item[1]!);
        else if (startsBlock(lines[i]!, lines[i + 1])) break;
        else items[items.length - 1] += ` ${lines[i]!.trim()}`;
        i++;
      }
      children.push({
        type: "list",
        ordered: !bullet,
        children: items.map((item) => ({ type: "listItem", children: [{ type: "paragraph", children: parseInline(item) }] })),
      });
      continue;
    }
    const paragraph = [line.trim()];
    i++;
    while (i < lines.length && lines[i]!.trim() !== "" && !startsBlock(lines[i]!, lines[i + 1])) paragraph.push(lines[i++]!.trim());
    children.push({ type: "paragraph", children: parseInline(paragraph.join(" ")) });
  }
  return { type: "root", children };
}

/** What the subset would show differently from what the author meant: raw HTML, ragged tables. */
export function unsupportedMarkdown(markdown: string): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  const lines = markdown.split("\n");
  let columns: number | null = null;
  lines.forEach((line, index) => {
    if (/<\/?[a-zA-Z][^>]*>/.test(line))
      problems.push({ line: index + 1, message: "balise HTML : écrivez en Markdown (elle serait affichée telle quelle)" });
    if (line.trim().startsWith("|")) {
      if (columns === null && lines[index + 1] !== undefined && TABLE_SEPARATOR.test(lines[index + 1]!)) columns = cells(line).length;
      else if (columns !== null && cells(line).length !== columns) {
        problems.push({ line: index + 1, message: `ligne de tableau à ${cells(line).length} colonne(s) au lieu de ${columns}` });
      }
    } else columns = null;
  });
  return problems;
}
