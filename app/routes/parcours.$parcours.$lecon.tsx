import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate, formatDuration, formatMinutes } from "~/utils/format.ts";
import { json, redirect } from "@remix-run/node";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
  type ClientLoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/session.server.ts";
import { ProgressMeter } from "~/components/progress-meter.tsx";
import { lessonUrl, requirePathLesson } from "~/courses/catalog.ts";
import { getCatalog, getCompiledLesson } from "~/content/catalog.server.ts";
import { LessonActionSchema } from "~/pages/lesson-actions.server.ts";
import { loadLessonPage } from "~/pages/lesson-page.server.ts";
import { db } from "~/db/db.server.ts";
import { LessonBody } from "~/mdx/lesson-body.tsx";
import { LessonContext } from "~/mdx/lesson-context.tsx";
import { loadLessonScript } from "~/mdx/lesson-module.ts";
import { saveReflection } from "~/progress/progress.server.ts";
import { completeLessonFromPage, completionToken, completionTokenKey } from "~/progress/lesson-completion.server.ts";
import { lessonTimeOf } from "~/content/lesson-time.server.ts";
import { AUDIENCE_OF_PROFILE } from "~/courses/audience.ts";
import { serverSigningKey } from "~/certificates/signing.server.ts";
import { now } from "~/utils/clock.server.ts";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { useActiveTime } from "~/progress/use-active-time.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { ServerTiming } from "~/utils/server-timing.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { fr } from "~/utils/french-typography.ts";
import { getOrganisationSettings } from "~/organisation/organisation-settings.server.ts";
import { AskQuestion, questionPrompt } from "~/questions/ask-question.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} — ${data.path.title}` : "Leçon — Apprendre à faire alliance" },
  ...(data ? [{ name: "description", content: data.lesson.summary }] : []),
];

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Server-Timing": loaderHeaders.get("Server-Timing") ?? "",
});

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const timing = new ServerTiming();
  const user = await timing.time("session", () => getCurrentUser(request, context));
  const page = await loadLessonPage({
    catalog: getCatalog(),
    db,
    user,
    pathSlug: params.parcours,
    lessonSlug: params.lecon,
    timing,
    url: new URL(request.url),
  });
  // The « J'ai terminé » form carries the signed time the page was shown (nothing is written on a
  // GET): the action measures from it the time spent before accepting the completion.
  const entry = requirePathLesson(getCatalog(), params.parcours, params.lecon);
  const completion =
    user && page.progress && !page.progress.completedAt
      ? {
          token: completionToken(completionTokenKey(serverSigningKey()), user.id, page.lesson.id, now()),
          minimumSeconds: (await lessonTimeOf(entry.lesson, AUDIENCE_OF_PROFILE[user.profile] ?? null)).minimumSeconds,
        }
      : null;
  const { answerDelay } = await getOrganisationSettings();
  const question = questionPrompt({ signedIn: Boolean(user), pathSlug: entry.path.slug, lessonSlug: entry.lesson.slug, answerDelay });
  return json({ ...page, completion, question }, { headers: { "Server-Timing": timing.header() } });
}

/**
 * Answering a quiz or saving a reflection changes nothing the page's loader shows that the
 * component does not already know: no need to reload the lesson after those. The quiz player
 * posts with `fetch` and then asks for a revalidation (no form, same address) only so that the
 * root announces a certificate: the lesson keeps its data, and its completion form the time it
 * was first shown.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({
  formAction,
  formData,
  formMethod,
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}) => {
  if (formAction?.startsWith("/quiz/") || formAction?.startsWith("/simulations/")) return false;
  if (!formMethod && currentUrl.href === nextUrl.href) return false;
  if (formData?.get("intent") === "reflexion") return false;
  return defaultShouldRevalidate;
};

/** Before a client-side navigation shows a lesson, its compiled script must be loaded. */
export async function clientLoader({ serverLoader }: ClientLoaderFunctionArgs) {
  const data = await serverLoader<typeof loader>();
  await loadLessonScript(data.lesson.hash);
  return data;
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const { path, lesson } = requirePathLesson(getCatalog(), params.parcours, params.lecon);
  const user = await requireUser(request, context);
  const parsed = LessonActionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) {
    return json({ error: parsed.error.issues[0]?.message ?? "Demande invalide." }, { status: 400 });
  }
  if (parsed.data.intent === "terminer") {
    const time = await lessonTimeOf(lesson, AUDIENCE_OF_PROFILE[user.profile] ?? null);
    const result = await completeLessonFromPage(db, {
      key: completionTokenKey(serverSigningKey()),
      token: parsed.data.jeton,
      userId: user.id,
      lessonId: lesson.id,
      pathId: path.id,
      minimumSeconds: time.minimumSeconds,
      modelSeconds: time.readingSeconds + time.activitySeconds,
      now: now(),
    });
    // Refused as too early, the form keeps the time it was first shown: waiting is enough.
    if (!result.ok) {
      return json(
        { error: result.error, intent: "terminer" as const, jeton: result.tooEarly ? parsed.data.jeton : null },
        { status: result.status },
      );
    }
    const issued = await issueCertificatesAfter(db, user.id, { lessonId: lesson.id });
    return redirect(`${lessonUrl(path, lesson)}?terminee=1#fin-de-lecon`, { headers: await noticeHeaders(issued) });
  }
  const { usage } = await getCompiledLesson(lesson);
  const result = await saveReflection(db, {
    userId: user.id,
    lesson: { id: lesson.id, usage },
    reflectionId: parsed.data.reflectionId,
    answer: parsed.data.answer,
  });
  if (!result.ok) return json({ error: result.error }, { status: 400 });
  return json({ saved: { reflectionId: result.saved.reflectionId, updatedAt: result.saved.updatedAt.toISOString() } });
}

export default function LessonPage() {
  const data = useLoaderData<typeof clientLoader>();
  const { path, module, lesson, previous, next, progress, context, terms, completion, question } = data;
  const actionData = useActionData<typeof action>();
  // Only a refused completion is shown by the button (a reflection's errors are shown by the reflection).
  const refused =
    actionData && "intent" in actionData && actionData.intent === "terminer"
      ? (actionData as unknown as { error: string; jeton: string | null })
      : null;
  const completionError = refused?.error ?? null;
  const keptToken = refused?.jeton ?? null;
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const justCompleted = searchParams.get("terminee") === "1";
  useActiveTime({ lessonId: lesson.id, pathId: path.id, enabled: context.signedIn });

  return (
    <div className="page page--reading lesson-page">
      <Breadcrumbs
        trail={[
          { to: "/parcours", label: "Parcours" },
          { to: `/parcours/${path.slug}`, label: path.title },
        ]}
        current={
          <>
            Module {module.position} · {module.title}
          </>
        }
      />
      <article aria-labelledby="titre-lecon">
        <header className="lesson-header">
          <p className="kicker">
            Leçon {lesson.position} sur {lesson.count} · {formatMinutes(lesson.minutes)}
          </p>
          <h1 id="titre-lecon">{lesson.title}</h1>
          <p className="lede">{lesson.summary}</p>
          {path.draft ? <p className="notice notice--warning">Parcours en construction.</p> : null}
          <section className="objectives" aria-labelledby="titre-objectifs">
            <h2 id="titre-objectifs">Objectifs</h2>
            <ul>
              {lesson.objectives.map((objective) => (
                <li key={objective}>{objective}</li>
              ))}
            </ul>
          </section>
          {lesson.outline.length > 1 ? (
            <nav aria-label="Sommaire de la leçon" className="lesson-outline">
              <p className="lesson-outline__title">Dans cette leçon</p>
              <ol>
                {lesson.outline.map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
        </header>

        <LessonContext.Provider value={context}>
          <LessonBody hash={lesson.hash} />
        </LessonContext.Provider>

        {terms.length > 0 ? (
          <section aria-labelledby="titre-termes" className="lesson-terms">
            <h2 id="titre-termes">Les termes de la leçon</h2>
            <dl>
              {terms.map((term) => (
                <div key={term.id}>
                  <dt>
                    <a href={`/glossaire#${term.id}`}>{term.term}</a>
                  </dt>
                  <dd>{term.definition}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}

        <section aria-labelledby="titre-sources" className="lesson-sources">
          <h2 id="titre-sources">Sources</h2>
          <ul>
            {lesson.sources.map((source) => (
              <li key={`${source.ref}-${source.heading}`}>{fr`${source.title} (${source.date.slice(0, 4)}), « ${source.heading} »`}</li>
            ))}
          </ul>
        </section>
      </article>

      <section className="lesson-end" id="fin-de-lecon" aria-labelledby="titre-fin">
        <h2 id="titre-fin" className="visually-hidden">
          Fin de la leçon
        </h2>
        {progress ? (
          progress.completedAt ? (
            <div className="notice notice--success" role={justCompleted ? "status" : undefined}>
              <p>
                {justCompleted ? "Leçon marquée comme terminée. " : ""}
                Vous avez terminé cette leçon le {formatDate(progress.completedAt)}.
              </p>
              <ProgressMeter percent={progress.pathPercent} label={fr`Progression dans « ${path.title} »`} />
            </div>
          ) : (
            <Form method="post">
              {completionError ? (
                <p className="notice notice--warning" role="alert">
                  {completionError}
                </p>
              ) : null}
              <input type="hidden" name="intent" value="terminer" />
              <input type="hidden" name="jeton" value={keptToken ?? completion?.token ?? ""} />
              {completion ? (
                <p className="muted" id="duree-minimale">
                  Comptez au moins {formatDuration(completion.minimumSeconds)} sur cette leçon avant de la marquer comme terminée.
                </p>
              ) : null}
              <button
                type="submit"
                className="button"
                disabled={navigation.state === "submitting"}
                aria-describedby={completion ? "duree-minimale" : undefined}
              >
                J'ai terminé cette leçon
              </button>
            </Form>
          )
        ) : (
          <div className="notice">
            <p>
              Pour garder votre progression et obtenir une attestation,{" "}
              <Link to={`/inscription?${new URLSearchParams({ redirectTo: lesson.url })}`}>créez un compte</Link> ou{" "}
              <Link to={context.loginUrl}>connectez-vous</Link>. La lecture reste libre.
            </p>
          </div>
        )}
        <AskQuestion prompt={question} />
        <nav aria-label="Leçons précédente et suivante" className="pager">
          {previous ? (
            <Link to={previous.url} rel="prev" className="pager__previous">
              <span className="pager__label">Leçon précédente</span> {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link to={next.url} rel="next" className="pager__next">
              <span className="pager__label">Leçon suivante</span> {next.title}
            </Link>
          ) : (
            <Link to={`/parcours/${path.slug}`} className="pager__next">
              <span className="pager__label">Fin du parcours</span> Retour au programme
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}
