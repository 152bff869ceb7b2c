import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ErrorList } from "~/components/forms.tsx";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireTrainer } from "~/cohorts/cohort-access.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { questionLesson } from "~/questions/question-lessons.ts";
import { AnswerQuestionSchema, MESSAGE_MAX } from "~/questions/question-schemas.ts";
import { answerQuestion, listInbox, type InboxScope } from "~/questions/questions.server.ts";
import { formatAnsweredIn, formatWaiting } from "~/questions/waiting.ts";
import { now } from "~/utils/clock.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { QuestionOrigin } from "~/questions/question-origin.tsx";
import { readFormData } from "~/utils/form-data.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import { mailer } from "~/utils/mailer.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

export const meta: MetaFunction = () => [{ title: "Questions des apprenant·es — Apprendre à faire alliance" }];

/** A trainer sees their cohorts' questions; an admin also the référent's, and everything with `?tout=1`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireTrainer(request, context);
  const url = new URL(request.url);
  const scope: InboxScope = user.role === "ADMIN" && url.searchParams.get("tout") === "1" ? "all" : "mine";
  const catalog = getCatalog();
  const at = now();
  const { waiting, answered } = await listInbox(db, user, scope);
  const common = (question: (typeof waiting)[number]) => ({
    id: question.id,
    body: question.body,
    learnerName: question.learner.name,
    lesson: questionLesson(catalog, question.pathId, question.lessonId),
    cohortName: question.cohort?.name ?? null,
    askedAt: question.askedAt.toISOString(),
    answerDelay: question.answerDelay,
  });
  return json(
    {
      isAdmin: user.role === "ADMIN",
      scope,
      done: url.searchParams.get("fait"),
      // Worded on the server, from its clock: the page and its hydration say the same.
      waiting: waiting.map((question) => ({ ...common(question), waiting: formatWaiting(question.askedAt, at) })),
      answered: answered.map((question) => ({
        ...common(question),
        answer: {
          body: question.answer!.body,
          answeredAt: question.answer!.answeredAt.toISOString(),
          author: question.answer!.author?.name ?? null,
          answeredIn: formatAnsweredIn(question.askedAt, question.answer!.answeredAt),
        },
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireTrainer(request, context);
  const form = await readFormData(request);
  const parsed = AnswerQuestionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return json(
      { questionId: String(form.get("question") ?? ""), error: parsed.error.issues[0]!.message, typed: String(form.get("reponse") ?? "") },
      { status: 400 },
    );
  }
  const result = await answerQuestion(
    db,
    mailer,
    { tutor: user, questionId: parsed.data.question, body: parsed.data.reponse, catalog: getCatalog() },
    publicUrl(),
    now(),
  );
  invariantResponse(result.status !== "introuvable", "Cette question n'existe pas, ou elle ne s'adresse pas à vous.");
  return redirect(`/formateur/questions?fait=${result.status}`);
}

const DONE: Record<string, { text: string; success: boolean }> = {
  repondue: { text: "Réponse envoyée\u00A0: l'apprenant·e la lit sur la plateforme et la reçoit par e-mail.", success: true },
  "deja-repondue": { text: "Cette question avait déjà reçu une réponse\u00A0: la vôtre n'a pas été enregistrée.", success: false },
};

export default function QuestionsInbox() {
  const { isAdmin, scope, done, waiting, answered } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const notice = done ? DONE[done] : undefined;
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: "/formateur", label: "Mes cohortes" }]} current="Questions" />
      <h1>Questions des apprenant·es</h1>
      {notice ? (
        <p className={`notice ${notice.success ? "notice--success" : "notice--warning"}`} role="status">
          {notice.text}
        </p>
      ) : null}
      <p>
        {isAdmin
          ? scope === "all"
            ? "Toutes les questions de la plateforme."
            : "Les questions des apprenant·es de vos cohortes, et celles des apprenant·es sans cohorte, adressées au référent pédagogique."
          : "Les questions des apprenant·es de vos cohortes, posées depuis une leçon du parcours de la cohorte."}{" "}
        La réponse leur parvient sur la plateforme et par e-mail.
      </p>
      {isAdmin ? (
        <p>
          {scope === "all" ? (
            <Link to="/formateur/questions">Voir seulement les miennes</Link>
          ) : (
            <Link to="/formateur/questions?tout=1">Voir toutes les questions</Link>
          )}
        </p>
      ) : null}

      <section aria-labelledby="titre-en-attente">
        <h2 id="titre-en-attente">En attente ({waiting.length})</h2>
        {waiting.length === 0 ? <p className="muted">Aucune question en attente.</p> : null}
        <ul className="question-list">
          {waiting.map((question) => {
            const error = actionData?.questionId === question.id ? actionData.error : null;
            const field = `reponse-${question.id}`;
            return (
              <li key={question.id} id={`question-${question.id}`}>
                <h3>
                  {question.learnerName}, {question.waiting}
                </h3>
                <QuestionFacts question={question} />
                <Form method="post" className="form">
                  <input type="hidden" name="question" value={question.id} />
                  <div className="field">
                    <label htmlFor={field}>Votre réponse à {question.learnerName}</label>
                    <textarea
                      id={field}
                      name="reponse"
                      rows={5}
                      maxLength={MESSAGE_MAX}
                      required
                      defaultValue={error ? actionData?.typed : ""}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={error ? `${field}-erreur` : undefined}
                    />
                    <ErrorList id={`${field}-erreur`} errors={error ? [error] : null} />
                  </div>
                  <div>
                    <button type="submit" className="button">
                      Répondre
                    </button>
                  </div>
                </Form>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="titre-repondues">
        <h2 id="titre-repondues">Répondues</h2>
        {answered.length === 0 ? <p className="muted">Aucune question répondue pour l'instant.</p> : null}
        <ul className="question-list">
          {answered.map((question) => (
            <li key={question.id}>
              <h3>
                {question.learnerName}, {question.answer.answeredIn}
              </h3>
              <QuestionFacts question={question} />
              <p className="muted">
                Réponse{question.answer.author ? <> de {question.answer.author}</> : null} le {formatDateTime(question.answer.answeredAt)}
                &nbsp;:
              </p>
              <blockquote>
                <p className="question-message">{question.answer.body}</p>
              </blockquote>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

type Question = ReturnType<typeof useLoaderData<typeof loader>>["waiting"][number];

function QuestionFacts({ question }: { question: Omit<Question, "waiting"> }) {
  return (
    <>
      <p className="muted">
        <QuestionOrigin askedAt={question.askedAt} lesson={question.lesson} /> ·{" "}
        {question.cohortName ? <>cohorte «&#x202F;{question.cohortName}&#x202F;»</> : "sans cohorte (référent pédagogique)"}
        {question.answerDelay ? <> · délai promis&nbsp;: {question.answerDelay}</> : null}
      </p>
      <blockquote>
        <p className="question-message">{question.body}</p>
      </blockquote>
    </>
  );
}
