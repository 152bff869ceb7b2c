/**
 * The toolkit of the 12 h path (courses/toolkit/<slug>.md): practical documents for practitioners
 * (a workshop protocol, a bank of indicators, a comparison table, a meeting template), served at
 * /boite-a-outils as pages and as Markdown downloads. They are course material, not lessons: they
 * have no id in the time model and no progress. Client-safe: no Node imports.
 */
import { z } from "zod";
import { SourceRefSchema, text } from "~/courses/course-schema.ts";

/** A document's address comes from its file name: lower-case words joined by hyphens. */
export const TOOLKIT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const ToolkitFrontmatterSchema = z.strictObject({
  title: text("titre"),
  summary: text("résumé"),
  /** Rank in the list of /boite-a-outils (1 first). */
  order: z
    .number({ error: "order : rang dans la liste (entier)" })
    .int("order : rang dans la liste (entier)")
    .positive("order : rang dans la liste (entier)"),
  sources: z.array(SourceRefSchema).min(1, "au moins une source (document et intertitre)"),
});
export type ToolkitFrontmatter = z.infer<typeof ToolkitFrontmatterSchema>;

export interface ToolkitDocument extends ToolkitFrontmatter {
  slug: string;
  /** Relative to courses/, for problems. */
  file: string;
  /** The Markdown after the frontmatter, as written (headings from ## down). */
  body: string;
}

/** A source as a document's « Sources » list names it. */
export interface ToolkitSourceInfo {
  /** As sources.yaml names a source in a citation: « Note de la mission (mai 2020) ». */
  shortTitle: string;
}
