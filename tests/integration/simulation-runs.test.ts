/**
 * Simulation runs on both databases: choices replayed through the scenario's machine before they
 * are stored, the ending computed on the server, forged or impossible choices refused.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { expect, test } from "vitest";
import { orderFromSeed, parseChoiceOrder } from "~/simulations/choice-order.ts";
import { chooseInRun, finishedRuns, getSimulationView, restartRun, SimulationError, startRun } from "~/simulations/runs.server.ts";
import { ScenarioSchema } from "~/simulations/scenario-schema.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const scenario = ScenarioSchema.parse(parse(readFileSync(path.resolve("tests/fixtures/courses/scenarios/cas-essai.yaml"), "utf8")));

describeEachDatabase("simulation runs", (get) => {
  const learner = () => createLearner(get().db, { name: "Sim Test", profile: "ELECTED_OFFICIAL", emailPrefix: "sim" });
  async function expectRefused(promise: Promise<unknown>, status: number, code: string) {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SimulationError);
    expect(error).toMatchObject({ status, code });
  }

  test("a run to its ending: choices stored in order, ending and final values computed by the server", async () => {
    const { db } = get();
    const userId = await learner();
    const run = await startRun(db, userId, scenario);
    expect(await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1", choiceId: "b" })).toMatchObject({
      sceneId: "e1e",
      endingId: null,
    });
    await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1e", choiceId: "a" });
    const last = await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e2", choiceId: "a" });
    expect(last).toMatchObject({ sceneId: null, endingId: "essai-f2" });
    const stored = await db.simulationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(JSON.parse(stored.choices)).toEqual([
      { sceneId: "e1", choiceId: "b" },
      { sceneId: "e1e", choiceId: "a" },
      { sceneId: "e2", choiceId: "a" },
    ]);
    expect(stored).toMatchObject({ endingId: "essai-f2", step: 3, openSlot: null });
    expect(JSON.parse(stored.finalState!)).toEqual({ vars: { confiance: 4, impact: 4 }, flags: { seul: true } });
    expect(stored.finishedAt).not.toBeNull();
    expect((await finishedRuns(db, userId, [scenario.id])).get(scenario.id)?.endingId).toBe("essai-f2");
  });

  test("an impossible choice (another scene, an unknown choice) is refused and nothing changes", async () => {
    const { db } = get();
    const userId = await learner();
    const run = await startRun(db, userId, scenario);
    await expectRefused(chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e2", choiceId: "a" }), 409, "choix-impossible");
    await expectRefused(chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1", choiceId: "d" }), 409, "choix-impossible");
    // e1e can only follow e1 b: going there after e1 a is impossible.
    await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1", choiceId: "a" });
    await expectRefused(chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1e", choiceId: "a" }), 409, "choix-impossible");
    expect((await db.simulationRun.findUniqueOrThrow({ where: { id: run.id } })).step).toBe(1);
  });

  test("the same choice sent twice (double click) is stored once", async () => {
    const { db } = get();
    const userId = await learner();
    const run = await startRun(db, userId, scenario);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 3 }, () => chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1", choiceId: "a" })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const stored = await db.simulationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(JSON.parse(stored.choices)).toEqual([{ sceneId: "e1", choiceId: "a" }]);
  });

  test("another learner's run, or a finished run, cannot be played", async () => {
    const { db } = get();
    const owner = await learner();
    const intruder = await learner();
    const run = await startRun(db, owner, scenario);
    await expectRefused(chooseInRun(db, scenario, intruder, { runId: run.id, sceneId: "e1", choiceId: "a" }), 404, "partie-introuvable");
    await chooseInRun(db, scenario, owner, { runId: run.id, sceneId: "e1", choiceId: "a" });
    await chooseInRun(db, scenario, owner, { runId: run.id, sceneId: "e2", choiceId: "b" });
    await expectRefused(chooseInRun(db, scenario, owner, { runId: run.id, sceneId: "e2", choiceId: "a" }), 409, "partie-terminee");
  });

  test("one open run per learner and scenario, even when starting twice at once; restart leaves it", async () => {
    const { db } = get();
    const userId = await learner();
    const starts = await Promise.all(Array.from({ length: 4 }, () => startRun(db, userId, scenario)));
    expect(new Set(starts.map((run) => run.id)).size).toBe(1);
    await chooseInRun(db, scenario, userId, { runId: starts[0]!.id, sceneId: "e1", choiceId: "a" });
    const fresh = await restartRun(db, userId, scenario);
    expect(fresh.id).not.toBe(starts[0]!.id);
    const abandoned = await db.simulationRun.findUniqueOrThrow({ where: { id: starts[0]!.id } });
    expect(abandoned).toMatchObject({ openSlot: null, endingId: null });
    expect(abandoned.abandonedAt).not.toBeNull();
    expect((await getSimulationView(db, scenario, userId)).run).toMatchObject({ id: fresh.id, choices: [] });
  });

  test("a visitor's choices come from the address and must be valid", async () => {
    const { db } = get();
    const valid = await getSimulationView(db, scenario, null, { anonymousChoices: [{ sceneId: "e1", choiceId: "a" }] });
    expect(valid.run).toMatchObject({ id: null, choices: [{ sceneId: "e1", choiceId: "a" }] });
    const forged = await getSimulationView(db, scenario, null, { anonymousChoices: [{ sceneId: "e2", choiceId: "a" }] });
    expect(forged.run).toBeNull();
  });

  test("each run stores its own order of options, drawn at creation; the view, the restart and the finished run keep to it", async () => {
    const { db } = get();
    const userId = await learner();
    const run = await startRun(db, userId, scenario);
    const order = parseChoiceOrder(run.choiceOrder);
    // Every scene has an order, and it is a permutation of the scene's options.
    for (const scene of scenario.scenes) expect([...order[scene.id]!].sort()).toEqual(scene.choices.map((choice) => choice.id).sort());
    // Reloading the page (a new view) and starting again while the run is open give the same order.
    expect((await getSimulationView(db, scenario, userId)).run).toEqual({ id: run.id, choices: [], order });
    expect(parseChoiceOrder((await startRun(db, userId, scenario)).choiceOrder)).toEqual(order);
    await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e1", choiceId: "a" });
    await chooseInRun(db, scenario, userId, { runId: run.id, sceneId: "e2", choiceId: "b" });
    // The debrief of the finished run (« Revoir le débriefing ») lists the options in the same order.
    expect((await getSimulationView(db, scenario, userId)).lastFinished).toMatchObject({ endingId: expect.any(String), order });
    const stored = await db.simulationRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(JSON.parse(stored.choiceOrder)).toEqual(order);
  });

  test("new runs draw new orders: over 24 runs, the first option shown is not always the same", async () => {
    const { db } = get();
    const userId = await learner();
    const firsts = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const run = await restartRun(db, userId, scenario);
      firsts.add(parseChoiceOrder(run.choiceOrder)["e2"]![0]!);
    }
    // e2 has two options: the chance that 24 fair draws all put the same one first is 2 × 2⁻²⁴.
    expect(firsts.size).toBe(2);
  });

  test("a visitor's order comes from the seed in the address: the same seed, the same order; no seed, a new one", async () => {
    const { db } = get();
    const choices = [{ sceneId: "e1", choiceId: "a" }];
    const first = await getSimulationView(db, scenario, null, { anonymousChoices: choices, anonymousSeed: "graine0001" });
    expect(first.orderSeed).toBe("graine0001");
    expect(first.run?.order).toEqual(orderFromSeed(scenario, "graine0001"));
    expect((await getSimulationView(db, scenario, null, { anonymousChoices: choices, anonymousSeed: "graine0001" })).run?.order).toEqual(
      first.run?.order,
    );
    const fresh = await getSimulationView(db, scenario, null, { anonymousChoices: null, anonymousSeed: "<script>" });
    expect(fresh.orderSeed).toMatch(/^[a-z0-9]{10}$/);
  });

  test("runs created before orders existed (order « {} ») are shown as written", async () => {
    const { db } = get();
    const userId = await learner();
    await db.simulationRun.create({ data: { userId, scenarioId: scenario.id, openSlot: `${userId}:${scenario.id}` } });
    expect((await getSimulationView(db, scenario, userId)).run?.order).toEqual({});
  });
});
