/** What a learner can post from a lesson page: mark it completed, or save a reflection. */
import { z } from "zod";
import { REFLECTION_INTENT, REFLECTION_MAX_LENGTH } from "~/progress/reflection-form.ts";

export const LessonActionSchema = z.discriminatedUnion("intent", [
  // `jeton`: the signed time the page was shown (app/progress/completion-token.ts); checked by the action.
  z.object({ intent: z.literal("terminer"), jeton: z.string().max(200).default("") }),
  z.object({
    intent: z.literal(REFLECTION_INTENT),
    reflectionId: z.string().min(1).max(100),
    answer: z
      .string()
      .trim()
      .min(1, "Écrivez une réponse avant d'enregistrer.")
      .max(REFLECTION_MAX_LENGTH, `Votre réponse dépasse ${REFLECTION_MAX_LENGTH} caractères.`),
  }),
]);
