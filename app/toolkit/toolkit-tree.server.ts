/**
 * A toolkit document's text, typeset (app/utils/french-typography.ts) and parsed into the tree
 * that markdown-tree.tsx renders (markdown-parse.ts). The loader of the page sends the tree as JSON.
 */
import { frenchTypography } from "~/utils/french-typography.ts";
import { parseMarkdown } from "./markdown-parse.ts";
import type { MarkdownNode } from "./markdown-tree.tsx";

/** Every text node typeset once more on its own: a space before « : » at the end of **bold** is caught there. */
function typesetNodes(node: MarkdownNode): MarkdownNode {
  return {
    ...node,
    ...(node.type === "text" && node.value !== undefined ? { value: frenchTypography(node.value) } : {}),
    ...(node.children ? { children: node.children.map(typesetNodes) } : {}),
  };
}

export function markdownTree(markdown: string): MarkdownNode {
  return typesetNodes(parseMarkdown(frenchTypography(markdown)));
}
