/**
 * The trainer's view of a scenario on both databases: from runs really played through the engine
 * (startRun / chooseInRun), the cohort's strategies — the sequences of choices several learners
 * followed, with their ending — beside the endings and the per-decision shares.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { expect, test } from "vitest";
import { createCohort, joinCohort } from "~/cohorts/cohorts.server.ts";
import { scenarioSummaries, type CohortContent } from "~/cohorts/dashboard.ts";
import { loadCohortRows } from "~/cohorts/dashboard.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { chooseInRun, restartRun, startRun } from "~/simulations/runs.server.ts";
import { ScenarioSchema } from "~/simulations/scenario-schema.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const scenario = ScenarioSchema.parse(parse(readFileSync(path.resolve("tests/fixtures/courses/scenarios/cas-essai.yaml"), "utf8")));
const scenes = scenario.scenes.map((scene) => ({
  sceneId: scene.id,
  title: scene.title,
  choices: scene.choices.map(({ id, text }) => ({ id, text })),
}));
const content: CohortContent = {
  lessons: [{ id: "l1", title: "Leçon", minutes: 10 }],
  quizzes: [],
  scenarios: [
    {
      id: scenario.id,
      title: scenario.title,
      endings: scenario.endings.map(({ id, title }) => ({ id, title })),
      decisions: scenes.filter((scene) => scenario.scenes.find((s) => s.id === scene.sceneId)!.kind === "decision"),
      scenes,
    },
  ],
};

const account = (db: Db, profile: "TRAINER" | "STUDENT" = "STUDENT") =>
  createLearner(db, { name: "Stratège", profile, emailPrefix: "strategie" });

/** Plays a whole run through the engine, as the simulation's page does. */
async function play(db: Db, userId: string, moves: string, replay = false) {
  const run = replay ? await restartRun(db, userId, scenario) : await startRun(db, userId, scenario);
  for (const move of moves.split(" ")) {
    const [sceneId, choiceId] = move.split(":") as [string, string];
    await chooseInRun(db, scenario, userId, { runId: run.id, sceneId, choiceId });
  }
}

describeEachDatabase("a cohort's strategies in a scenario", (get) => {
  test("the sequences several learners followed, most followed first, with their ending; a replay and a lone route are not strategies", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const { id: cohortId, joinCode } = await createCohort(db, trainer, { name: "Stratégies", pathId: "parcours-essai" });
    const sequences = [
      "e1:a e2:a", // three learners gather everyone, then share governance
      "e1:a e2:a",
      "e1:a e2:a",
      "e1:b e1e:a e2:a", // two act alone, reopen the dialogue, share governance
      "e1:b e1e:a e2:a",
      "e1:a e2:b", // one learner alone on this route
    ];
    const learners: string[] = [];
    for (const moves of sequences) {
      const learner = await account(db);
      await joinCohort(db, learner, joinCode);
      await play(db, learner, moves);
      learners.push(learner);
    }
    // A replay by the lone learner, on the most followed route: only first finished runs count.
    await play(db, learners[5]!, "e1:a e2:a", true);
    // Someone outside the cohort on the second route: not counted.
    await play(db, await account(db), "e1:b e1e:a e2:a");

    const [summary] = scenarioSummaries(content, await loadCohortRows(db, cohortId, "parcours-essai", content));
    expect(summary).toMatchObject({ finished: 6, hidden: false, singleStrategies: 1 });
    expect(summary!.strategies).toEqual([
      {
        count: 3,
        endingId: "essai-f1",
        endingTitle: "Alliance en marche",
        steps: [
          { sceneId: "e1", title: "Par où commencer ?", choiceId: "a", text: "Réunir tout le monde." },
          { sceneId: "e2", title: "Animer", choiceId: "a", text: "Gouvernance partagée." },
        ],
      },
      {
        count: 2,
        endingId: "essai-f2",
        endingTitle: "Projet utile mais fragile",
        steps: [
          { sceneId: "e1", title: "Par où commencer ?", choiceId: "b", text: "Agir seul." },
          { sceneId: "e1e", title: "Un partenaire claque la porte", choiceId: "a", text: "Rouvrir le dialogue." },
          { sceneId: "e2", title: "Animer", choiceId: "a", text: "Gouvernance partagée." },
        ],
      },
    ]);
    // The per-decision shares stay beside them.
    expect(summary!.decisions.find((decision) => decision.sceneId === "e1")!.choices).toEqual([
      { choiceId: "a", text: "Réunir tout le monde.", count: 4 },
      { choiceId: "b", text: "Agir seul.", count: 2 },
    ]);
  });
});
