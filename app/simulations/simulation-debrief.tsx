/**
 * The debrief at the end of a run: the ending, the indicators' trajectory, each decision with what
 * it did and what the other options would have done, the concepts and lessons they illustrate, the
 * questions to think about, and what happened in the real case.
 */
import type { ChoiceRef } from "./replay.ts";
import type { Scenario } from "./scenario-schema.ts";
import { applyChoice, initialValues, type ScenarioValues } from "./scenario-state.ts";
import { effectsText } from "./simulation-format.ts";

export type ConceptLessons = Record<string, Array<{ title: string; url: string }>>;

export function SimulationDebrief({
  scenario,
  choices,
  endingId,
  conceptLessons,
}: {
  scenario: Scenario;
  choices: ChoiceRef[];
  endingId: string;
  conceptLessons: ConceptLessons;
}) {
  const ending = scenario.endings.find((candidate) => candidate.id === endingId)!;
  const trajectory: ScenarioValues[] = [initialValues(scenario)];
  const steps = choices.map((ref) => {
    const scene = scenario.scenes.find((candidate) => candidate.id === ref.sceneId)!;
    const choice = scene.choices.find((candidate) => candidate.id === ref.choiceId)!;
    trajectory.push(applyChoice(scenario, trajectory.at(-1)!, choice));
    return { scene, choice };
  });
  const lessonsFor = (concepts: string[]) => {
    const seen = new Set<string>();
    return concepts.flatMap((concept) => conceptLessons[concept] ?? []).filter((lesson) => !seen.has(lesson.url) && seen.add(lesson.url));
  };

  return (
    <div className="debrief">
      <div className={`debrief__ending debrief__ending--${ending.tone}`}>
        <p className="debrief__kicker">Fin de la simulation</p>
        <h3>{ending.title}</h3>
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
                  {index + 1}. {scene.title}
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

      <h4>Vos décisions, une à une</h4>
      <ol className="debrief__steps">
        {steps.map(({ scene, choice }, index) => {
          const others = scene.choices.filter((candidate) => candidate.id !== choice.id);
          const lessons = lessonsFor(choice.concepts);
          return (
            <li key={`${scene.id}-${index}`}>
              <p className="debrief__scene">
                {scene.kind === "evenement" ? "Événement · " : ""}
                {scene.title}
              </p>
              <p>
                <strong>Votre choix&nbsp;:</strong> {choice.text} <span className="muted">({effectsText(scenario, choice) || "sans effet chiffré"})</span>
              </p>
              <p>{choice.feedback}</p>
              {lessons.length > 0 ? (
                <p className="muted">
                  À revoir&nbsp;:{" "}
                  {lessons.map((lesson, i) => (
                    <span key={lesson.url}>
                      {i > 0 ? ", " : ""}
                      <a href={lesson.url}>{lesson.title}</a>
                    </span>
                  ))}
                </p>
              ) : null}
              <details>
                <summary>Ce que les autres options auraient produit</summary>
                <ul>
                  {others.map((other) => (
                    <li key={other.id}>
                      <strong>{other.text}</strong> <span className="muted">({effectsText(scenario, other) || "sans effet chiffré"})</span>
                      <br />
                      {other.feedback}
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ol>

      {scenario.debrief.keyDecisions.length > 0 ? (
        <>
          <h4>Les notions en jeu</h4>
          <ul>
            {scenario.debrief.keyDecisions.map((decision) => {
              const scene = scenario.scenes.find((candidate) => candidate.id === decision.scene);
              const lessons = lessonsFor(decision.concepts);
              return (
                <li key={`${decision.scene}-${decision.concept}`}>
                  <strong>{decision.concept}</strong> — {scene?.title}
                  {lessons.length > 0 ? (
                    <>
                      {" "}
                      (
                      {lessons.map((lesson, i) => (
                        <span key={lesson.url}>
                          {i > 0 ? ", " : ""}
                          <a href={lesson.url}>{lesson.title}</a>
                        </span>
                      ))}
                      )
                    </>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}

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
