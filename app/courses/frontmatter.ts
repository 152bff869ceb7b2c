/** Splits an MDX file into its YAML frontmatter and its body. */
import { parse } from "yaml";

interface SplitFile {
  data: unknown;
  body: string;
  /** Line of the body's first line in the file (1-based), for error messages. */
  bodyLine: number;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/**
 * @example splitFrontmatter("---\nid: l1\n---\nTexte") // { data: { id: "l1" }, body: "Texte", bodyLine: 4 }
 * @throws Error in French when the fence is missing or the YAML is invalid.
 */
export function splitFrontmatter(source: string): SplitFile {
  const match = FENCE.exec(source);
  if (!match) throw new Error("en-tête YAML absent (le fichier doit commencer par ---)");
  let data: unknown;
  try {
    data = parse(match[1]!);
  } catch (error) {
    throw new Error(`en-tête YAML invalide\u00A0: ${(error as Error).message.split("\n")[0]}`);
  }
  return { data, body: source.slice(match[0].length), bodyLine: match[0].split("\n").length };
}
