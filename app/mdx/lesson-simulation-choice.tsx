import { LessonSimulation } from "./lesson-simulation.tsx";
import { useLessonContext } from "./lesson-context.tsx";
import { choiceIds } from "~/courses/mdx-usage.ts";

/**
 * <SimulationChoice ids="sb-maire sa-catalyseur" />: the learner plays one of several cases. Each
 * case is a disclosure (a plain <details>, so it works without JavaScript); the one being played,
 * else the one last finished, else the first, starts open. Playing any one to an ending meets the
 * path's requirement (see scenarioGroups).
 */
export function LessonSimulationChoice({ ids }: { ids: string }) {
  const { simulations } = useLessonContext();
  const options = choiceIds(ids).flatMap((id) => (simulations[id] ? [{ id, ...simulations[id] }] : []));
  if (options.length === 0) return null;
  const open =
    options.find((option) => option.view.run)?.id ??
    [...options]
      .filter((option) => option.view.lastFinished)
      .sort((a, b) => (b.view.lastFinished!.finishedAt > a.view.lastFinished!.finishedAt ? 1 : -1))[0]?.id ??
    options[0]!.id;
  return (
    <div className="simulation-choice" role="group" aria-label="Simulations au choix">
      <p className="simulation-choice__lead">
        Choisissez un cas parmi {options.length}&#8239;; une seule partie jouée jusqu'à une fin suffit.
      </p>
      {options.map((option) => (
        <details key={option.id} className="simulation-choice__option" open={option.id === open}>
          <summary>
            <span className="simulation-choice__title">{option.scenario.title}</span>
            <span className="muted"> — {option.scenario.minutes} min</span>
            {option.view.finishedCount > 0 ? (
              <span className="simulation-choice__state"> · jouée</span>
            ) : option.view.run ? (
              <span className="simulation-choice__state"> · en cours</span>
            ) : null}
            <span className="simulation-choice__summary">{option.scenario.summary}</span>
          </summary>
          <LessonSimulation id={option.id} />
        </details>
      ))}
    </div>
  );
}
