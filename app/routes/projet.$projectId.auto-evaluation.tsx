import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { lessonUrl, pathLessons } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { requireProjectDefinition, requireProjectPage } from "~/pages/project-access.server.ts";
import { projectUrl } from "~/projects/project-urls.ts";
import { readAssessmentForm } from "~/projects/project-forms.ts";
import { summarizeAssessment } from "~/projects/project-progress.ts";
import { saveAssessment } from "~/projects/project.server.ts";
import { JUSTIFICATION_MAX } from "~/projects/project-schema.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Auto-évaluation — ${data?.projectTitle ?? "Projet final"} — Apprendre à faire alliance` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { definition, path, project } = await requireProjectPage(request, context, params.projectId);
  const summary = summarizeAssessment(definition, project.assessment);
  // For each weak criterion, the lessons of the path that teach its concepts.
  const lessons = path ? pathLessons(getCatalog(), path).map(({ lesson }) => lesson) : [];
  const advice = definition.assessment.criteria
    .filter((criterion) => summary.weak.includes(criterion.id) && project.assessment[criterion.id])
    .map((criterion) => ({
      criterionId: criterion.id,
      title: criterion.title,
      lessons: lessons
        .filter((lesson) => lesson.concepts.some((concept) => criterion.concepts.includes(concept)))
        .slice(0, 4)
        .map((lesson) => ({ title: lesson.title, href: lessonUrl(path!, lesson) })),
    }));
  return json(
    {
      projectId: definition.id,
      projectTitle: definition.title,
      assessment: definition.assessment,
      values: project.assessment,
      summary,
      advice,
      saved: new URL(request.url).searchParams.has("enregistre"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, definition } = await requireProjectDefinition(request, context, params.projectId);
  const form = await readFormData(request);
  invariantResponse(["terminer", "enregistrer"].includes(String(form.get("intent"))), "Cette action n'existe pas.", { status: 400 });
  const { values, errors } = readAssessmentForm(definition, form);
  if (Object.keys(errors).length > 0) {
    const typed = Object.fromEntries(
      definition.assessment.criteria.map((c) => [
        c.id,
        { level: String(form.get(`niveau-${c.id}`) ?? ""), justification: String(form.get(`justification-${c.id}`) ?? "") },
      ]),
    );
    return json({ errors, typed }, { status: 400 });
  }
  await saveAssessment(db, user.id, definition, values);
  return redirect(projectUrl(definition.id, form.get("intent") === "terminer" ? "" : "/auto-evaluation?enregistre=1"));
}

export default function SelfAssessmentPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const { summary, assessment } = data;
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: projectUrl(data.projectId), label: data.projectTitle }]} current="Auto-évaluation" />
      <h1>Auto-évaluation</h1>
      {data.saved ? (
        <p className="notice notice--success" role="status">
          Auto-évaluation enregistrée.
        </p>
      ) : null}
      <p className="lede">{assessment.intro}</p>
      <p>
        Total&nbsp;:{" "}
        <strong>
          {summary.total} / {summary.max}
        </strong>{" "}
        ({summary.rated} critère{summary.rated > 1 ? "s" : ""} sur {summary.criteria} évalué{summary.rated > 1 ? "s" : ""}). Repère&nbsp;:
        au moins {assessment.minEach} à chaque critère et {assessment.minTotal} / {summary.max} au total
        {summary.complete
          ? summary.meetsBar
            ? " — atteint."
            : " — pas encore atteint\u00A0: voyez les conseils ci-dessous, et révisez votre projet si vous le souhaitez."
          : "."}
      </p>
      {data.advice.length > 0 ? (
        <section className="notice" aria-labelledby="titre-conseils">
          <h2 id="titre-conseils">Pour progresser</h2>
          <ul>
            {data.advice.map((item) => (
              <li key={item.criterionId}>
                <strong>{item.title}</strong>
                {item.lessons.length > 0 ? "\u00A0: relisez " : ""}
                {item.lessons.map((lesson, index) => (
                  <span key={lesson.href}>
                    {index > 0 ? ", " : ""}
                    <Link to={lesson.href}>{lesson.title}</Link>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          Rien n'a été enregistré&nbsp;: corrigez les critères signalés.
        </p>
      ) : null}
      <Form method="post" className="form">
        {assessment.criteria.map((criterion, index) => {
          const typed = actionData?.typed?.[criterion.id];
          const current = typed ? typed.level : String(data.values[criterion.id]?.level ?? "");
          const justification = typed ? typed.justification : (data.values[criterion.id]?.justification ?? "");
          const levelError = errors[`niveau-${criterion.id}`];
          const justificationError = errors[`justification-${criterion.id}`];
          return (
            <fieldset key={criterion.id} className="criterion" aria-describedby={levelError ? `niveau-${criterion.id}-erreur` : undefined}>
              <legend>
                {index + 1}. {criterion.title}
              </legend>
              {criterion.levels.map((description, levelIndex) => {
                const value = String(levelIndex + 1);
                const id = `niveau-${criterion.id}-${value}`;
                return (
                  <div className="choice" key={value}>
                    <input type="radio" id={id} name={`niveau-${criterion.id}`} value={value} defaultChecked={current === value} />
                    <label htmlFor={id}>
                      <strong>
                        {value} — {assessment.levelNames[levelIndex]}
                      </strong>
                      &nbsp;: {description}
                    </label>
                  </div>
                );
              })}
              {levelError ? (
                <ul id={`niveau-${criterion.id}-erreur`} className="error-list">
                  <li>{levelError}</li>
                </ul>
              ) : null}
              <div className="field">
                <label htmlFor={`justification-${criterion.id}`}>Quel élément de votre projet justifie ce niveau&#x202F;?</label>
                <textarea
                  id={`justification-${criterion.id}`}
                  name={`justification-${criterion.id}`}
                  rows={3}
                  maxLength={JUSTIFICATION_MAX}
                  defaultValue={justification}
                  aria-invalid={justificationError ? true : undefined}
                  aria-describedby={justificationError ? `justification-${criterion.id}-erreur` : undefined}
                />
                {justificationError ? (
                  <ul id={`justification-${criterion.id}-erreur`} className="error-list">
                    <li>{justificationError}</li>
                  </ul>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" name="intent" value="terminer" className="button" disabled={navigation.state === "submitting"}>
            Enregistrer et revenir au projet
          </button>{" "}
          <button
            type="submit"
            name="intent"
            value="enregistrer"
            className="button button--secondary"
            disabled={navigation.state === "submitting"}
          >
            Enregistrer
          </button>
        </div>
      </Form>
    </div>
  );
}
