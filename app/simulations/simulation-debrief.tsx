/**
 * The debrief at the end of a run: the ending, the indicators' trajectory, then each decision (a
 * disclosure titled by the scene and what the choice did to the indicators) with the option taken,
 * what it bought and cost (its feedback), the trade-off of every other option (in the order the run
 * showed them) and at most two lessons of the learner's path to review; the questions to think
 * about; what happened in the real case. The trajectory table and the real case are folded too. Sized for a phone: at most three screens at 360 px
 * with the disclosures closed (tests/e2e/simulation-debrief.spec.ts), where the earlier debrief
 * took about twelve.
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
  headingLevel,
  headingRef,
}: {
  scenario: Scenario;
  choices: ChoiceRef[];
  /** The run's order of options: the other options are listed as the learner saw them. */
  order: ChoiceOrder;
  endingId: string;
  conceptLessons: ConceptLessons;
  /** The level of the ending's title; the debrief's parts are one level below. */
  headingLevel: 2 | 3 | 4;
  /** Receives the ending's heading, where focus goes when the run ends in the browser. */
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const ending = scenario.endings.find((candidate) => candidate.id === endingId)!;
  const Title = `h${headingLevel}` as const;
  const Part = `h${headingLevel + 1}` as "h3" | "h4" | "h5";
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
        <Title tabIndex={-1} ref={headingRef}>
          {ending.title}
        </Title>
        <p>{ending.message}</p>
      </div>

      {/* Folded: each decision below already says what it changed; the table gives the values over time. */}
      <details className="debrief__trajectory">
        <summary>Vos indicateurs, décision après décision</summary>
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
                    <span className="visually-hidden">&nbsp;: {scene.title}</span>
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
      </details>

      <Part>Vos décisions et leurs contreparties</Part>
      {/* One disclosure per decision, folded: the list reads as an overview on a phone; opened, a
          decision shows the option taken, what it bought and cost, and every other option's trade-off. */}
      <p className="debrief__hint muted">Ouvrez une décision pour revoir votre choix et ce que les autres options auraient donné.</p>
      <ol className="debrief__steps">
        {steps.map(({ scene, choice }, index) => {
          const others = orderedChoices(scene, order).filter((candidate) => candidate.id !== choice.id);
          const keys = scenario.debrief.keyDecisions.filter((decision) => decision.scene === scene.id);
          const lessons = reviewLinks(conceptLessons, [...choice.concepts, ...keys.flatMap((decision) => decision.concepts)]);
          return (
            <li key={`${scene.id}-${index}`}>
              <details className="debrief__step">
                <summary>
                  <span className="debrief__scene">
                    {scene.kind === "evenement" ? "Événement · " : ""}
                    {scene.title}
                  </span>{" "}
                  <span className="debrief__effects">— {effects(choice)}</span>
                </summary>
                {keys.length > 0 ? (
                  <p className="muted">Notion&nbsp;: {keys.map((decision) => decision.concept).join("\u202F; ")}</p>
                ) : null}
                <p>
                  <strong>Votre choix&nbsp;:</strong> {choice.text} <span className="muted">({effects(choice)})</span>
                </p>
                <p>{choice.feedback}</p>
                {others.length > 0 ? (
                  <>
                    <p className="debrief__others-lead">
                      {others.length > 1
                        ? "Les autres options, ce qu'elles apportaient et ce qu'elles coûtaient\u00A0:"
                        : "L'autre option, ce qu'elle apportait et ce qu'elle coûtait\u00A0:"}
                    </p>
                    <ul className="debrief__others">
                      {others.map((other) => (
                        <li key={other.id}>
                          <strong>{other.text}</strong> <span className="muted">({effects(other)})</span> {other.feedback}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
                {lessons.length > 0 ? (
                  <p className="debrief__review">
                    À revoir&nbsp;:{" "}
                    {lessons.map((lesson, i) => (
                      <span key={lesson.url}>
                        {i > 0 ? " · " : ""}
                        <a href={lesson.url}>{lesson.title}</a>
                      </span>
                    ))}
                  </p>
                ) : null}
              </details>
            </li>
          );
        })}
      </ol>

      <Part>Pour réfléchir</Part>
      <ol>
        {scenario.debrief.questions.map((question) => (
          <li key={question}>{question}</li>
        ))}
      </ol>

      <details className="debrief__reality">
        <summary>Ce qui s'est passé dans la réalité</summary>
        <p>{scenario.debrief.reality}</p>
      </details>
    </div>
  );
}
