/**
 * Messages that follow an action are said once, and say only what is true: a reload never repeats
 * « Cohorte créée »; a refused project submission leaves a clean address (no « ?index ») with its
 * message; a learner without workshop answers is not told they are waiting.
 */
import { expect, test, waitForHydration } from "../fixtures.ts";
import { createCohort, person } from "./people.ts";

test("« Cohorte créée » is shown after creating the cohort, and not again on reload", async ({ browser }) => {
  const trainer = await person(browser, { profile: "Formateur·rice" });
  const { dashboardUrl } = await createCohort(trainer.page, "Cohorte du message unique");
  await expect(trainer.page.getByText("Cohorte créée.")).toBeVisible();
  expect(new URL(trainer.page.url()).search).toBe("");
  await trainer.page.reload();
  await expect(trainer.page.getByRole("heading", { level: 1, name: "Cohorte du message unique" })).toBeVisible();
  await expect(trainer.page.getByText("Cohorte créée.")).toHaveCount(0);
  await trainer.page.goto(dashboardUrl);
  await expect(trainer.page.getByText("Cohorte créée.")).toHaveCount(0);
  await trainer.context.close();
});

for (const javaScript of [true, false]) {
  test(`a refused project submission says why, at the project's own address (JavaScript ${javaScript ? "on" : "off"})`, async ({
    browser,
  }) => {
    const learner = await person(browser, {}, { javaScript });
    await learner.page.goto("/projet/projet-essai");
    if (javaScript) await waitForHydration(learner.page);
    // Nothing written yet, no workshop answered: nothing « awaits » the learner.
    await expect(learner.page.getByText("Pas encore enregistré.", { exact: false })).toBeVisible();
    await expect(learner.page.getByText(/vous attend/)).toHaveCount(0);
    await learner.page.getByRole("button", { name: "Remettre mon projet" }).click();
    await expect(learner.page.getByText("Il reste des parties à compléter avant de remettre le projet")).toBeVisible();
    expect(new URL(learner.page.url()).pathname).toBe("/projet/projet-essai");
    expect(new URL(learner.page.url()).search).toBe("");
    await learner.page.reload();
    await expect(learner.page.getByText("Il reste des parties à compléter avant de remettre le projet")).toHaveCount(0);
    await learner.context.close();
  });
}
