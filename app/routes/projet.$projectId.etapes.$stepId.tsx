import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatTime } from "~/utils/format.ts";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef } from "react";
import { db } from "~/db/db.server.ts";
import { requireProjectDefinition, requireProjectPage } from "~/pages/project-access.server.ts";
import { projectUrl } from "~/projects/project-urls.ts";
import { readStepForm } from "~/projects/project-forms.ts";
import { saveAnswers } from "~/projects/project.server.ts";
import { ANSWER_MAX } from "~/projects/project-schema.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.step.title ?? "Étape"} — ${data?.projectTitle ?? "Projet final"} — Apprendre à faire alliance` },
];

async function stepContext(
  request: Request,
  context: Parameters<typeof requireProjectPage>[1],
  projectId?: string,
  stepId?: string,
  { open = true } = {},
) {
  const page = open
    ? await requireProjectPage(request, context, projectId)
    : { ...(await requireProjectDefinition(request, context, projectId)), project: null };
  const index = page.definition.steps.findIndex((step) => step.id === stepId);
  invariantResponse(index !== -1, "Cette étape n'existe pas dans ce projet.");
  return { ...page, index, step: page.definition.steps[index]! };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { definition, project, index, step } = await stepContext(request, context, params.projectId, params.stepId);
  const next = definition.steps[index + 1];
  const previous = definition.steps[index - 1];
  return json(
    {
      projectId: definition.id,
      projectTitle: definition.title,
      position: index + 1,
      count: definition.steps.length,
      step,
      answers: Object.fromEntries(step.fields.map((field) => [field.id, project?.answers[field.id] ?? ""])),
      previous: previous ? { id: previous.id, title: previous.title } : null,
      next: next ? { id: next.id, title: next.title } : null,
      saved: new URL(request.url).searchParams.has("enregistre"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, definition, index, step } = await stepContext(request, context, params.projectId, params.stepId, { open: false });
  const form = await readFormData(request);
  const intent = form.get("intent");
  invariantResponse(intent === "enregistrer" || intent === "suivante" || intent === "auto", "Cette action n'existe pas.", { status: 400 });
  const { values, errors } = readStepForm(step, form);
  if (Object.keys(errors).length > 0) {
    // Nothing is saved until every field can be: the learner fixes the one that is too long.
    const typed = Object.fromEntries(step.fields.map((field) => [field.id, String(form.get(`champ-${field.id}`) ?? "")]));
    return json({ errors, values: typed, savedAt: null as string | null }, { status: 400 });
  }
  await saveAnswers(db, user.id, definition, values);
  if (intent === "auto") return json({ errors: {} as Record<string, string>, values, savedAt: new Date().toISOString() as string | null });
  const next = definition.steps[index + 1];
  if (intent === "suivante") return redirect(projectUrl(definition.id, next ? `/etapes/${next.id}` : "/auto-evaluation"));
  return redirect(projectUrl(definition.id, `/etapes/${step.id}?enregistre=1`));
}

export default function ProjectStepPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const autosave = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const errors: Record<string, string> = actionData?.errors ?? autosave.data?.errors ?? {};
  const values = actionData?.values ?? data.answers;
  const autoSavedAt = autosave.data?.savedAt;

  // With JavaScript, a field is saved as soon as the learner leaves it, unless they are leaving it
  // for one of the form's buttons (the form saves it) or the page is already changing.
  const saveNow = (event: React.FocusEvent<HTMLTextAreaElement>) => {
    if (!formRef.current || navigation.state !== "idle") return;
    if (event.relatedTarget instanceof HTMLButtonElement && event.relatedTarget.form === formRef.current) return;
    const form = new FormData(formRef.current);
    form.set("intent", "auto");
    autosave.submit(form, { method: "post", action: projectUrl(data.projectId, `/etapes/${data.step.id}`) });
  };

  return (
    <div className="page page--reading">
      <Breadcrumbs
        trail={[{ to: projectUrl(data.projectId), label: data.projectTitle }]}
        current={
          <>
            Étape {data.position} sur {data.count}
          </>
        }
      />
      <p className="simulation__kicker">
        Étape {data.position} sur {data.count}
      </p>
      <h1>{data.step.title}</h1>
      {data.saved ? (
        <p className="notice notice--success" role="status">
          Brouillon enregistré.
        </p>
      ) : null}
      <div className="project-guidance">
        {data.step.guidance.split(/\n\s*\n/).map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
        {data.step.lessons.length > 0 ? (
          <p>
            À relire&nbsp;:{" "}
            {data.step.lessons.map((lesson, index) => (
              <span key={lesson.href}>
                {index > 0 ? " · " : ""}
                <Link to={lesson.href}>{lesson.title}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>
      {Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          Rien n'a été enregistré&nbsp;: corrigez le champ signalé.
        </p>
      ) : null}
      <Form method="post" className="form" ref={formRef}>
        {data.step.fields.map((field) => {
          const id = `champ-${field.id}`;
          const describedBy =
            [field.hint ? `${id}-aide` : null, errors[field.id] ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
          return (
            <div className="field" key={field.id}>
              <label htmlFor={id}>
                {field.label}
                {field.required ? null : <span className="muted"> (facultatif)</span>}
              </label>
              {field.hint ? (
                <p id={`${id}-aide`} className="field__hint">
                  {field.hint}
                </p>
              ) : null}
              <textarea
                id={id}
                name={id}
                rows={field.rows}
                maxLength={ANSWER_MAX}
                defaultValue={values[field.id] ?? ""}
                aria-describedby={describedBy}
                aria-invalid={errors[field.id] ? true : undefined}
                onBlur={saveNow}
              />
              {errors[field.id] ? (
                <ul id={`${id}-erreur`} className="error-list">
                  <li>{errors[field.id]}</li>
                </ul>
              ) : null}
              {field.example ? (
                <details className="project-example">
                  <summary>Voir un exemple</summary>
                  {field.example.split(/\n\s*\n/).map((paragraph, index) => (
                    <p key={index}>{paragraph}</p>
                  ))}
                </details>
              ) : null}
            </div>
          );
        })}
        <p className="muted" role="status" aria-live="polite">
          {autosave.state !== "idle" ? "Enregistrement…" : autoSavedAt ? `Enregistré automatiquement à ${formatTime(autoSavedAt)}.` : ""}
        </p>
        <div className="actions">
          <button type="submit" name="intent" value="suivante" className="button" disabled={navigation.state === "submitting"}>
            {data.next ? "Enregistrer et passer à l'étape suivante" : "Enregistrer et passer à l'auto-évaluation"}
          </button>{" "}
          <button
            type="submit"
            name="intent"
            value="enregistrer"
            className="button button--secondary"
            disabled={navigation.state === "submitting"}
          >
            Enregistrer le brouillon
          </button>
        </div>
      </Form>
      <nav aria-label="Étapes du projet" className="pager">
        {data.previous ? (
          <Link to={projectUrl(data.projectId, `/etapes/${data.previous.id}`)}>
            <span className="pager__label">Étape précédente</span>
            {data.previous.title}
          </Link>
        ) : (
          <Link to={projectUrl(data.projectId)}>
            <span className="pager__label">Retour</span>
            Vue d'ensemble du projet
          </Link>
        )}
      </nav>
    </div>
  );
}
