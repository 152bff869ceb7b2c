import { SimulationPlayer } from "~/simulations/simulation-player.tsx";
import { useLessonContext } from "./lesson-context.tsx";

/** <Simulation id> in a lesson: the same player as the simulation's own page. */
export function LessonSimulation({ id }: { id: string }) {
  const { simulations, lessonUrl, audience } = useLessonContext();
  const block = simulations[id];
  if (!block) return null;
  return (
    <SimulationPlayer
      scenario={block.scenario}
      view={block.view}
      audience={audience}
      conceptLessons={block.conceptLessons}
      actionUrl={`/simulations/${id}`}
      returnTo={lessonUrl}
      showLastDebrief={block.showLastDebrief}
    />
  );
}
