import { readFileSync } from "node:fs";
import path from "node:path";
import { createActor } from "xstate";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { decodeChoices, encodeChoices, replayChoices } from "./replay.ts";
import { buildScenarioMachine, currentSceneId, reachedEnding, type ScenarioSnapshot } from "./scenario.machine.ts";
import { ScenarioSchema } from "./scenario-schema.ts";
import { applyChoice, evaluate, initialValues, levelLabel } from "./scenario-state.ts";
import { effectsText } from "./simulation-format.ts";

const scenario = ScenarioSchema.parse(parse(readFileSync(path.resolve("tests/fixtures/courses/scenarios/cas-essai.yaml"), "utf8")));
const choose = (sceneId: string, choiceId: string) => ({ type: "CHOOSE" as const, sceneId, choiceId });

function play(...choices: Array<[string, string]>) {
  const actor = createActor(buildScenarioMachine(scenario)).start();
  for (const [sceneId, choiceId] of choices) actor.send(choose(sceneId, choiceId));
  return actor.getSnapshot() as ScenarioSnapshot;
}

describe("scenario machine (fixture « cas-essai »)", () => {
  test("starts in the start scene with the initial values", () => {
    const snapshot = play();
    expect(snapshot.value).toBe("e1");
    expect(snapshot.context).toMatchObject({ vars: { confiance: 3, impact: 0 }, flags: { seul: false }, steps: [] });
  });

  test("a choice applies its effects, raises its flags and moves on", () => {
    const snapshot = play(["e1", "a"]);
    expect(snapshot.value).toBe("e2");
    expect(snapshot.context.vars).toEqual({ confiance: 6, impact: 0 });
    expect(snapshot.context.steps).toEqual([
      { sceneId: "e1", choiceId: "a", after: { vars: { confiance: 6, impact: 0 }, flags: { seul: false } } },
    ]);
  });

  test("a conditional event is triggered by the values after the effects", () => {
    const snapshot = play(["e1", "b"]); // confiance 3 − 2 = 1 ≤ 1
    expect(snapshot.value).toBe("e1e");
    expect(snapshot.context.flags.seul).toBe(true);
  });

  test("values stay within bounds", () => {
    const snapshot = play(["e1", "b"], ["e1e", "b"]); // 1 − 1 = 0, then nothing below 0
    expect(snapshot.context.vars.confiance).toBe(0);
    const clamped = applyChoice(
      scenario,
      { vars: { confiance: 0, impact: 0 }, flags: {} },
      { ...scenario.scenes[0]!.choices[1]!, effects: { confiance: -5, impact: 50 } },
    );
    expect(clamped.vars).toEqual({ confiance: 0, impact: 10 });
  });

  test("a choice of another scene, or an unknown choice, is refused", () => {
    const snapshot = play();
    expect(snapshot.can(choose("e2", "a"))).toBe(false);
    expect(snapshot.can(choose("e1", "d"))).toBe(false);
    expect(snapshot.can(choose("e1", "a"))).toBe(true);
  });

  test("the first ending whose condition holds is reached, and it is final", () => {
    const best = play(["e1", "a"], ["e2", "a"]);
    expect(best.status).toBe("done");
    expect(reachedEnding(scenario, best)).toBe("essai-f1");
    expect(currentSceneId(scenario, best)).toBeNull();
    expect(reachedEnding(scenario, play(["e1", "b"], ["e1e", "a"], ["e2", "a"]))).toBe("essai-f2"); // flag « seul » blocks F1
    expect(reachedEnding(scenario, play(["e1", "a"], ["e2", "b"]))).toBe("essai-f3"); // impact 1
    expect(best.can(choose("e2", "a"))).toBe(false);
  });
});

describe("replay", () => {
  test("replays valid choices and reports the first impossible one", () => {
    expect(replayChoices(scenario, [{ sceneId: "e1", choiceId: "a" }])).toMatchObject({ ok: true, sceneId: "e2", endingId: null });
    expect(
      replayChoices(scenario, [
        { sceneId: "e1", choiceId: "a" },
        { sceneId: "e1e", choiceId: "a" },
      ]),
    ).toMatchObject({ ok: false, at: 1 });
    expect(
      replayChoices(scenario, [
        { sceneId: "e1", choiceId: "a" },
        { sceneId: "e2", choiceId: "a" },
      ]),
    ).toMatchObject({ ok: true, endingId: "essai-f1" });
  });

  test("choices travel in an address and back", () => {
    const choices = [
      { sceneId: "e1", choiceId: "b" },
      { sceneId: "e1e", choiceId: "a" },
    ];
    expect(encodeChoices(choices)).toBe("e1-b.e1e-a");
    expect(decodeChoices("e1-b.e1e-a")).toEqual(choices);
    expect(decodeChoices("")).toEqual([]);
    expect(decodeChoices(null)).toBeNull();
    expect(decodeChoices("e1-z")).toBeNull();
    expect(decodeChoices("<script>")).toBeNull();
  });
});

describe("state helpers", () => {
  test("conditions: comparisons, flags, not, all, any", () => {
    const values = { vars: { a: 5 }, flags: { f: true } };
    expect(evaluate({ var: "a", gte: 5 }, values)).toBe(true);
    expect(evaluate({ var: "a", gt: 5 }, values)).toBe(false);
    expect(evaluate({ all: [{ var: "a", lte: 5 }, { flag: "f" }] }, values)).toBe(true);
    expect(evaluate({ any: [{ var: "a", lt: 2 }, { not: { flag: "f" } }] }, values)).toBe(false);
    expect(evaluate({ var: "inconnue", eq: 0 }, values)).toBe(false);
    expect(evaluate(undefined, values)).toBe(true);
  });

  test("levels and effects in words", () => {
    expect(levelLabel(scenario, "confiance", 3)).toBe("fragile");
    expect(levelLabel(scenario, "confiance", 4)).toBe("correcte");
    expect(levelLabel(scenario, "impact", 4)).toBeNull();
    expect(effectsText(scenario, { effects: { confiance: -2, impact: 1 } })).toBe("Confiance\u00a0−2, Impact\u00a0+1");
    expect(initialValues(scenario)).toEqual({ vars: { confiance: 3, impact: 0 }, flags: { seul: false } });
  });
});
