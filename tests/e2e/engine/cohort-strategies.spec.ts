/**
 * The trainer's view of a simulation: once five learners of the cohort have finished the fixture
 * scenario, the dashboard shows the endings, each decision's shares and the strategies — the
 * sequences of choices several learners followed, with the ending they led to.
 */
import type { Page } from "@playwright/test";
import { expect, seriousAxeViolations, test } from "../fixtures.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

/** Plays the fixture scenario as the page's script does (the same requests), to save time. */
async function play(page: Page, moves: string) {
  const origin = new URL(page.url()).origin;
  const post = (fields: Record<string, string>) =>
    page.request.post(`${origin}/simulations/cas-essai?_data=${encodeURIComponent("routes/simulations.$id")}`, {
      headers: { Origin: origin },
      form: { mode: "js", retour: "/simulations/cas-essai", ...fields },
    });
  const { run } = (await (await post({ intent: "commencer" })).json()) as { run: { id: string } };
  for (const move of moves.split(" ")) {
    const [sceneId, choix] = move.split(":") as [string, string];
    expect((await post({ intent: "choisir", runId: run.id, sceneId, choix })).status()).toBe(200);
  }
}

test("the cohort dashboard shows the strategies learners followed in a simulation, with their ending", async ({ browser }) => {
  test.setTimeout(120_000);
  const trainer = await person(browser, { name: "Inès Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Stratégies — essai");
  const routes = ["e1:a e2:a", "e1:a e2:a", "e1:a e2:a", "e1:b e1e:a e2:a", "e1:b e1e:a e2:a"];
  for (const [index, moves] of routes.entries()) {
    const learner = await person(browser, { name: `Apprenant·e ${index + 1}` });
    await joinWithCode(learner.page, code);
    await play(learner.page, moves);
    await learner.context.close();
  }

  await trainer.page.goto(dashboardUrl);
  const strategies = trainer.page.locator(".strategies");
  await expect(strategies.getByText("Stratégies suivies")).toBeVisible();
  const items = strategies.locator(":scope > ol > li");
  await expect(items).toHaveCount(2);
  await expect(items.nth(0).locator("summary")).toHaveText("3 sur 5 (60 %) · fin « Alliance en marche »");
  await expect(items.nth(1).locator("summary")).toHaveText("2 sur 5 (40 %) · fin « Projet utile mais fragile »");
  await items.nth(1).locator("summary").click();
  await expect(items.nth(1).getByRole("listitem")).toHaveText([
    "Par où commencer ? : Agir seul.",
    "Un partenaire claque la porte : Rouvrir le dialogue.",
    "Animer : Gouvernance partagée.",
  ]);
  // Beside them, each decision's shares, with the option's text.
  await expect(trainer.page.getByRole("figure").filter({ hasText: "Décision « Par où commencer ? »" })).toContainText(
    "Réunir tout le monde.",
  );
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);
  await trainer.context.close();
});
