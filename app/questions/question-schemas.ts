/** The two forms of tutor questions, checked in the browser and again on the server. Client-safe. */
import { z } from "zod";

/** A question or an answer is a message, not an essay: long enough for context, short enough to read. */
export const MESSAGE_MAX = 2000;

const message = (missing: string, what: string) =>
  z.string({ error: missing }).trim().min(1, missing).max(MESSAGE_MAX, `${what} compte au plus 2\u202F000 caractères.`);

/** `/questions/nouvelle`: the lesson it is asked from (slugs, as in the lesson's address) and the text. */
export const AskQuestionSchema = z.object({
  parcours: z.string({ error: "La leçon de la question manque." }).trim().min(1, "La leçon de la question manque.").max(200),
  lecon: z.string({ error: "La leçon de la question manque." }).trim().min(1, "La leçon de la question manque.").max(200),
  question: message("Écrivez votre question.", "Une question"),
});

/** `/formateur/questions`: which question, and the answer. */
export const AnswerQuestionSchema = z.object({
  question: z.string({ error: "Cette question n'existe pas." }).trim().min(1, "Cette question n'existe pas.").max(100),
  reponse: message("Écrivez votre réponse.", "Une réponse"),
});
