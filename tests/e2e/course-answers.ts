/**
 * The answer key of the real quizzes, read from courses/quizzes/*.yaml the way an author wrote
 * it and typeset as the server serves it, so that an end-to-end test can play a quiz right through the interface (the browser never
 * receives the key). Also plays a simulation to an ending.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { expect, type Locator } from "@playwright/test";
import { frenchTypography, typesetDeep } from "~/utils/french-typography.ts";
import { ScenarioSchema, END, type Scenario } from "~/simulations/scenario-schema.ts";
import { applyChoice, endingFor, initialValues, nextStep, type ScenarioValues } from "~/simulations/scenario-state.ts";
import { effectsText } from "~/simulations/simulation-format.ts";

type Question =
  | { id: string; type: "choix-unique" | "choix-multiple"; stem: string; options: Array<{ text: string; correct?: boolean }> }
  | { id: string; type: "vrai-faux"; stem: string; answer: boolean }
  | { id: string; type: "association"; stem: string; pairs: Array<{ left: string; right: string }> }
  | { id: string; type: "remise-en-ordre"; stem: string; items: string[] };

function loadQuestions(dir: string): Map<string, Question> {
  const byStem = new Map<string, Question>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".yaml"))) {
    const quiz = parse(readFileSync(path.join(dir, file), "utf8")) as { questions: Array<Question | { from: string }> };
    // The server serves every text typeset (no-break spaces): the key reads them the same way.
    for (const question of quiz.questions)
      if (!("from" in question)) byStem.set(frenchTypography(question.stem).trim(), typesetDeep(question));
  }
  return byStem;
}

const QUESTIONS = loadQuestions(path.resolve("courses/quizzes"));

async function answer(quiz: Locator, question: Question) {
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple":
      for (const option of question.options.filter((o) => o.correct)) await quiz.getByLabel(option.text, { exact: true }).check();
      return;
    case "vrai-faux":
      await quiz.getByLabel(question.answer ? "Vrai" : "Faux", { exact: true }).check();
      return;
    case "association":
      for (const pair of question.pairs) await quiz.getByLabel(pair.left, { exact: true }).selectOption({ label: pair.right });
      return;
    case "remise-en-ordre":
      for (const [index, item] of question.items.entries())
        await quiz.getByLabel(item, { exact: true }).selectOption({ label: `Position ${index + 1}` });
      return;
  }
}

/** Starts the quiz and answers every question right; returns the score shown at the end. */
export async function passQuiz(quiz: Locator): Promise<string> {
  await quiz.getByRole("button", { name: /^(Commencer|Recommencer) le quiz$/ }).click();
  for (let step = 0; step < 60; step++) {
    const result = quiz.locator(".quiz__result-title");
    if (await result.isVisible()) return (await result.innerText()).trim();
    const legend = quiz.locator("legend").first();
    await expect(legend).toBeVisible();
    const stem = (await legend.evaluate((el) => el.firstChild?.textContent ?? "")).trim();
    const question = QUESTIONS.get(stem);
    if (!question) throw new Error(`question introuvable dans courses/quizzes : « ${stem} »`);
    await answer(quiz, question);
    await quiz.getByRole("button", { name: "Valider ma réponse" }).click();
    // A practice quiz shows the correction and a link on; a final assessment goes straight to its
    // result after the last answer.
    const next = quiz.getByRole("link", { name: /Question suivante|Voir mon résultat/ });
    await expect(next.or(quiz.locator(".quiz__result-title"))).toBeVisible();
    if (await next.isVisible()) await next.click();
  }
  throw new Error("le quiz ne s'est pas terminé");
}

/** Starts a simulation and takes the first choice at every scene until an ending. */
export async function playToAnEnding(simulation: Locator) {
  await simulation.getByRole("button", { name: "Commencer la simulation" }).click();
  // Signed in, the run is created on the server first: wait for the first scene.
  await expect(simulation.locator(".choice-button").first()).toBeVisible();
  const ending = simulation.getByText("Fin de la simulation");
  for (let step = 1; step <= 30; step++) {
    await simulation.locator(".choice-button").first().click();
    // Either the journal has recorded this decision and the next scene is shown, or it was the last.
    await expect(ending.or(simulation.locator(".simulation__journal summary", { hasText: `(${step})` }))).toBeVisible();
    if (await ending.isVisible()) return;
  }
  throw new Error("la simulation ne s'est pas terminée");
}

/**
 * The run of a real scenario that makes the longest debrief: the most decisions, then the longest
 * ending text, then the longest effect summaries — found by walking every run of the scenario file.
 * A test that plays it measures the worst case, not whichever route the drawn option order gives.
 */
export function longestDebriefRun(scenarioId: string): string[] {
  const scenario: Scenario = ScenarioSchema.parse(parse(readFileSync(path.resolve(`courses/scenarios/${scenarioId}.yaml`), "utf8")));
  const scenes = new Map(scenario.scenes.map((scene) => [scene.id, scene]));
  let best: { choices: string[]; score: [number, number, number] } | null = null;
  const better = (a: [number, number, number], b: [number, number, number]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const walk = (sceneId: string, values: ScenarioValues, choices: string[], effectChars: number) => {
    const scene = scenes.get(sceneId);
    if (!scene || choices.length > 30) return;
    for (const choice of scene.choices) {
      const after = applyChoice(scenario, values, choice);
      const next = nextStep(choice, after);
      const taken = [...choices, choice.id];
      const chars = effectChars + effectsText(scenario, choice).length + scene.title.length;
      if (next === END) {
        const ending = endingFor(scenario, after);
        const score: [number, number, number] = [taken.length, (ending?.title.length ?? 0) + (ending?.message.length ?? 0), chars];
        if (!best || better(score, best.score) > 0) best = { choices: taken, score };
      } else if (next) walk(next, after, taken, chars);
    }
  };
  walk(scenario.start, initialValues(scenario), [], 0);
  if (!best) throw new Error(`${scenarioId} : aucune fin atteignable`);
  return (best as { choices: string[] }).choices;
}

/** Starts a simulation and takes, scene after scene, the choices given (by their id: a, b, c, d). */
export async function playRun(simulation: Locator, choices: string[]) {
  await simulation.getByRole("button", { name: "Commencer la simulation" }).click();
  await expect(simulation.locator(".choice-button").first()).toBeVisible();
  for (const [index, id] of choices.entries()) {
    await simulation.locator(`.choice-button[value="${id}"]`).click();
    const step = index + 1;
    if (step === choices.length) await expect(simulation.getByText("Fin de la simulation")).toBeVisible();
    else await expect(simulation.locator(".simulation__journal summary", { hasText: `(${step})` })).toBeVisible();
  }
}
