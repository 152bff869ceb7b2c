/**
 * Builds the XState machine of a simulation from its definition. Pure, the same in the browser
 * (to play) and on the server (to validate a run's choices and decide its ending).
 *
 * One state per scene, a transient `fin` state that picks the ending (first condition that holds),
 * and one final state per ending. The only event is CHOOSE { sceneId, choiceId }; it is accepted
 * only in its scene and only when the choice leads somewhere from the current values.
 */
import { assign, setup, type SnapshotFrom, type StateNodeConfig } from "xstate";
import { END } from "./scenario-end.ts";
import type { Scenario } from "./scenario-schema.ts";
import { applyChoice, evaluate, initialValues, nextStep, type ScenarioValues } from "./scenario-state.ts";

interface Step {
  sceneId: string;
  choiceId: string;
  /** Values after this choice. */
  after: ScenarioValues;
}

interface ScenarioContext extends ScenarioValues {
  steps: Step[];
}

export type ScenarioEvent = { type: "CHOOSE"; sceneId: string; choiceId: string };

/** One state of a scenario's machine, as `setup(...).createMachine` accepts it. */
type ScenarioStateConfig = Pick<
  StateNodeConfig<ScenarioContext, ScenarioEvent, never, never, never, never, string, never, never, never, never>,
  "on" | "always" | "type"
>;

export const endingState = (endingId: string) => `fin-${endingId}`;

export function buildScenarioMachine(scenario: Scenario) {
  const choose = assign<ScenarioContext, ScenarioEvent, undefined, ScenarioEvent, never>(({ context, event }) => {
    const scene = scenario.scenes.find((candidate) => candidate.id === event.sceneId);
    const choice = scene?.choices.find((candidate) => candidate.id === event.choiceId);
    if (!choice) return {};
    const after = applyChoice(scenario, context, choice);
    return { ...after, steps: [...context.steps, { sceneId: event.sceneId, choiceId: event.choiceId, after }] };
  });

  // Built from data: its state names are plain strings for TypeScript (one per scene and ending).
  const states: Record<string, ScenarioStateConfig> = {};
  for (const scene of scenario.scenes) {
    const transitions = scene.choices.flatMap((choice) => {
      const branches = typeof choice.next === "string" ? [{ goto: choice.next, when: undefined }] : choice.next;
      return branches.map((branch) => ({
        // Where a choice leads depends on the values after its effects, so the guard computes them.
        guard: ({ context, event }: { context: ScenarioContext; event: ScenarioEvent }) => {
          if (event.sceneId !== scene.id || event.choiceId !== choice.id) return false;
          const after = applyChoice(scenario, context, choice);
          return nextStep(choice, after) === branch.goto;
        },
        target: branch.goto === END ? END : branch.goto,
        actions: choose,
      }));
    });
    states[scene.id] = { on: { CHOOSE: transitions } };
  }
  states[END] = {
    always: scenario.endings.map((ending) => ({
      guard: ({ context }: { context: ScenarioContext }) => evaluate(ending.when, context),
      target: endingState(ending.id),
    })),
  };
  for (const ending of scenario.endings) states[endingState(ending.id)] = { type: "final" };

  return setup({
    types: { context: {} as ScenarioContext, events: {} as ScenarioEvent },
  }).createMachine({
    id: scenario.id,
    context: { ...initialValues(scenario), steps: [] },
    initial: scenario.start,
    states,
  });
}

export type ScenarioMachine = ReturnType<typeof buildScenarioMachine>;
export type ScenarioSnapshot = SnapshotFrom<ScenarioMachine>;

/** The ending a finished snapshot reached, or null while the run goes on. */
export function reachedEnding(scenario: Scenario, snapshot: ScenarioSnapshot): string | null {
  if (snapshot.status !== "done") return null;
  return scenario.endings.find((ending) => snapshot.value === endingState(ending.id))?.id ?? null;
}

/** The scene a snapshot is in, or null at an ending. */
export function currentSceneId(scenario: Scenario, snapshot: ScenarioSnapshot): string | null {
  return scenario.scenes.find((scene) => snapshot.value === scene.id)?.id ?? null;
}
