/**
 * The positioning of a path: the diagnostic questions authors write in courses/placement/<path>.yaml
 * (validated here, client-safe), the four-level scale of the self-assessment, and the shape of what
 * is stored. Nothing here is graded: there is no right answer to any of it.
 */
import { z } from "zod";
import { contentId, text } from "~/courses/course-schema.ts";

/** ENTRY: before or at the start of the path (Qualiopi indicator 8); EXIT: once its lessons are done. */
export const MOMENTS = ["ENTRY", "EXIT"] as const;
export type Moment = (typeof MOMENTS)[number];

/**
 * The scale, from 1 to 4. Worded as what the learner can do, never as a grade: « Je découvre » is
 * a fine place to start a path from.
 */
export const LEVELS = ["Je découvre", "J'ai des notions", "Je sais faire avec de l'aide", "Je sais faire seul·e"] as const;
export const LEVEL_COUNT = LEVELS.length;

export const MIN_QUESTIONS = 3;
export const MAX_QUESTIONS = 5;
/** An open answer's length; long enough for a few sentences, short enough for a phone. */
export const ANSWER_MAX = 1000;

const QuestionSchema = z.strictObject({
  /** Stable within the file: a stored answer names its question by this id (and keeps its wording). */
  id: contentId("question"),
  question: text("question"),
  /** One line under the question. */
  hint: text("aide").optional(),
  /** With options, one is chosen (radio buttons); without, the answer is written (a text area). */
  options: z.array(text("option")).min(2, "au moins deux options").max(8, "au plus huit options").optional(),
});
export type DiagnosticQuestion = z.infer<typeof QuestionSchema>;

export const PlacementFileSchema = z.strictObject({
  /** The id of the path (courses/paths/*.yaml) these questions open. */
  path: contentId("parcours"),
  questions: z
    .array(QuestionSchema)
    .min(MIN_QUESTIONS, `au moins ${MIN_QUESTIONS} questions de positionnement`)
    .max(MAX_QUESTIONS, `au plus ${MAX_QUESTIONS} questions de positionnement`),
});
export type PlacementDefinition = z.infer<typeof PlacementFileSchema> & { file: string };

/** One objective as the learner rated it, its wording frozen at the time. */
export const StoredObjectiveSchema = z.object({ objective: z.string(), level: z.number().int().min(1).max(LEVEL_COUNT) });
export type StoredObjective = z.infer<typeof StoredObjectiveSchema>;
/** One diagnostic answer, question and answer as they were. An unanswered question is not stored. */
export const StoredAnswerSchema = z.object({ id: z.string(), question: z.string(), answer: z.string() });
export type StoredAnswer = z.infer<typeof StoredAnswerSchema>;

export const StoredObjectivesSchema = z.array(StoredObjectiveSchema);
export const StoredAnswersSchema = z.array(StoredAnswerSchema);
