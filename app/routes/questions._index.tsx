import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { questionLesson } from "~/questions/question-lessons.ts";
import { listLearnerQuestions } from "~/questions/questions.server.ts";
import { formatAnsweredIn, formatWaiting } from "~/questions/waiting.ts";
import { now } from "~/utils/clock.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { QuestionOrigin } from "~/questions/question-origin.tsx";

export const meta: MetaFunction = () => [{ title: "Mes questions — Apprendre à faire alliance" }];

/** The signed-in person's own questions, and nobody else's: the query filters on their id. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const catalog = getCatalog();
  const at = now();
  const questions = await listLearnerQuestions(db, user.id);
  return json(
    {
      sent: new URL(request.url).searchParams.get("envoyee") === "1",
      questions: questions.map((question) => ({
        id: question.id,
        body: question.body,
        lesson: questionLesson(catalog, question.pathId, question.lessonId),
        askedAt: question.askedAt.toISOString(),
        answerDelay: question.answerDelay,
        answeredBy: question.cohort ? question.cohort.trainer.name : "le référent pédagogique",
        // Worded on the server, from its clock: the page and its hydration say the same.
        waiting: question.answer ? null : formatWaiting(question.askedAt, at),
        answer: question.answer
          ? {
              body: question.answer.body,
              answeredAt: question.answer.answeredAt.toISOString(),
              author: question.answer.author?.name ?? null,
              answeredIn: formatAnsweredIn(question.askedAt, question.answer.answeredAt),
            }
          : null,
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function MyQuestionsPage() {
  const { sent, questions } = useLoaderData<typeof loader>();
  const waiting = questions.filter((question) => !question.answer);
  const answered = questions.filter((question) => question.answer);
  return (
    <div className="page page--reading">
      <h1>Mes questions</h1>
      {sent ? (
        <p className="notice notice--success" role="status">
          Question envoyée. Vous recevrez la réponse par e-mail, et la lirez ici.
        </p>
      ) : null}
      <p>
        Posez une question depuis n'importe quelle leçon («&#x202F;Poser une question&#x202F;», en fin de leçon)&nbsp;: la leçon y est
        jointe. Pour un problème technique, voyez l'<Link to="/aide">aide technique</Link>.
      </p>
      {questions.length === 0 ? <p className="muted">Vous n'avez pas encore posé de question.</p> : null}
      {waiting.length > 0 ? (
        <section aria-labelledby="titre-en-attente">
          <h2 id="titre-en-attente">En attente de réponse</h2>
          <ul className="question-list">
            {waiting.map((question) => (
              <li key={question.id}>
                <QuestionHeader question={question} />
                <p>
                  <strong>{question.waiting}</strong>
                  {question.answerDelay ? <> — réponse promise sous {question.answerDelay}</> : null}, par {question.answeredBy}.
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answered.length > 0 ? (
        <section aria-labelledby="titre-repondues">
          <h2 id="titre-repondues">Questions répondues</h2>
          <ul className="question-list">
            {answered.map((question) => (
              <li key={question.id}>
                <QuestionHeader question={question} />
                <p className="muted">
                  Réponse{question.answer!.author ? <> de {question.answer!.author}</> : null} le{" "}
                  {formatDateTime(question.answer!.answeredAt)} ({question.answer!.answeredIn}
                  {question.answerDelay ? <>&#x202F;; délai promis&nbsp;: {question.answerDelay}</> : null}).
                </p>
                <blockquote className="question-answer">
                  <p className="question-message">{question.answer!.body}</p>
                </blockquote>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

type Question = ReturnType<typeof useLoaderData<typeof loader>>["questions"][number];

function QuestionHeader({ question }: { question: Question }) {
  return (
    <>
      <p className="muted">
        <QuestionOrigin askedAt={question.askedAt} lesson={question.lesson} />
      </p>
      <p className="question-message">{question.body}</p>
    </>
  );
}
