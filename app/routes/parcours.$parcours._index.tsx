import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/session.server.ts";
import { LessonStatusBadge } from "~/components/lesson-status.tsx";
import { ProgressMeter } from "~/components/progress-meter.tsx";
import { requirePath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { loadPathOutline } from "~/pages/path-overview.server.ts";
import { db } from "~/db/db.server.ts";
import { certificateStatus, claimCertificate } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { formatDate, formatDuration, formatMinutes } from "~/utils/format.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { fr } from "~/utils/french-typography.ts";
import { satisfactionEvidence } from "~/satisfaction/satisfaction.server.ts";
import { loadPathPlacement } from "~/placement/path-placement.server.ts";
import { EntryInvitation, ExitPanel } from "~/placement/placement-panels.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.path.title} — Apprendre à faire alliance` : "Parcours — Apprendre à faire alliance" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const catalog = getCatalog();
  const path = requirePath(catalog, params.parcours);
  const user = await getCurrentUser(request, context);
  const [outline, certificate, satisfaction, placement] = await Promise.all([
    loadPathOutline(catalog, db, path, user?.id ?? null),
    user && !path.draft ? certificateStatus(db, user.id, path) : null,
    user ? satisfactionEvidence(db, user.id, path.id) : null,
    user ? loadPathPlacement(db, catalog, path, user.id) : null,
  ]);
  const saved = new URL(request.url).searchParams;
  return json({
    signedIn: Boolean(user),
    path: outline,
    certificate,
    satisfactionAnswered: Boolean(satisfaction),
    placement,
    placementSaved: { entry: saved.has("positionnement"), exit: saved.has("auto-evaluation") },
  });
}

/**
 * « Obtenir mon certificat »: the activities issue the certificate as they complete a path; this
 * button issues it when the last condition was met otherwise (active time gathered afterwards, or
 * before certificates existed). The page itself never writes (D13). A learner who has not answered
 * the satisfaction questionnaire is asked it before seeing the certificate (app/satisfaction/):
 * it is issued first, so skipping, or leaving the page, never costs them the certificate.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const path = requirePath(getCatalog(), params.parcours);
  const user = await requireUser(request, context);
  const issued = await claimCertificate(db, user.id, path);
  if (issued && !(await satisfactionEvidence(db, user.id, path.id))) return redirect(`/parcours/${path.slug}/avis`);
  return redirect(`/parcours/${path.slug}`, { headers: await noticeHeaders(issued ? [issued] : []) });
}

export default function PathPage() {
  const { path, signedIn, certificate, satisfactionAnswered, placement, placementSaved } = useLoaderData<typeof loader>();
  const started = path.progress?.started;
  // Before the first lesson, « Commencer » goes through the positioning (which can be skipped).
  const startUrl = placement && !started && placement.entryOpen && !placement.entryAt ? placement.entryUrl : path.resumeUrl;
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: "/parcours", label: "Parcours" }]} current={path.title} />
      <h1>
        {path.title} <span className="card__duration">{formatMinutes(path.nominalMinutes)}</span>
      </h1>
      {path.draft ? <p className="notice notice--warning">Parcours en construction&nbsp;: son contenu n'est pas encore complet.</p> : null}
      <p className="lede">{path.summary}</p>
      <p className="muted">Pour qui&nbsp;: {path.suits}</p>

      <section aria-labelledby="titre-objectifs" className="objectives">
        <h2 id="titre-objectifs">À la fin du parcours, vous saurez</h2>
        <ul>
          {path.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </section>

      {placement ? <EntryInvitation placement={placement} saved={placementSaved.entry} /> : null}

      <div className="path-progress">
        {path.progress ? (
          <>
            <ProgressMeter percent={path.progress.percent} label={fr`Progression dans « ${path.title} »`} />
            <p className="muted">
              Temps d'activité enregistré&nbsp;: {formatDuration(path.progress.activeSeconds)}
              {path.draft ? "" : ` sur les ${formatDuration(path.requiredActiveSeconds)} requises pour le certificat`} (durée estimée du
              parcours&nbsp;: {formatMinutes(path.estimatedMinutes)}).
            </p>
          </>
        ) : null}
        <p>
          <Link to={startUrl} className="button">
            {path.progress?.completed ? "Revoir le parcours" : started ? "Reprendre" : "Commencer le parcours"}
          </Link>
        </p>
        {!signedIn ? (
          <p className="muted">
            La lecture est libre. <Link to={`/inscription?redirectTo=/parcours/${path.slug}`}>Créez un compte</Link> pour garder votre
            progression et obtenir une attestation.
          </p>
        ) : null}
      </div>

      {placement ? <ExitPanel placement={placement} saved={placementSaved.exit} /> : null}

      {certificate ? (
        <section aria-labelledby="titre-certificat" className="certificate-panel">
          <h2 id="titre-certificat">Certificat</h2>
          {certificate.certificate ? (
            <p>
              {certificate.certificate.revoked
                ? "Votre certificat a été révoqué."
                : fr`Parcours achevé : votre certificat a été délivré le ${formatDate(certificate.certificate.issuedAt)}.`}{" "}
              <Link to={`/certificats/${certificate.certificate.id}`}>Voir le certificat</Link>
              {!certificate.certificate.revoked && !satisfactionAnswered ? (
                <>
                  {" "}
                  · <Link to={`/parcours/${path.slug}/avis`}>Donner mon avis sur le parcours (2&nbsp;min)</Link>
                </>
              ) : null}
            </p>
          ) : certificate.claimable ? (
            <Form method="post">
              <p>Vous avez rempli toutes les conditions du certificat.</p>
              <button type="submit" className="button">
                Obtenir mon certificat
              </button>
            </Form>
          ) : (
            <>
              <p>Le certificat est délivré automatiquement quand tout ceci est fait&nbsp;:</p>
              <ul className="checklist">
                {certificate.missing.map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}

      <h2>Programme</h2>
      <ol className="module-list">
        {path.modules.map((module) => (
          <li key={module.id} className="module">
            <h3>
              Module {module.number} · {module.title} <span className="muted">({formatMinutes(module.minutes)})</span>
            </h3>
            <ol className="lesson-list">
              {module.lessons.map((lesson) => (
                <li key={lesson.id} className="lesson-list__item">
                  <Link to={lesson.url}>{lesson.title}</Link>
                  <span className="lesson-list__meta">
                    {formatMinutes(lesson.minutes)}
                    {lesson.status ? <LessonStatusBadge status={lesson.status} /> : null}
                  </span>
                  <p className="muted">{lesson.summary}</p>
                  {lesson.quizzes.length > 0 ? (
                    <ul className="lesson-list__quizzes">
                      {lesson.quizzes.map((quiz) => (
                        <li key={quiz.id}>
                          {quiz.title}&nbsp;:{" "}
                          {quiz.best ? (
                            <span className={quiz.best.passed ? "status status--terminee" : "status status--en-cours"}>
                              {quiz.best.passed ? "réussi" : "pas encore réussi"} (meilleur score {quiz.best.score}&nbsp;%)
                            </span>
                          ) : (
                            <span className="status status--a-faire">à faire</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
    </div>
  );
}
