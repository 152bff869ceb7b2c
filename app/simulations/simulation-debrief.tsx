/**
 * The debrief at the end of a run: the ending, the indicators' trajectory, then each decision with
 * the option taken, what it bought and cost (its feedback), the trade-offs of the other options
 * (folded, in the order the run showed them), at most two lessons of the learner's path to review,
 * the questions to think about, and what happened in the real case. Sized for a phone: about three
 * screens at 360 px with the other options folded (tests/e2e/simulation-debrief.spec.ts).
 */
import type { Ref } from "react";
import { orderedChoices, type ChoiceOrder } from "./choice-order.ts";
import type { ChoiceRef } from "./replay.ts";
import { reviewLinks, type ConceptLessons } from "./review-links.ts";
import type { Scenario } from "./scenario-schema.ts";
import { applyChoice, initialValues, type ScenarioValues } from "./scenario-state.ts";
import { effectsText } from "./simulation-format.ts";

export type { ConceptLessons } from "./review-links.ts";

export function SimulationDebrief({
  scenario,
  choices,
  order,
  endingId,
  conceptLessons,
  headingRef,
}: {
  scenario: Scenario;
  choices: ChoiceRef[];
  /** The run's order of options: the other options are listed as the learner saw them. */
  order: ChoiceOrder;
  endingId: string;
  conceptLessons: ConceptLessons;
  /** Receives the ending's heading, where focus goes when the run ends in the browser. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const ending = scenario.endings.find((candidate) => candidate.id === endingId)!;
  const trajectory: ScenarioValues[] = [initialValues(scenario)];
  const steps = choices.map((ref) => {
    const scene = scenario.scenes.find((candidate) => candidate.id === ref.sceneId)!;
    const choice = scene.choices.find((candidate) => candidate.id === ref.choiceId)!;
    trajectory.push(applyChoice(scenario, trajectory.at(-1)!, choice));
    return { scene, choice };
  });
  const effects = (choice: Scenario["scenes"][number]["choices"][number]) => effectsText(scenario, choice) || "sans effet chiffré";

  return (
    <div className="debrief">
      <div className={`debrief__ending debrief__ending--${ending.tone}`}>
        <p className="debrief__kicker">Fin de la simulation</p>
        <h3 tabIndex={-1} ref={headingRef}>
          {ending.title}
        </h3>
        <p>{ending.message}</p>
      </div>

      <h4>Vos indicateurs, décision après décision</h4>
      {/* A wide table scrolls sideways on a phone: the region is focusable so the keyboard can scroll it. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Trajectoire des indicateurs">
        <table>
          <caption className="visually-hidden">Valeur de chaque indicateur au départ puis après chaque décision</caption>
          <thead>
            <tr>
              <th scope="col">Indicateur</th>
              <th scope="col">Départ</th>
              {steps.map(({ scene }, index) => (
                <th scope="col" key={`${scene.id}-${index}`}>
                  {/* The number of the decision in the list below; its title for screen readers only, to keep the table short. */}
                  {index + 1}
                  <span className="visually-hidden"> : {scene.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {scenario.variables.map((variable) => (
              <tr key={variable.id}>
                <th scope="row">{variable.label}</th>
                {trajectory.map((values, index) => (
                  <td key={index}>{values.vars[variable.id]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>Vos décisions et leurs contreparties</h4>
      <ol className="debrief__steps">
        {steps.map(({ scene, choice }, index) => {
          const others = orderedChoices(scene, order).filter((candidate) => candidate.id !== choice.id);
          const keys = scenario.debrief.keyDecisions.filter((decision) => decision.scene === scene.id);
          const lessons = reviewLinks(conceptLessons, [...choice.concepts, ...keys.flatMap((decision) => decision.concepts)]);
          return (
            <li key={`${scene.id}-${index}`}>
              <p className="debrief__scene">
                {scene.kind === "evenement" ? "Événement · " : ""}
                {scene.title}
                {keys.length > 0 ? <span className="muted"> — {keys.map((decision) => decision.concept).join(" ; ")}</span> : null}
              </p>
              <p>
                <strong>Votre choix :</strong> {choice.text} <span className="muted">({effects(choice)})</span>
              </p>
              <p>{choice.feedback}</p>
              {others.length > 0 ? (
                <details className="debrief__others">
                  <summary>
                    {others.length > 1 ? `Les ${others.length} autres options` : "L'autre option"} : ce qu'elles apportaient, ce qu'elles coûtaient
                  </summary>
                  <ul>
                    {others.map((other) => (
                      <li key={other.id}>
                        <strong>{other.text}</strong> <span className="muted">({effects(other)})</span> {other.feedback}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
              {lessons.length > 0 ? (
                <p className="debrief__review muted">
                  À revoir :{" "}
                  {lessons.map((lesson, i) => (
                    <span key={lesson.url}>
                      {i > 0 ? " · " : ""}
                      <a href={lesson.url}>{lesson.title}</a>
                    </span>
                  ))}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>

      <h4>Pour réfléchir</h4>
      <ol>
        {scenario.debrief.questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>

      <h4>Ce qui s'est passé dans la réalité</h4>
      <p>{scenario.debrief.reality}</p>
    </div>
  );
}
