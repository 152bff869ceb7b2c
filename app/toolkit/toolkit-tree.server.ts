/**
 * A toolkit document's Markdown parsed into a plain tree (mdast, GitHub tables included), typeset
 * in every text node (remark-french-typography.ts), positions dropped: the page's loader sends it
 * as JSON and markdown-tree.tsx renders it. Raw HTML is not interpreted (it is shown as text).
 */
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { remarkFrenchTypography } from "~/courses/remark-french-typography.ts";
import type { MarkdownNode } from "./markdown-tree.tsx";

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrenchTypography);

function plain(node: Record<string, unknown>): MarkdownNode {
  const out: MarkdownNode = { type: String(node.type) };
  if (typeof node.value === "string") out.value = node.value;
  if (typeof node.depth === "number") out.depth = node.depth;
  if (typeof node.ordered === "boolean") out.ordered = node.ordered;
  if (typeof node.url === "string") out.url = node.url;
  if (Array.isArray(node.align)) out.align = node.align as MarkdownNode["align"];
  if (Array.isArray(node.children)) out.children = (node.children as Array<Record<string, unknown>>).map(plain);
  return out;
}

export function markdownTree(markdown: string): MarkdownNode {
  const tree = processor.runSync(processor.parse(markdown));
  return plain(tree as unknown as Record<string, unknown>);
}
