/**
 * Quiz definitions as authors write them in courses/quizzes/<id>.yaml (see courses/README.md).
 * These include the answer key: only server code may import the parsed definitions.
 */
import { z } from "zod";
import { SourceRefSchema, contentId, text } from "~/courses/course-schema.ts";

export type QuestionType = "choix-unique" | "choix-multiple" | "vrai-faux" | "association" | "remise-en-ordre";

const id = contentId;

const objectiveNumber = z
  .number({ error: "le numéro d'un objectif du parcours (1, 2, 3…)" })
  .int("un numéro entier")
  .min(1, "les objectifs du parcours se comptent à partir de 1");

const common = {
  id: id("question"),
  stem: text("énoncé"),
  /** Explanation shown after answering, right or wrong. */
  feedback: text("rétroaction"),
  source: SourceRefSchema,
  concepts: z.array(z.string().regex(/^R-\d{2}$/)).default([]),
  /**
   * In a final assessment: the path objective this question assesses, as a 1-based index into the
   * `objectives` of the path whose `finalAssessment` it is. Practice quizzes carry none.
   */
  objective: objectiveNumber.optional(),
};

const OptionSchema = z.strictObject({
  text: text("option"),
  correct: z.boolean().default(false),
  /** Shown to a learner who chose this option. */
  feedback: text("rétroaction de l'option").optional(),
});

const QuestionSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...common, type: z.literal("choix-unique"), options: z.array(OptionSchema).min(2, "au moins 2 options").max(8) }),
  z.strictObject({ ...common, type: z.literal("choix-multiple"), options: z.array(OptionSchema).min(3, "au moins 3 options").max(10) }),
  z.strictObject({ ...common, type: z.literal("vrai-faux"), answer: z.boolean({ error: "answer : vrai (true) ou faux (false)" }) }),
  z.strictObject({
    ...common,
    type: z.literal("association"),
    /** Each left item goes with its right item; several left items may share one right item. */
    pairs: z
      .array(z.strictObject({ left: text("élément de gauche"), right: text("élément de droite") }))
      .min(2, "au moins 2 paires")
      .max(10),
  }),
  z.strictObject({
    ...common,
    type: z.literal("remise-en-ordre"),
    /** In the correct order; shown shuffled. */
    items: z.array(text("élément")).min(3, "au moins 3 éléments").max(8),
  }),
]);
export type Question = z.infer<typeof QuestionSchema>;

/**
 * A question of another quiz, reused by id (final assessments draw from the module quizzes), with
 * the objective it assesses in this final assessment.
 */
const QuestionRefSchema = z.strictObject({ from: id("question"), objective: objectiveNumber.optional() });

const QUIZ_KINDS = ["entrainement", "evaluation-finale"] as const;

export const QuizFileSchema = z.strictObject({
  id: id("quiz"),
  title: text("titre"),
  kind: z.enum(QUIZ_KINDS).default("entrainement"),
  /** Score (in %) at or above which an attempt passes. */
  passMark: z.number().int().min(0, "seuil entre 0 et 100").max(100, "seuil entre 0 et 100"),
  /** Attempts allowed per learner; absent = unlimited (practice). */
  attempts: z.number().int().min(1).max(20).optional(),
  /**
   * Options are always shuffled per attempt, on the server: the order of a choice's options is never
   * its answer (remise-en-ordre and association shuffle their own items). The key stays readable
   * as `true` for files written before; `false` is refused with the reason.
   */
  shuffleOptions: z
    .literal(true, {
      error: "les options sont toujours mélangées à chaque tentative (leur ordre n'est jamais la réponse) ; retirez cette ligne",
    })
    .optional(),
  /** Number of questions drawn at random for each attempt; absent = all, in order. */
  draw: z.number().int().min(1).optional(),
  questions: z.array(z.union([QuestionRefSchema, QuestionSchema])).min(1, "au moins une question"),
});
type QuizFile = z.infer<typeof QuizFileSchema>;

/** A quiz with references resolved: every question is a full question. */
export interface QuizDefinition extends Omit<QuizFile, "questions" | "shuffleOptions"> {
  questions: Question[];
  /**
   * Final assessment: the objective each question assesses (question id → 1-based index into the
   * path's objectives), from the question's own `objective` or its `- from:` reference. Questions
   * without a tag are absent (the checker reports them).
   */
  objectives: Record<string, number>;
  file: string;
}
