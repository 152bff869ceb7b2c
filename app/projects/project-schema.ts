/**
 * A final project as authors write it in courses/projects/<id>.yaml (see courses/README.md): the
 * steps of the guided form, their fields with guidance and an example, and the self-assessment
 * grid. Client-safe: the form shows all of it.
 */
import { z } from "zod";
import { contentId, text } from "~/courses/course-schema.ts";

const id = contentId;

const ProjectFieldSchema = z.strictObject({
  /** Stable: the database stores answers by this id. Unique within the project. */
  id: id("champ"),
  label: text("libellé"),
  /** One sentence under the label: what to write. */
  hint: text("consigne").optional(),
  /** A filled-in example, shown beside the field. */
  example: text("exemple").optional(),
  /** A <Reflection> of a workshop lesson whose answer fills the field the first time it is opened. */
  prefillFrom: id("réflexion").optional(),
  required: z.boolean().default(true),
  rows: z.number().int().min(2).max(20).default(5),
});

const ProjectStepSchema = z.strictObject({
  id: id("étape"),
  title: text("titre de l'étape"),
  /** Paragraphs of guidance shown above the fields (blank lines separate them). */
  guidance: text("conseils"),
  /** The lessons to reread for this step (absolute links), optional. */
  lessons: z
    .array(z.strictObject({ title: text("titre de leçon"), href: z.string().regex(/^\/parcours\//, "lien absolu vers une leçon") }))
    .default([]),
  fields: z.array(ProjectFieldSchema).min(1, "au moins un champ"),
});
export type ProjectStep = z.infer<typeof ProjectStepSchema>;

const CriterionSchema = z.strictObject({
  id: id("critère"),
  title: text("titre du critère"),
  /** What each level looks like, from 1 (émergent) to 4 (exemplaire). */
  levels: z.tuple([text("niveau 1"), text("niveau 2"), text("niveau 3"), text("niveau 4")]),
  /** Concepts (R-xx) whose lessons help progress on this criterion. */
  concepts: z.array(z.string().regex(/^R-\d{2}$/)).default([]),
});

export const ProjectFileSchema = z.strictObject({
  id: id("projet"),
  title: text("titre"),
  intro: text("introduction"),
  steps: z.array(ProjectStepSchema).min(1, "au moins une étape"),
  assessment: z.strictObject({
    intro: text("introduction de la grille"),
    levelNames: z.tuple([text("nom du niveau 1"), text("nom du niveau 2"), text("nom du niveau 3"), text("nom du niveau 4")]),
    criteria: z.array(CriterionSchema).min(1, "au moins un critère"),
    /** The indicative bar: at least this level on every criterion, and this total. */
    minEach: z.number().int().min(1).max(4),
    minTotal: z.number().int().min(1),
  }),
});
export type ProjectDefinition = z.infer<typeof ProjectFileSchema> & { file: string };

export const JUSTIFICATION_MAX = 2000;
export const ANSWER_MAX = 6000;
