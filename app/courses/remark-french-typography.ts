/**
 * A remark plugin that typesets a lesson while it compiles (app/utils/french-typography.ts): every
 * text node, and the attributes of lesson components that are read as text (a KeyFigure's value,
 * label and note, a CaseStudy's or Callout's title, a Reflection's prompt, a cited heading). Code (`inline` or
 * fenced) is not a text node and is never touched; nor are link addresses, component identifiers,
 * or a <Definition term>, which is looked up in the glossary as written.
 */
import { frenchTypography } from "~/utils/french-typography.ts";

/** Component attributes the learner reads. Every other attribute is an identifier or a reference. */
const TEXT_ATTRIBUTES = new Set(["title", "label", "note", "prompt", "value", "heading"]);

interface Node {
  type: string;
  value?: unknown;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
}

function typeset(node: Node): void {
  if (node.type === "text" && typeof node.value === "string") {
    node.value = frenchTypography(node.value);
  } else if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
    for (const attribute of node.attributes ?? []) {
      if (attribute.type === "mdxJsxAttribute" && attribute.name && TEXT_ATTRIBUTES.has(attribute.name) && typeof attribute.value === "string") {
        attribute.value = frenchTypography(attribute.value);
      }
    }
  }
  for (const child of node.children ?? []) typeset(child);
}

export function remarkFrenchTypography() {
  return (tree: Node) => typeset(tree);
}
