import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate } from "~/utils/format.ts";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { db } from "~/db/db.server.ts";
import { requireProjectDefinition, requireProjectPage } from "~/pages/project-access.server.ts";
import { projectUrl } from "~/projects/project-urls.ts";
import { stepStatuses, submitBlockers, summarizeAssessment } from "~/projects/project-progress.ts";
import { submitProject } from "~/projects/project.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { setFlash, takeFlash } from "~/utils/flash.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { CommentList } from "~/projects/comment-list.tsx";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Projet final"} — Apprendre à faire alliance` }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { definition, path, project } = await requireProjectPage(request, context, params.projectId);
  const flash = await takeFlash(request);
  if (flash.clear) context.responseCookies.push(flash.clear);
  const steps = stepStatuses(definition, project.answers);
  const summary = summarizeAssessment(definition, project.assessment);
  return json(
    {
      id: definition.id,
      title: definition.title,
      intro: definition.intro,
      pathTitle: path?.title ?? null,
      pathSlug: path?.slug ?? null,
      steps,
      assessment: { rated: summary.rated, criteria: summary.criteria, total: summary.total, max: summary.max, meetsBar: summary.meetsBar },
      blockers: submitBlockers(definition, project.answers, project.assessment),
      submittedAt: project.submittedAt?.toISOString() ?? null,
      updatedAt: project.updatedAt?.toISOString() ?? null,
      comments: project.comments.map((c) => ({ id: c.id, body: c.body, authorName: c.authorName, createdAt: c.createdAt.toISOString() })),
      justSubmitted: flash.code === "projet-remis",
      refused: flash.code === "remise-refusee",
      workshopAnswers: project.updatedAt ? 0 : Object.values(project.answers).filter((text) => text.trim() !== "").length,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, definition } = await requireProjectDefinition(request, context, params.projectId);
  const form = await readFormData(request);
  invariantResponse(form.get("intent") === "remettre", "Cette action n'existe pas.", { status: 400 });
  const result = await submitProject(db, user.id, definition);
  // Either way back to the overview (its address, without the form's « ?index »), with a message
  // said once.
  if (!result.ok) return redirect(projectUrl(definition.id), { status: 303, headers: { "Set-Cookie": await setFlash("remise-refusee") } });
  const issued = await issueCertificatesAfter(db, user.id, { projectId: definition.id });
  const headers = new Headers(await noticeHeaders(issued));
  headers.append("Set-Cookie", await setFlash("projet-remis"));
  return redirect(projectUrl(definition.id), { status: 303, headers });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function ProjectOverviewPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={data.pathSlug ? [{ to: `/parcours/${data.pathSlug}`, label: data.pathTitle }] : []} current={data.title} />
      <h1>{data.title}</h1>
      {data.justSubmitted ? (
        <p className="notice notice--success" role="status">
          Projet remis. Vous pouvez encore le modifier&nbsp;: la date de remise reste celle-ci.
        </p>
      ) : null}
      <p className="lede">{data.intro}</p>
      <p className="muted">
        {data.submittedAt ? `Remis le ${formatDate(data.submittedAt)}. ` : "Brouillon. "}
        {data.updatedAt
          ? `Dernière modification le ${formatDate(data.updatedAt)}. `
          : data.workshopAnswers > 0
            ? `Pas encore enregistré\u00A0: ${data.workshopAnswers === 1 ? "une réponse de vos ateliers vous attend" : `${data.workshopAnswers} réponses de vos ateliers vous attendent`} dans les étapes. `
            : "Pas encore enregistré. "}
        Chaque étape s'enregistre quand vous la quittez.
      </p>

      <h2>Les étapes</h2>
      <ol className="project-steps">
        {data.steps.map((step) => (
          <li key={step.stepId} className="project-steps__item">
            <Link to={projectUrl(data.id, `/etapes/${step.stepId}`)}>{step.title}</Link>{" "}
            <span className={step.complete ? "tag" : "tag tag--alerte"}>
              {step.complete ? "complète" : `${step.filled} sur ${step.required} rubrique${step.required > 1 ? "s" : ""}`}
            </span>
          </li>
        ))}
        <li className="project-steps__item">
          <Link to={projectUrl(data.id, "/auto-evaluation")}>Auto-évaluation</Link>{" "}
          <span className={data.assessment.rated === data.assessment.criteria ? "tag" : "tag tag--alerte"}>
            {data.assessment.rated} critère{data.assessment.rated > 1 ? "s" : ""} sur {data.assessment.criteria}
            {data.assessment.rated > 0 ? ` · ${data.assessment.total} / ${data.assessment.max}` : ""}
          </span>
        </li>
      </ol>

      <Submission
        data={data}
        error={data.refused ? "Il reste des parties à compléter avant de remettre le projet\u00A0: voir la liste ci-dessous." : null}
      />

      <h2>Exporter</h2>
      <p>
        <a href={projectUrl(data.id, "/export.pdf")}>Télécharger en PDF</a> ·{" "}
        <a href={projectUrl(data.id, "/export.md")}>Télécharger en Markdown</a>
      </p>

      <h2>Commentaires de vos formateur·rices</h2>
      {data.comments.length === 0 ? (
        <p className="muted">
          Si vous faites partie d'une cohorte sur ce parcours, votre formateur·rice peut lire votre projet et le commenter ici.
        </p>
      ) : (
        <CommentList comments={data.comments} />
      )}
    </div>
  );
}

function Submission({ data, error }: { data: Data; error: string | null }) {
  if (data.submittedAt) return null;
  return (
    <section aria-labelledby="titre-remise" className="project-submit">
      <h2 id="titre-remise">Remettre le projet</h2>
      <p>
        Quand toutes les étapes et les {data.assessment.criteria} critères de l'auto-évaluation sont remplis, remettez votre projet. C'est
        la dernière condition du certificat du parcours{data.pathTitle ? ` «\u202F${data.pathTitle}\u202F»` : ""}.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {data.blockers.length > 0 ? (
        <ul>
          {data.blockers.map((blocker) =>
            blocker.kind === "etape" ? (
              <li key={blocker.stepId}>
                Compléter l'étape <Link to={projectUrl(data.id, `/etapes/${blocker.stepId}`)}>{blocker.title}</Link>
              </li>
            ) : (
              <li key="grille">
                Remplir <Link to={projectUrl(data.id, "/auto-evaluation")}>l'auto-évaluation</Link> ({blocker.missing} critère
                {blocker.missing > 1 ? "s" : ""} sans niveau ou sans justification)
              </li>
            ),
          )}
        </ul>
      ) : null}
      <Form method="post">
        <input type="hidden" name="intent" value="remettre" />
        <button type="submit" className="button">
          Remettre mon projet
        </button>
      </Form>
    </section>
  );
}
