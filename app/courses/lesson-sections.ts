/**
 * The plain text of a lesson, cut at its h2 headings, taken while the lesson compiles (see
 * compile-lesson.server.ts): the text is what the page shows (typeset), and a section's id is the
 * anchor the compiled lesson carries. Profile passages (`<ForProfile>`) belong to the lesson's text; so do
 * the attributes a reader sees (a reflection's prompt, a key figure's label). Code and imports do not.
 */

export interface LessonSection {
  /** Id of the h2 heading (the anchor of the section); null for the text before the first one. */
  id: string | null;
  /** The heading's text; empty before the first one. */
  heading: string;
  /** The section's text, paragraphs separated by a blank line; its h3 headings included. */
  text: string;
}

interface Node {
  type: string;
  name?: string | null;
  value?: unknown;
  depth?: number;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  data?: { hProperties?: { id?: string } };
}

/** Attributes whose text a reader sees on the page (mdx-usage.ts counts the same ones as words). */
const VISIBLE_ATTRIBUTES = new Set(["prompt", "label", "title", "value", "question", "caption"]);

/** Nodes that start a new paragraph of the plain text. */
const BLOCKS = new Set(["paragraph", "heading", "listItem", "tableRow", "blockquote", "mdxJsxFlowElement", "tableCell"]);

function plainText(node: Node, out: string[]): void {
  if (node.type === "code" || node.type === "mdxjsEsm" || node.type === "mdxFlowExpression" || node.type === "mdxTextExpression") return;
  if ((node.type === "text" || node.type === "inlineCode") && typeof node.value === "string") {
    out.push(node.value);
    return;
  }
  if (node.type === "break") out.push(" ");
  const block = BLOCKS.has(node.type);
  if (block) out.push("\n\n");
  if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
    for (const attribute of node.attributes ?? []) {
      if (
        attribute.type === "mdxJsxAttribute" &&
        attribute.name &&
        VISIBLE_ATTRIBUTES.has(attribute.name) &&
        typeof attribute.value === "string"
      ) {
        out.push(attribute.value, "\n\n");
      }
    }
  }
  for (const child of node.children ?? []) plainText(child, out);
  if (block) out.push("\n\n");
}

function clean(text: string): string {
  return (
    text
      .split(/\n{2,}/)
      // Not \s: the no-break spaces of the typography stay.
      .map((paragraph) => paragraph.replace(/[ \t\r\n]+/g, " ").replace(/^ | $/g, ""))
      .filter(Boolean)
      .join("\n\n")
  );
}

/**
 * A remark plugin, run by the lesson compiler after `collectUsage` (which gives the headings their
 * ids): fills `sections` with the lesson's text cut at its h2 headings.
 * @example "Intro.\n\n## Les élus\n\nTexte." gives
 *   [{ id: null, heading: "", text: "Intro." }, { id: "les-elus", heading: "Les élus", text: "Texte." }]
 */
export function collectSections(sections: LessonSection[]) {
  return () => (tree: Node) => {
    const collected: Array<{ id: string | null; heading: string; parts: string[] }> = [{ id: null, heading: "", parts: [] }];
    for (const node of tree.children ?? []) {
      if (node.type === "heading" && node.depth === 2) {
        const heading: string[] = [];
        plainText(node, heading);
        collected.push({ id: node.data?.hProperties?.id ?? null, heading: clean(heading.join("")), parts: [] });
        continue;
      }
      plainText(node, collected[collected.length - 1]!.parts);
    }
    sections.length = 0;
    for (const { id, heading, parts } of collected) {
      const text = clean(parts.join(""));
      if (heading !== "" || text !== "") sections.push({ id, heading, text });
    }
  };
}
