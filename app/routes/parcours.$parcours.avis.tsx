import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { ErrorList, FormErrors, RadioGroup, useZodForm } from "~/components/forms.tsx";
import { getCatalog } from "~/content/catalog.server.ts";
import { requirePath } from "~/courses/catalog.ts";
import { db } from "~/db/db.server.ts";
import { MIN_RESPONDENTS } from "~/satisfaction/aggregate.ts";
import { questionsFor, SatisfactionSchema, SCORES } from "~/satisfaction/questionnaire.ts";
import { certificateAfterQuestionnaire, recordSatisfaction, satisfactionEvidence } from "~/satisfaction/satisfaction.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { formatDate } from "~/utils/format.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Votre avis${data ? ` sur ${data.path.title}` : ""} — Apprendre à faire alliance` },
];

/** The signed-in learner, the path, and the certificate the questionnaire leads to (403 before the end). */
async function requireQuestionnaire({ params, request, context }: LoaderFunctionArgs) {
  const path = requirePath(getCatalog(), params.parcours);
  const user = await requireUser(request, context);
  const certificate = await certificateAfterQuestionnaire(db, user.id, path.id);
  invariantResponse(certificate, "Le questionnaire de satisfaction s'ouvre quand votre certificat de ce parcours est délivré.", {
    status: 403,
  });
  return { path, user, certificate };
}

export async function loader(args: LoaderFunctionArgs) {
  const { path, user, certificate } = await requireQuestionnaire(args);
  const answered = await satisfactionEvidence(db, user.id, path.id);
  return json(
    {
      path: { title: path.title, slug: path.slug },
      certificateUrl: `/certificats/${certificate.id}`,
      answeredAt: answered?.answeredAt.toISOString() ?? null,
      questions: questionsFor(user.profile),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action(args: ActionFunctionArgs) {
  const { path, user, certificate } = await requireQuestionnaire(args);
  const submission = parseWithZod(await readFormData(args.request), { schema: SatisfactionSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await recordSatisfaction(db, { userId: user.id, pathId: path.id, profile: user.profile }, submission.value);
  return redirect(`/certificats/${certificate.id}`);
}

export default function SatisfactionPage() {
  const { path, certificateUrl, answeredAt, questions } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(SatisfactionSchema, { id: "avis", lastResult });
  const comment = fields.comment;
  return (
    <div className="page page--narrow">
      <Breadcrumbs trail={[{ to: `/parcours/${path.slug}`, label: path.title }]} current="Votre avis" />
      <h1>Votre avis sur «&#x202F;{path.title}&#x202F;»</h1>
      {answeredAt ? (
        <>
          <p className="lede">Merci&#x202F;! Vous avez répondu à ce questionnaire le {formatDate(answeredAt)}.</p>
          <p>
            <Link to={certificateUrl} className="button">
              Voir mon certificat
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="lede">
            Votre certificat est délivré. Avant de le voir, dites-nous en deux minutes ce que vous avez pensé du parcours&nbsp;: vos
            réponses servent à l'améliorer.
          </p>
          {/* Skipping is one tap, before the questions, so a phone shows it without scrolling. */}
          <p>
            <Link to={certificateUrl} className="button button--secondary">
              Passer et voir mon certificat
            </Link>
          </p>
          <p className="muted">
            Vos réponses sont enregistrées avec leur date. Votre formateur·rice ne les voit que regroupées, sans votre nom, à partir de{" "}
            {MIN_RESPONDENTS} réponses dans sa cohorte. Une fois envoyées, elles ne se modifient plus.
          </p>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            {questions.map((question) => (
              <RadioGroup
                key={question.id}
                meta={fields[question.id]}
                legend={question.text}
                options={SCORES.map((score) => ({ value: String(score), label: question.labels[score] }))}
              />
            ))}
            <div className="field">
              <label htmlFor={comment.id}>Un commentaire (facultatif)</label>
              <p id={comment.descriptionId} className="field__hint">
                Ce qui vous a servi, ce qui vous a manqué&nbsp;: 2&nbsp;000 caractères au plus.
              </p>
              <textarea {...getTextareaProps(comment, { ariaDescribedBy: comment.descriptionId })} rows={5} />
              <ErrorList id={comment.errorId} errors={comment.errors} />
            </div>
            <div>
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                Envoyer et voir mon certificat
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
