/**
 * The satisfaction questionnaire at the end of a path (« à chaud »): four questions on labelled
 * 4-point scales and a free text, the wording of « utile pour… » adapted to the learner's profile,
 * and the zod schema the browser and the server both check. Pure and client-safe.
 *
 * Four points, no middle: a « neutre » answer tells an organisation nothing it can act on, and the
 * labels say what each point means so that « 3 » reads the same for everyone.
 */
import { z } from "zod";
import type { Profile } from "~/auth/profiles.ts";

export const QUESTION_IDS = ["objectivesMet", "clarity", "usefulness", "recommend"] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];
export type Score = 1 | 2 | 3 | 4;
export const SCORES: readonly Score[] = [1, 2, 3, 4];

/** What the learner's work or studies are called in the usefulness question. */
export function usefulnessContext(profile: string): string {
  switch (profile as Profile) {
    case "ELECTED_OFFICIAL":
      return "votre mandat";
    case "CIVIL_SERVANT":
      return "votre poste";
    case "STUDENT":
      return "vos études";
    case "TRAINER":
      return "votre activité de formateur·rice";
    default:
      return "votre activité";
  }
}

const AGREEMENT: Record<Score, string> = { 1: "Pas du tout", 2: "Plutôt non", 3: "Plutôt oui", 4: "Tout à fait" };
const RECOMMENDATION: Record<Score, string> = { 1: "Certainement pas", 2: "Probablement pas", 3: "Probablement", 4: "Certainement" };

export interface Question {
  id: QuestionId;
  /** The question as the learner reads it (a legend over the scale). */
  text: string;
  /** A short name for tables and CSV headers. */
  short: string;
  labels: Record<Score, string>;
}

/** The four questions, worded for this profile (the aggregates use the generic wording: profile "OTHER"). */
export function questionsFor(profile: string): Question[] {
  return [
    {
      id: "objectivesMet",
      text: "Les objectifs annoncés du parcours ont-ils été atteints pour vous\u00A0?",
      short: "Objectifs atteints",
      labels: AGREEMENT,
    },
    { id: "clarity", text: "Le contenu était-il clair\u00A0?", short: "Clarté", labels: AGREEMENT },
    {
      id: "usefulness",
      text: `Ce parcours vous sera-t-il utile pour ${usefulnessContext(profile)}\u00A0?`,
      short: "Utilité",
      labels: AGREEMENT,
    },
    { id: "recommend", text: "Recommanderiez-vous ce parcours\u00A0?", short: "Recommandation", labels: RECOMMENDATION },
  ];
}

export const COMMENT_MAX = 2000;

const score = z
  .string({ error: "Choisissez une réponse." })
  .trim()
  .regex(/^[1-4]$/, "Choisissez l'une des quatre réponses.")
  .transform((value) => Number(value) as Score);

/** The form: four scores (as the radio buttons send them, "1" to "4") and an optional comment. */
export const SatisfactionSchema = z.object({
  objectivesMet: score,
  clarity: score,
  usefulness: score,
  recommend: score,
  comment: z
    .string()
    .trim()
    .max(COMMENT_MAX, "Votre commentaire compte au plus 2\u00A0000 caractères.")
    .optional()
    .transform((value) => (value ? value : null)),
});
export type SatisfactionAnswers = z.output<typeof SatisfactionSchema>;
