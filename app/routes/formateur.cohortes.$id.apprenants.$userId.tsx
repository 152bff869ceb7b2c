import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { DocumentLinks } from "~/attestations/document-links.tsx";
import { formatDate, formatDuration } from "~/utils/format.ts";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { getCohortMember, removeMember } from "~/cohorts/cohorts.server.ts";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { getProject as getProjectDefinition } from "~/content/catalog.server.ts";
import { stepStatuses, summarizeAssessment } from "~/projects/project-progress.ts";
import { addProjectComment, COMMENT_MAX, getMemberProject } from "~/projects/project.server.ts";
import { z } from "zod";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { CommentList } from "~/projects/comment-list.tsx";
import { invariantResponse } from "~/utils/invariant.ts";
import { loadMemberPlacement } from "~/placement/cohort-placement.server.ts";
import { MemberPlacement } from "~/placement/trainer-placement.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.learner.name ?? "Apprenant·e"} — ${data?.cohort.name ?? "Cohorte"} — Apprendre à faire alliance` },
];

const NOT_A_MEMBER = "Cette personne n'est pas (ou plus) membre de cette cohorte.";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, cohort, path } = await requireTrainerCohort(request, context, params.id);
  const member = params.userId ? await getCohortMember(db, user.id, cohort.id, params.userId) : null;
  invariantResponse(member, NOT_A_MEMBER);
  const { content, learners } = await buildCohortDashboard(db, cohort, path);
  const row = learners.find((learner) => learner.userId === member.user.id)!;
  const definition = path.finalProject ? getProjectDefinition(path.finalProject) : undefined;
  const [project, placement] = await Promise.all([
    definition ? getMemberProject(db, user.id, cohort.id, member.user.id, definition.id) : null,
    loadMemberPlacement(db, user.id, cohort.id, member.user.id, path),
  ]);
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
        expectedSeconds: row.expectedSeconds,
        lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
        certificate: row.certificate ? { issuedAt: row.certificate.issuedAt.toISOString(), revoked: row.certificate.revoked } : null,
        behind: row.behind,
        inactive: row.inactive,
      },
      quizzes: content.quizzes.map((quiz) => ({
        id: quiz.id,
        title: quiz.title,
        final: quiz.final,
        best: row.bestScores[quiz.id] ?? null,
      })),
      project: definition
        ? {
            title: definition.title,
            state: project
              ? {
                  submittedAt: project.submittedAt?.toISOString() ?? null,
                  updatedAt: project.updatedAt.toISOString(),
                  steps: definition.steps.map((step, index) => ({
                    id: step.id,
                    title: `${index + 1}. ${step.title}`,
                    complete: stepStatuses(definition, project.answers)[index]!.complete,
                    fields: step.fields.map((field) => ({ id: field.id, label: field.label, text: project.answers[field.id] ?? "" })),
                  })),
                  criteria: definition.assessment.criteria.map((criterion) => {
                    const entry = project.assessment[criterion.id];
                    return {
                      id: criterion.id,
                      title: criterion.title,
                      level: entry?.level ?? null,
                      levelName: entry ? definition.assessment.levelNames[entry.level - 1] : null,
                      justification: entry?.justification ?? "",
                    };
                  }),
                  total: summarizeAssessment(definition, project.assessment).total,
                  max: definition.assessment.criteria.length * 4,
                  comments: project.comments.map((c) => ({
                    id: c.id,
                    body: c.body,
                    authorName: c.authorName,
                    createdAt: c.createdAt.toISOString(),
                  })),
                }
              : null,
          }
        : null,
      placement,
      commented: new URL(request.url).searchParams.has("commentaire"),
      scenarios: content.scenarios.map((scenario) => {
        const endingId = row.endings[scenario.id];
        return {
          id: scenario.id,
          title: scenario.title,
          ending: endingId ? (scenario.endings.find((e) => e.id === endingId)?.title ?? endingId) : null,
        };
      }),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const CommentSchema = z.object({
  body: z
    .string({ error: "Écrivez votre commentaire." })
    .trim()
    .min(1, "Écrivez votre commentaire.")
    .max(COMMENT_MAX, `Un commentaire compte au plus ${COMMENT_MAX} caractères.`),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, cohort, path } = await requireTrainerCohort(request, context, params.id);
  invariantResponse(params.userId, NOT_A_MEMBER);
  const form = await readFormData(request);
  if (form.get("intent") === "commenter") {
    const parsed = CommentSchema.safeParse({ body: form.get("body") ?? undefined });
    if (!parsed.success)
      return json({ commentError: parsed.error.issues[0]!.message, body: String(form.get("body") ?? "") }, { status: 400 });
    const added = path.finalProject
      ? await addProjectComment(db, user.id, cohort.id, params.userId, path.finalProject, parsed.data.body)
      : false;
    invariantResponse(added, "Cette personne n'a pas encore de projet à commenter dans cette cohorte.");
    return redirect(`/formateur/cohortes/${cohort.id}/apprenants/${params.userId}?commentaire=1#projet`);
  }
  invariantResponse(form.get("intent") === "retirer", "Cette action n'existe pas.", { status: 400 });
  const removed = await removeMember(db, user.id, cohort.id, params.userId);
  invariantResponse(removed, NOT_A_MEMBER);
  return redirect(`/formateur/cohortes/${cohort.id}`);
}

export default function CohortLearnerPage() {
  const { cohort, learner, quizzes, scenarios, project, commented, placement } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="page page--reading">
      <Breadcrumbs
        trail={[
          { to: "/formateur", label: "Mes cohortes" },
          { to: `/formateur/cohortes/${cohort.id}`, label: cohort.name },
        ]}
        current={learner.name}
      />
      <h1>{learner.name}</h1>
      <dl className="summary-list">
        <dt>Adresse e-mail</dt>
        <dd>
          <a href={`mailto:${learner.email}`}>{learner.email}</a>
        </dd>
        <dt>A rejoint la cohorte le</dt>
        <dd>{formatDate(learner.joinedAt)}</dd>
        <dt>Progression dans «&#x202F;{cohort.pathTitle}&#x202F;»</dt>
        <dd>
          {learner.percent}&nbsp;% — {learner.completedLessons} leçon{learner.completedLessons > 1 ? "s" : ""} terminée
          {learner.completedLessons > 1 ? "s" : ""} sur {learner.totalLessons}
          {learner.behind ? " (en retard sur le rythme de la cohorte)" : ""}
        </dd>
        <dt>Temps actif enregistré</dt>
        <dd>
          {formatDuration(learner.activeSeconds)}, pour {formatDuration(learner.expectedSeconds)} attendues par le modèle de lecture pour
          les leçons terminées
        </dd>
        <dt>Dernière activité</dt>
        <dd>
          {learner.lastActivityAt ? formatDate(learner.lastActivityAt) : "aucune"}
          {learner.inactive && learner.lastActivityAt ? " (plus de 7 jours)" : ""}
        </dd>
        <dt>Certificat</dt>
        <dd>
          {learner.certificate
            ? learner.certificate.revoked
              ? "révoqué"
              : `délivré le ${formatDate(learner.certificate.issuedAt)}`
            : "pas encore"}
        </dd>
      </dl>
      {learner.certificate && !learner.certificate.revoked ? (
        <section aria-labelledby="titre-documents">
          <h2 id="titre-documents">Documents de formation</h2>
          <DocumentLinks base={`/formateur/cohortes/${cohort.id}/apprenants/${learner.id}/documents`} />
        </section>
      ) : null}

      {placement ? <MemberPlacement name={learner.name} placement={placement} /> : null}

      <h2>Quiz&nbsp;: meilleur score</h2>
      <div className="table-wrap" role="region" aria-label="Tableau&nbsp;: meilleur score à chaque quiz" tabIndex={0}>
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
                <td className="num">{quiz.best === null ? "pas encore fait" : `${quiz.best}\u00A0%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {scenarios.length > 0 ? (
        <>
          <h2>Simulations&nbsp;: première fin obtenue</h2>
          <ul>
            {scenarios.map((scenario) => (
              <li key={scenario.id}>
                {scenario.title}&nbsp;: {scenario.ending ?? "pas encore terminée"}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {project ? (
        <ProjectSection project={project} commented={commented} error={actionData?.commentError ?? null} typed={actionData?.body ?? ""} />
      ) : null}

      <h2>Retirer de la cohorte</h2>
      <p>
        {learner.name} ne fera plus partie de la cohorte&nbsp;: vous ne verrez plus sa progression. Son compte, sa progression et ses
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

type ProjectData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["project"]>;

function ProjectSection({
  project,
  commented,
  error,
  typed,
}: {
  project: ProjectData;
  commented: boolean;
  error: string | null;
  typed: string;
}) {
  const state = project.state;
  return (
    <section id="projet" aria-labelledby="titre-projet">
      <h2 id="titre-projet">Projet final&nbsp;: {project.title}</h2>
      {!state ? (
        <p className="muted">Pas encore commencé.</p>
      ) : (
        <>
          <p className="muted">
            {state.submittedAt ? `Remis le ${formatDate(state.submittedAt)}` : "Brouillon"} · dernière modification le{" "}
            {formatDate(state.updatedAt)} · auto-évaluation {state.total} / {state.max}. Lecture seule.
          </p>
          {state.steps.map((step) => (
            <details key={step.id} className="item-analysis">
              <summary>
                {step.title} {step.complete ? "" : <span className="tag tag--alerte"> incomplète</span>}
              </summary>
              {step.fields.map((field) => (
                <div key={field.id}>
                  <h4>{field.label}</h4>
                  {field.text.trim() ? (
                    field.text.split(/\n+/).map((line, index) => <p key={index}>{line}</p>)
                  ) : (
                    <p className="muted">(non renseigné)</p>
                  )}
                </div>
              ))}
            </details>
          ))}
          <div className="table-wrap" role="region" aria-label="Tableau&nbsp;: auto-évaluation" tabIndex={0}>
            <table className="data-table">
              <caption>Auto-évaluation</caption>
              <thead>
                <tr>
                  <th scope="col">Critère</th>
                  <th scope="col">Niveau</th>
                  <th scope="col">Justification</th>
                </tr>
              </thead>
              <tbody>
                {state.criteria.map((criterion) => (
                  <tr key={criterion.id}>
                    <th scope="row">{criterion.title}</th>
                    <td>{criterion.level ? `${criterion.level} — ${criterion.levelName}` : "—"}</td>
                    <td>{criterion.justification || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Commentaires</h3>
          {commented ? (
            <p className="notice notice--success" role="status">
              Commentaire enregistré&nbsp;: l'apprenant·e le voit sur la page de son projet.
            </p>
          ) : null}
          {state.comments.length === 0 ? <p className="muted">Aucun commentaire pour l'instant.</p> : null}
          <CommentList comments={state.comments} />
          <Form method="post" className="form">
            <input type="hidden" name="intent" value="commenter" />
            <div className="field">
              <label htmlFor="commentaire">Votre commentaire</label>
              <textarea
                id="commentaire"
                name="body"
                rows={5}
                maxLength={4000}
                defaultValue={typed}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? "commentaire-erreur" : undefined}
              />
              {error ? (
                <ul id="commentaire-erreur" className="error-list">
                  <li>{error}</li>
                </ul>
              ) : null}
            </div>
            <div>
              <button type="submit" className="button">
                Publier le commentaire
              </button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
