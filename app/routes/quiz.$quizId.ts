import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { z } from "zod";
import { readActivityRequest, type ActivityProtocol } from "~/activities/protocol.server.ts";
import { getCurrentUser } from "~/auth/session.server.ts";
import { requireQuiz } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { answerQuestion, gradePractice, startAttempt, startPractice, withholdsCorrections } from "~/quizzes/quiz-attempts.server.ts";
import { QUIZ_MESSAGES, type QuizMessageCode } from "~/quizzes/quiz-messages.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

/** Fields a quiz request may carry; anything else (a claimed score…) makes it a bad request. */
const QUIZ_PROTOCOL: ActivityProtocol<QuizMessageCode> = {
  kind: "quiz",
  messages: QUIZ_MESSAGES,
  fieldName: z.union([
    z.enum(["intent", "mode", "retour", "attemptId", "questionId", "reponse"]),
    // association: `paire-<left>`; remise en ordre: `rang-<item>`.
    z.string().regex(/^(paire-g|rang-e)\d+$/),
  ]),
};

export const loader = withErrorPages<LoaderFunctionArgs>(async () => {
  throw new Response("Les quiz se font depuis les leçons.", { status: 404 });
});

/**
 * Starts an attempt and grades answers. The browser's quiz (mode=js) gets JSON; a plain HTML form
 * is sent back to its lesson (`retour`) at the step to show.
 */
export const action = withErrorPages(async ({ request, context, params }: ActionFunctionArgs) => {
  const quiz = requireQuiz(params.quizId);
  const { js, form, intent, fail, reply, run } = await readActivityRequest(QUIZ_PROTOCOL, request, {
    id: quiz.id,
    defaultReturnTo: "/parcours",
  });
  return run(async () => {
    const user = await getCurrentUser(request, context);
    // A final assessment counts for the certificate: it is taken signed in, or not at all.
    if (!user && withholdsCorrections(quiz)) return fail(401, "connexion-requise");
    if (intent === "commencer") {
      if (!user) return js ? json({ attempt: startPractice(quiz) }) : fail(401, "connexion-requise-sans-js");
      return reply({ attempt: await startAttempt(db, quiz, user.id) }, null);
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
      // A submitted final assessment goes straight to its result and corrections.
      return reply({ correction, result, review }, result && review ? "resultat" : `correction-${questionId}`, headers);
    }
    return fail(400, "champ-inattendu");
  });
});
