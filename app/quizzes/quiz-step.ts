/**
 * After a plain-form request (no JavaScript), the quiz route sends the learner back to the lesson
 * with the step to show in the address (see ~/activities/step-url.ts):
 * `?quiz=<id>&etape=correction-<question>|resultat|<code>`.
 */
import { isQuizMessageCode } from "./quiz-messages.ts";
import type { QuizStep } from "./quiz-attempts.server.ts";

export function readStep(url: URL, quizId: string): QuizStep {
  if (url.searchParams.get("quiz") !== quizId) return null;
  const step = url.searchParams.get("etape") ?? "";
  if (step === "resultat") return { kind: "resultat" };
  if (step.startsWith("correction-")) return { kind: "correction", questionId: step.slice("correction-".length) };
  if (isQuizMessageCode(step)) return { kind: "message", code: step };
  return null;
}
