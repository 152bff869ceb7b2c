import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ErrorList } from "~/components/forms.tsx";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/session.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { lessonUrl, requirePathLesson } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { getOrganisationSettings } from "~/organisation/organisation-settings.server.ts";
import { AskQuestionSchema, MESSAGE_MAX } from "~/questions/question-schemas.ts";
import { askQuestion, findAnswerer, QUESTION_RATE_LIMIT, questionRateKey } from "~/questions/questions.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { now } from "~/utils/clock.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { mailer } from "~/utils/mailer.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

export const meta: MetaFunction = () => [{ title: "Poser une question — Apprendre à faire alliance" }];

/** The lesson the question is asked from: `?parcours=…&lecon=…`, as the lesson page links here. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const { path, lesson } = requirePathLesson(
    getCatalog(),
    url.searchParams.get("parcours") ?? undefined,
    url.searchParams.get("lecon") ?? undefined,
  );
  const [settings, answerer] = await Promise.all([getOrganisationSettings(), findAnswerer(db, user.id, path.id)]);
  return json(
    {
      path: { slug: path.slug, title: path.title },
      lesson: { slug: lesson.slug, title: lesson.title, url: lessonUrl(path, lesson) },
      answerDelay: settings.answerDelay,
      answerer: answerer
        ? { kind: "cohorte" as const, name: answerer.trainer.name, cohortName: answerer.cohortName }
        : { kind: "referent" as const, name: settings.pedagogicalContact.name },
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const parsed = AskQuestionSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return json({ error: issue.message, field: String(issue.path[0] ?? ""), typed: String(form.get("question") ?? "") }, { status: 400 });
  }
  const { path, lesson } = requirePathLesson(getCatalog(), parsed.data.parcours, parsed.data.lecon);
  const limited = await hitRateLimit(db, questionRateKey(user.id), QUESTION_RATE_LIMIT);
  if (!limited.allowed) {
    const minutes = Math.ceil(limited.retryAfterSeconds / 60);
    return json(
      {
        error: `Vous avez posé beaucoup de questions en peu de temps. Réessayez dans ${minutes}\u00A0minute${minutes > 1 ? "s" : ""}\u00A0: votre texte est conservé ci-dessous.`,
        field: "question",
        typed: parsed.data.question,
      },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } },
    );
  }
  await askQuestion(
    db,
    mailer,
    {
      learner: { id: user.id, name: user.name },
      path: { id: path.id, title: path.title },
      lesson: { id: lesson.id, title: lesson.title },
      body: parsed.data.question,
    },
    await getOrganisationSettings(),
    publicUrl(),
    now(),
  );
  return redirect("/questions?envoyee=1");
}

export default function AskQuestionPage() {
  const { path, lesson, answerDelay, answerer } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const error = actionData?.error ?? null;
  return (
    <div className="page page--narrow">
      <Breadcrumbs
        trail={[
          { to: `/parcours/${path.slug}`, label: path.title },
          { to: lesson.url, label: lesson.title },
        ]}
        current="Poser une question"
      />
      <h1>Poser une question</h1>
      <p>
        Sur la leçon <Link to={lesson.url}>«&#x202F;{lesson.title}&#x202F;»</Link> ({path.title}).
      </p>
      <p className="notice">
        {answerDelay ? <strong>Réponse sous {answerDelay}.</strong> : null}{" "}
        {answerer.kind === "cohorte" ? (
          <>
            Votre question ira à {answerer.name}, qui anime votre cohorte «&#x202F;{answerer.cohortName}&#x202F;».
          </>
        ) : (
          <>Votre question ira au référent pédagogique{answerer.name ? <> ({answerer.name})</> : null}.</>
        )}{" "}
        Vous lirez la réponse dans <Link to="/questions">Mes questions</Link> et la recevrez par e-mail.
      </p>
      <p className="muted">
        Pour un problème technique (connexion, affichage), voyez plutôt l'<Link to="/aide">aide technique</Link>.
      </p>
      <Form method="post" className="form">
        <input type="hidden" name="parcours" value={path.slug} />
        <input type="hidden" name="lecon" value={lesson.slug} />
        <div className="field">
          <label htmlFor="question">Votre question</label>
          <p id="question-aide" className="field__hint">
            2&#x202F;000 caractères au plus. La leçon est jointe à votre question.
          </p>
          <textarea
            id="question"
            name="question"
            rows={6}
            maxLength={MESSAGE_MAX}
            required
            defaultValue={actionData?.typed ?? ""}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "question-aide question-erreur" : "question-aide"}
          />
          <ErrorList id="question-erreur" errors={error ? [error] : null} />
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Envoyer la question
          </button>
        </div>
      </Form>
    </div>
  );
}
