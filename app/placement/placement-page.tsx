/**
 * The positioning form, at entry (levels and diagnostic questions) or at exit (levels only): radio
 * groups in fieldsets, plain HTML that works before JavaScript, nothing graded.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate } from "~/utils/format.ts";
import { objectiveField, questionField } from "./placement-rules.ts";
import { ANSWER_MAX, LEVELS, type DiagnosticQuestion, type Moment } from "./placement-schema.ts";

export interface PlacementPageData {
  moment: Moment;
  path: { slug: string; title: string; objectives: string[] };
  questions: DiagnosticQuestion[];
  open: boolean;
  closedMessage: string;
  firstLessonUrl: string;
  values: Record<string, string>;
  answeredAt: string | null;
}

export interface PlacementActionData {
  errors: Record<string, string>;
  typed: Record<string, string>;
  formError: string | null;
}

export const PLACEMENT_TITLES: Record<Moment, string> = {
  ENTRY: "Avant de commencer\u00A0: où en êtes-vous\u202F?",
  EXIT: "Fin de parcours\u00A0: où en êtes-vous maintenant\u202F?",
};

function ErrorList({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <ul id={id} className="error-list">
      <li>{message}</li>
    </ul>
  ) : null;
}

/** `breadcrumbs`: the route's (shared UI sits above this folder). */
export function PlacementPage({
  data,
  action,
  breadcrumbs,
}: {
  data: PlacementPageData;
  action: PlacementActionData | undefined;
  breadcrumbs: ReactNode;
}) {
  const errors = action?.errors ?? {};
  const current = (name: string) => (action ? (action.typed[name] ?? "") : (data.values[name] ?? ""));
  const entry = data.moment === "ENTRY";
  return (
    <div className="page page--reading">
      {breadcrumbs}
      <h1>{PLACEMENT_TITLES[data.moment]}</h1>
      {entry ? (
        <p className="lede">
          Pour chaque objectif du parcours, dites où vous en êtes aujourd'hui, puis parlez-nous de votre situation. Il n'y a ni note ni
          bonne réponse&nbsp;: vos réponses servent à mesurer votre progression, et à votre formateur ou formatrice, si vous suivez le
          parcours dans une cohorte, pour adapter son accompagnement. C'est facultatif.
        </p>
      ) : (
        <p className="lede">
          Vous avez terminé les leçons du parcours. Pour chaque objectif, dites où vous en êtes maintenant&nbsp;: vous verrez votre
          progression depuis le début. Il n'y a ni note ni bonne réponse, et votre certificat n'en dépend pas.
        </p>
      )}
      {data.answeredAt ? (
        <p className="muted">Vos réponses du {formatDate(data.answeredAt)} sont pré-remplies&nbsp;; vous pouvez les modifier.</p>
      ) : null}
      {!data.open ? (
        <p className="notice notice--warning" role="status">
          {data.closedMessage}
        </p>
      ) : null}
      {action?.formError ? (
        <p className="form-error" role="alert">
          {action.formError}
        </p>
      ) : Object.keys(errors).length > 0 ? (
        <p className="form-error" role="alert">
          Rien n'a été enregistré&nbsp;: répondez aux questions signalées.
        </p>
      ) : null}
      {data.open ? (
        <Form method="post" className="form">
          <h2>Les objectifs du parcours</h2>
          {data.path.objectives.map((objective, index) => {
            const name = objectiveField(index);
            const error = errors[name];
            return (
              <fieldset key={name} className="criterion" aria-describedby={error ? `${name}-erreur` : undefined}>
                <legend>
                  {index + 1}. {objective}
                </legend>
                {LEVELS.map((label, levelIndex) => {
                  const value = String(levelIndex + 1);
                  const id = `${name}-${value}`;
                  return (
                    <div className="choice" key={value}>
                      <input type="radio" id={id} name={name} value={value} defaultChecked={current(name) === value} />
                      <label htmlFor={id}>{label}</label>
                    </div>
                  );
                })}
                <ErrorList id={`${name}-erreur`} message={error} />
              </fieldset>
            );
          })}
          {data.questions.length > 0 ? <h2>Votre situation</h2> : null}
          {data.questions.map((question) => {
            const name = questionField(question.id);
            const error = errors[name];
            const hintId = question.hint ? `${name}-aide` : undefined;
            const describedBy = [hintId, error ? `${name}-erreur` : undefined].filter(Boolean).join(" ") || undefined;
            return question.options ? (
              <fieldset key={name} className="criterion" aria-describedby={describedBy}>
                <legend>{question.question}</legend>
                {question.hint ? (
                  <p id={hintId} className="muted">
                    {question.hint}
                  </p>
                ) : null}
                {question.options.map((option, optionIndex) => {
                  const id = `${name}-${optionIndex + 1}`;
                  return (
                    <div className="choice" key={option}>
                      <input type="radio" id={id} name={name} value={option} defaultChecked={current(name) === option} />
                      <label htmlFor={id}>{option}</label>
                    </div>
                  );
                })}
                <ErrorList id={`${name}-erreur`} message={error} />
              </fieldset>
            ) : (
              <div className="field" key={name}>
                <label htmlFor={name}>{question.question}</label>
                {question.hint ? (
                  <p id={hintId} className="muted">
                    {question.hint}
                  </p>
                ) : null}
                <textarea
                  id={name}
                  name={name}
                  rows={3}
                  maxLength={ANSWER_MAX}
                  defaultValue={current(name)}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={describedBy}
                />
                <ErrorList id={`${name}-erreur`} message={error} />
              </div>
            );
          })}
          <div className="actions">
            <button type="submit" className="button">
              Enregistrer mes réponses
            </button>
          </div>
        </Form>
      ) : null}
      <p>
        {entry ? (
          <Link to={data.firstLessonUrl}>Passer cette étape et commencer la première leçon</Link>
        ) : (
          <Link to={`/parcours/${data.path.slug}`}>Revenir au parcours</Link>
        )}
      </p>
    </div>
  );
}
