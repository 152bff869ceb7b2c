/**
 * The Markdown of the toolkit's documents (courses/toolkit/*.md) parsed with micromark's GitHub
 * flavour (mdast-util-from-markdown + the GFM extensions: the parser remark uses) into the plain
 * tree markdown-tree.tsx renders: headings, paragraphs, lists, tables, emphasis, code and links.
 * Raw HTML is never rendered as HTML; `unsupportedMarkdown` reports it, and ragged tables, to the
 * content checker.
 *
 * Why not remark itself: the remark-parse installed at the top level (unified 10, for Remix's MDX 2)
 * and remark-gfm (unified 11, for the lessons' mdx-bundler) belong to two generations; the two
 * libraries underneath them are used directly, at matching versions.
 */
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { MarkdownNode } from "./markdown-tree.tsx";

interface MdastNode {
  type: string;
  value?: string;
  depth?: number;
  ordered?: boolean | null;
  url?: string;
  align?: Array<"left" | "right" | "center" | null> | null;
  children?: MdastNode[];
  position?: { start: { line: number } };
}

function parse(markdown: string): MdastNode {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdastNode;
}

/** The tree without positions and parser details: only what the page renders travels as JSON. */
function plain(node: MdastNode): MarkdownNode {
  return {
    type: node.type,
    ...(node.value !== undefined ? { value: node.value } : {}),
    ...(node.depth !== undefined ? { depth: node.depth } : {}),
    ...(node.type === "list" ? { ordered: node.ordered === true } : {}),
    ...(node.url !== undefined ? { url: node.url } : {}),
    ...(node.align ? { align: node.align } : {}),
    ...(node.children ? { children: node.children.map(plain) } : {}),
  };
}

export function parseMarkdown(markdown: string): MarkdownNode {
  return plain(parse(markdown));
}

/** What would not show as the author meant: raw HTML (shown as text), a table row with a wrong number of cells. */
export function unsupportedMarkdown(markdown: string): Array<{ line: number; message: string }> {
  const problems: Array<{ line: number; message: string }> = [];
  const visit = (node: MdastNode) => {
    const line = node.position?.start.line ?? 0;
    // One report per line: « <b>gras</b> » is two HTML nodes.
    if (node.type === "html" && !problems.some((problem) => problem.line === line && problem.message.startsWith("balise HTML")))
      problems.push({ line, message: "balise HTML : écrivez en Markdown (elle serait affichée telle quelle)" });
    if (node.type === "table") {
      const columns = node.children?.[0]?.children?.length ?? 0;
      for (const row of node.children?.slice(1) ?? []) {
        const count = row.children?.length ?? 0;
        if (count !== columns)
          problems.push({
            line: row.position?.start.line ?? line,
            message: `ligne de tableau à ${count} colonne(s) au lieu de ${columns}`,
          });
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(parse(markdown));
  return problems;
}
