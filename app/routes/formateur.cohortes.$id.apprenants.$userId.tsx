import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { formatCertificateDate } from "~/certificates/certificate-format.ts";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { getCohortMember, removeMember } from "~/cohorts/cohorts.server.ts";
import { db } from "~/db/db.server.ts";
import { formatDuration } from "~/progress/path-progress.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.learner.name ?? "Apprenant·e"} — ${data?.cohort.name ?? "Cohorte"} — Apprendre à faire alliance` }];

const NOT_A_MEMBER = "Cette personne n'est pas (ou plus) membre de cette cohorte.";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, cohort, path } = await requireTrainerCohort(request, context, params.id);
  const member = await getCohortMember(db, user.id, cohort.id, params.userId ?? "");
  if (!member) throw new Response(NOT_A_MEMBER, { status: 404 });
  const { content, learners } = await buildCohortDashboard(db, cohort, path);
  const row = learners.find((learner) => learner.userId === member.user.id)!;
  return json(
    {
      cohort: { id: cohort.id, name: cohort.name, pathTitle: path.title },
      learner: {
        id: row.userId,
        name: row.name,
        email: row.email,
        joinedAt: member.joinedAt.toISOString(),
        percent: row.percent,
        completedLessons: row.completedLessons,
        totalLessons: row.totalLessons,
        activeSeconds: row.activeSeconds,
        lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
        certificate: row.certificate ? { issuedAt: row.certificate.issuedAt.toISOString(), revoked: row.certificate.revoked } : null,
        behind: row.behind,
        inactive: row.inactive,
      },
      quizzes: content.quizzes.map((quiz) => ({ id: quiz.id, title: quiz.title, final: quiz.final, best: row.bestScores[quiz.id] ?? null })),
      scenarios: content.scenarios.map((scenario) => {
        const endingId = row.endings[scenario.id];
        return { id: scenario.id, title: scenario.title, ending: endingId ? (scenario.endings.find((e) => e.id === endingId)?.title ?? endingId) : null };
      }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, cohort } = await requireTrainerCohort(request, context, params.id);
  const form = await readFormData(request);
  if (form.get("intent") !== "retirer") throw new Response("Cette action n'existe pas.", { status: 400 });
  const removed = await removeMember(db, user.id, cohort.id, params.userId ?? "");
  if (!removed) throw new Response(NOT_A_MEMBER, { status: 404 });
  return redirect(`/formateur/cohortes/${cohort.id}`);
}

export default function CohortLearnerPage() {
  const { cohort, learner, quizzes, scenarios } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <nav aria-label="Fil d'Ariane" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/formateur">Mes cohortes</Link>
          </li>
          <li>
            <Link to={`/formateur/cohortes/${cohort.id}`}>{cohort.name}</Link>
          </li>
          <li aria-current="page">{learner.name}</li>
        </ol>
      </nav>
      <h1>{learner.name}</h1>
      <dl className="summary-list">
        <dt>Adresse e-mail</dt>
        <dd>
          <a href={`mailto:${learner.email}`}>{learner.email}</a>
        </dd>
        <dt>A rejoint la cohorte le</dt>
        <dd>{formatCertificateDate(learner.joinedAt)}</dd>
        <dt>Progression dans « {cohort.pathTitle} »</dt>
        <dd>
          {learner.percent} % — {learner.completedLessons} leçon{learner.completedLessons > 1 ? "s" : ""} terminée{learner.completedLessons > 1 ? "s" : ""} sur {learner.totalLessons}
          {learner.behind ? " (en retard sur le rythme de la cohorte)" : ""}
        </dd>
        <dt>Temps actif enregistré</dt>
        <dd>{formatDuration(learner.activeSeconds)}</dd>
        <dt>Dernière activité</dt>
        <dd>
          {learner.lastActivityAt ? formatCertificateDate(learner.lastActivityAt) : "aucune"}
          {learner.inactive && learner.lastActivityAt ? " (plus de 7 jours)" : ""}
        </dd>
        <dt>Certificat</dt>
        <dd>{learner.certificate ? (learner.certificate.revoked ? "révoqué" : `délivré le ${formatCertificateDate(learner.certificate.issuedAt)}`) : "pas encore"}</dd>
      </dl>

      <h2>Quiz : meilleur score</h2>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">Meilleur score de {learner.name} à chaque quiz du parcours</caption>
          <thead>
            <tr>
              <th scope="col">Quiz</th>
              <th scope="col" className="num">
                Meilleur score
              </th>
            </tr>
          </thead>
          <tbody>
            {quizzes.map((quiz) => (
              <tr key={quiz.id}>
                <th scope="row">
                  {quiz.title}
                  {quiz.final ? <span className="tag"> évaluation finale</span> : null}
                </th>
                <td className="num">{quiz.best === null ? "pas encore fait" : `${quiz.best} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {scenarios.length > 0 ? (
        <>
          <h2>Simulations : première fin obtenue</h2>
          <ul>
            {scenarios.map((scenario) => (
              <li key={scenario.id}>
                {scenario.title} : {scenario.ending ?? "pas encore terminée"}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Retirer de la cohorte</h2>
      <p>
        {learner.name} ne fera plus partie de la cohorte : vous ne verrez plus sa progression. Son compte, sa progression et ses
        certificats ne changent pas, et la personne pourra rejoindre de nouveau la cohorte avec son code.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="retirer" />
        <button type="submit" className="button button--secondary">
          Retirer {learner.name} de la cohorte
        </button>
      </Form>
    </div>
  );
}
