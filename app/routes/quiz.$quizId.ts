import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { QUIZ_MESSAGES } from "~/quizzes/quiz-messages.ts";
import { json, redirect } from "@remix-run/node";
import { getCurrentUser } from "~/auth/session.server.ts";
import { getQuiz } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { answerQuestion, gradePractice, QuizError, startAttempt, startPractice, withholdsCorrections } from "~/quizzes/quiz-attempts.server.ts";
import type { QuizMessageCode } from "~/quizzes/quiz-messages.ts";
import { stepUrl } from "~/quizzes/quiz-step.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

/** Fields a quiz request may carry; anything else (a claimed score…) makes it a bad request. */
const ALLOWED_FIELD = /^(intent|mode|retour|attemptId|questionId|reponse|paire-g\d+|rang-e\d+)$/;

export const loader = withErrorPages<LoaderFunctionArgs>(async () => {
  throw new Response("Les quiz se font depuis les leçons.", { status: 404 });
});

/**
 * Starts an attempt and grades answers. The browser's quiz (mode=js) gets JSON; a plain HTML form
 * is sent back to its lesson (`retour`) at the step to show.
 */
export const action = withErrorPages(async ({ request, context, params }: ActionFunctionArgs) => {
  const quiz = getQuiz(params.quizId ?? "");
  if (!quiz) throw new Response("Ce quiz n'existe pas.", { status: 404 });
  const form = await readFormData(request);
  const js = form.get("mode") === "js";
  const returnTo = safeRedirect(form.get("retour"), "/parcours");
  const fail = (status: number, code: QuizMessageCode) =>
    js ? json({ error: code, message: QUIZ_MESSAGES[code] }, { status }) : redirect(stepUrl(returnTo, quiz.id, code), { status: 303 });

  if ([...form.keys()].some((name) => !ALLOWED_FIELD.test(name))) return fail(400, "champ-inattendu");
  const user = await getCurrentUser(request, context);
  const intent = form.get("intent");
  try {
    // A final assessment counts for the certificate: it is taken signed in, or not at all.
    if (!user && withholdsCorrections(quiz)) return fail(401, "connexion-requise");
    if (intent === "commencer") {
      if (!user) return js ? json({ attempt: startPractice(quiz) }) : fail(401, "connexion-requise-sans-js");
      const attempt = await startAttempt(db, quiz, user.id);
      return js ? json({ attempt }) : redirect(stepUrl(returnTo, quiz.id, null), { status: 303 });
    }
    if (intent === "repondre") {
      const questionId = String(form.get("questionId") ?? "");
      if (!user) {
        return js ? json({ correction: gradePractice(quiz, questionId, form), result: null }) : fail(401, "connexion-requise-sans-js");
      }
      const { correction, result, review } = await answerQuestion(db, quiz, user.id, {
        attemptId: String(form.get("attemptId") ?? ""),
        questionId,
        form,
      });
      const headers = await noticeHeaders(result ? await issueCertificatesAfter(db, user.id, { quizId: quiz.id }) : []);
      if (js) return json({ correction, result, review }, { headers });
      // A submitted final assessment goes straight to its result and corrections.
      const step = result && review ? "resultat" : `correction-${questionId}`;
      return redirect(stepUrl(returnTo, quiz.id, step), { status: 303, headers });
    }
    return fail(400, "champ-inattendu");
  } catch (error) {
    if (error instanceof QuizError) return fail(error.status, error.code);
    throw error;
  }
});
