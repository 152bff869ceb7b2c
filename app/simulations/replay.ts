/**
 * Replays a sequence of choices through a simulation's machine. The server does it for every
 * stored run before accepting a new choice; a choice the machine refuses makes the sequence invalid.
 */
import { createActor } from "xstate";
import type { Scenario } from "./scenario-schema.ts";
import { buildScenarioMachine, currentSceneId, reachedEnding, type ScenarioMachine, type ScenarioSnapshot } from "./scenario.machine.ts";

export type ChoiceRef = { sceneId: string; choiceId: string };

type ReplayResult =
  | { ok: true; snapshot: ScenarioSnapshot; sceneId: string | null; endingId: string | null }
  | { ok: false; at: number; snapshot: ScenarioSnapshot };

const machines = new WeakMap<Scenario, ScenarioMachine>();

/** The machine of a scenario, built once per definition object. */
export function machineOf(scenario: Scenario): ScenarioMachine {
  let machine = machines.get(scenario);
  if (!machine) {
    machine = buildScenarioMachine(scenario);
    machines.set(scenario, machine);
  }
  return machine;
}

export function replayChoices(scenario: Scenario, choices: ChoiceRef[]): ReplayResult {
  const actor = createActor(machineOf(scenario)).start();
  try {
    for (const [index, choice] of choices.entries()) {
      const event = { type: "CHOOSE" as const, ...choice };
      if (!actor.getSnapshot().can(event)) return { ok: false, at: index, snapshot: actor.getSnapshot() };
      actor.send(event);
    }
    const snapshot = actor.getSnapshot();
    return { ok: true, snapshot, sceneId: currentSceneId(scenario, snapshot), endingId: reachedEnding(scenario, snapshot) };
  } finally {
    actor.stop();
  }
}

/** `p1-a.p2-b` ⇄ [{ sceneId: "p1", choiceId: "a" }, …]: a run in an address (anonymous play). */
export function encodeChoices(choices: ChoiceRef[]): string {
  return choices.map((choice) => `${choice.sceneId}-${choice.choiceId}`).join(".");
}

/** null when absent (not started) or malformed; [] when started without a choice yet. */
export function decodeChoices(encoded: string | null): ChoiceRef[] | null {
  if (encoded === null) return null;
  if (encoded === "") return [];
  const parts = encoded.split(".");
  const choices: ChoiceRef[] = [];
  for (const part of parts) {
    const match = /^([a-z0-9_-]+)-([a-d])$/.exec(part);
    if (!match) return null;
    choices.push({ sceneId: match[1]!, choiceId: match[2]! });
  }
  return choices.length > 60 ? null : choices;
}
