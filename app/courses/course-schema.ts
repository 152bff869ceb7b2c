/**
 * The shape of everything in courses/: sources, glossary, paths, modules, lesson frontmatter.
 * Strict objects: an unknown field is an error (usually a typo that would silently do nothing).
 * Client-safe: no Node imports.
 */
import { z } from "zod";

/** Profiles a passage can address, as written in MDX (`<ForProfile profile="elu">`). */
export const AUDIENCES = ["etudiant", "elu", "agent", "formateur"] as const;
export type Audience = (typeof AUDIENCES)[number];

const id = (what: string) =>
  z
    .string({ error: `${what} : identifiant manquant` })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${what} : identifiant invalide (minuscules, chiffres et tirets)`);

/** A required text of a content file (quizzes, scenarios and projects use it too). */
export const text = (what: string) => z.string({ error: `${what} manquant` }).trim().min(1, `${what} vide`);

/** The id of a quiz, a project or one of their parts: lower-case words joined by hyphens. */
export const contentId = (what: string) =>
  z.string({ error: `${what} : identifiant manquant` }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${what} : identifiant invalide`);

const SourceSchema = z.strictObject({
  id: id("source"),
  code: z.string().regex(/^\d{3}$/),
  title: text("titre"),
  /** How the source is named in a citation inside a lesson. */
  shortTitle: text("titre court"),
  publisher: text("éditeur"),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "date au format AAAA-MM ou AAAA-MM-JJ"),
  file: text("fichier"),
});
export type Source = z.infer<typeof SourceSchema>;
export const SourcesFileSchema = z.array(SourceSchema).min(1);

export const SourceRefSchema = z.strictObject({
  ref: id("source"),
  heading: text("intertitre"),
});

const GlossaryEntrySchema = z.strictObject({
  id: id("terme"),
  term: text("terme"),
  definition: text("définition"),
  sources: z.array(SourceRefSchema).min(1, "au moins une source"),
  concepts: z.array(z.string().regex(/^R-\d{2}$/)).default([]),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;
export const GlossaryFileSchema = z.array(GlossaryEntrySchema);

export const PathFileSchema = z.strictObject({
  id: id("parcours"),
  slug: id("slug"),
  title: text("titre"),
  nominalMinutes: z.number().int().positive(),
  summary: text("résumé"),
  suits: text("publics"),
  objectives: z.array(text("objectif")).min(1, "au moins un objectif"),
  modules: z.array(id("module")).min(1, "au moins un module"),
  /**
   * Id of the quiz (kind: evaluation-finale) that a learner must pass for the path's certificate; a
   * lesson of the path embeds it. Required once the path is published.
   */
  finalAssessment: id("évaluation finale").optional(),
  /**
   * Id of the final project (courses/projects/<id>.yaml) a learner must submit, with its
   * self-assessment, for the path's certificate; a lesson of the path embeds <FinalProject id>.
   */
  finalProject: id("projet final").optional(),
  draft: z.boolean().default(false),
  /**
   * Share of `nominalMinutes` a learner must have spent active on the path's lessons for its
   * certificate (0.5 = half); absent = DEFAULT_MIN_ACTIVE_SHARE (app/courses/time-model.ts).
   */
  minActiveShare: z
    .number({ error: "une part entre 0 et 1 (0.5 = la moitié de la durée)" })
    .min(0, "une part entre 0 et 1 (0.5 = la moitié de la durée)")
    .max(1, "une part entre 0 et 1 (0.5 = la moitié de la durée)")
    .optional(),
});
export type PathFile = z.infer<typeof PathFileSchema>;

export const ModuleFileSchema = z.strictObject({
  id: id("module"),
  title: text("titre"),
  lessons: z.array(id("leçon")).min(1, "au moins une leçon"),
});
export type ModuleFile = z.infer<typeof ModuleFileSchema>;

export const LessonFrontmatterSchema = z.strictObject({
  id: id("leçon"),
  title: text("titre"),
  summary: text("résumé"),
  minutes: z.number({ error: "minutes : durée estimée manquante (entier)" }).int().positive().max(240),
  objectives: z.array(text("objectif")).min(1, "au moins un objectif"),
  audiences: z.array(z.enum(AUDIENCES)).min(1, "au moins un public"),
  concepts: z.array(z.string().regex(/^R-\d{2}$/, "concept : identifiant R-xx du référentiel")).default([]),
  sources: z.array(SourceRefSchema).min(1, "au moins une source (document et intertitre)"),
});
export type LessonFrontmatter = z.infer<typeof LessonFrontmatterSchema>;

type Issue = z.core.$ZodIssue;

/**
 * Formats zod issues as « champ : message » lines for the checker and start-up errors. When a value
 * fits none of the shapes of a union (a quiz's question or `- from:` reference), the shape it came
 * closest to — the one with the fewest issues — is the one explained.
 */
export function describeIssues(error: { issues: Issue[] }): string[] {
  const lines = (issue: Issue, prefix: PropertyKey[]): string[] => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0]!;
      if (closest.length > 0) return closest.flatMap((inner) => lines(inner, path));
    }
    const where = path.length ? `${path.map(String).join(".")} : ` : "";
    if (issue.code === "unrecognized_keys") return [`${where}champ(s) inconnu(s) : ${issue.keys.join(", ")}`];
    return [`${where}${issue.message}`];
  };
  return error.issues.flatMap((issue) => lines(issue, []));
}
