/**
 * Activities the course itself calls « une lecture proposée » are not graded: the learner writes
 * their reading (<Reflection>), then compares it with one possible reading and its discussion
 * (<ModelAnswer>), which opens once the reading is saved, or on demand — with or without JavaScript.
 * The Wimoov classification of L4.3 (4 h and 12 h paths) was a graded quiz whose instructions gave
 * its answer away (« chaque catégorie reçoit deux situations »).
 */
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test, waitForHydration } from "./fixtures.ts";

const WIMOOV = "/parcours/comprendre-et-se-situer/classer-huit-situations";
const AFM = "/parcours/concevoir-sa-demarche/triple-innovation-et-valorisation";

const reading = (page: Page) => page.getByLabel(/^Votre lecture\s: pour chacune des huit situations/);
const modelAnswer = (page: Page) => page.locator("details.model-answer");
/** A sentence of the model answer, visible only while it is open. */
const modelSentence = (page: Page) => page.getByText(/^Mécénat\s: situations 3 et 7\./);

async function expectUngraded(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: "Activité : classer huit situations" })).toBeVisible();
  // No quiz, no score, and nothing in the instructions that tells how many situations go where.
  await expect(page.locator("section.quiz")).toHaveCount(0);
  await expect(page.getByText(/reçoit deux situations/)).toHaveCount(0);
  await expect(page.getByText("Il n'y a pas de note : c'est votre lecture qui compte")).toBeVisible();
  await expect(modelAnswer(page)).not.toHaveAttribute("open");
  await expect(modelSentence(page)).toBeHidden();
}

test("Wimoov: a learner writes a reading, saves it, and the possible reading opens to compare", async ({ page }) => {
  await signUp(page, newAccount({ profile: "Agent·e public" }));
  await page.goto(WIMOOV);
  await waitForHydration(page);
  await expectUngraded(page);
  await reading(page).fill("1 : innovation sociétale (on invente un service). 2 : mécénat ? 3 : mécénat. 4 : coopération économique.");
  const form = page.locator("form", { has: reading(page) });
  await form.getByRole("button", { name: "Enregistrer ma réponse" }).click();
  await expect(form.getByText(/^Réponse enregistrée le/)).toBeVisible();
  await expect(modelAnswer(page)).toHaveAttribute("open", "");
  await expect(modelSentence(page)).toBeVisible();
  await expect(modelAnswer(page).getByText("Une lecture proposée, pas un verdict des sources")).toBeVisible();
  // Coming back, the reading is there and the possible reading stays open.
  await page.reload();
  await expect(reading(page)).toHaveValue(/^1\s: innovation sociétale/);
  await expect(modelSentence(page)).toBeVisible();
});

test("AFM-Téléthon: the triple-innovation grid is a reading too, open on demand", async ({ page }) => {
  await page.goto(AFM);
  await waitForHydration(page);
  await expect(page.locator("section.quiz", { hasText: "triple innovation appliquée" })).toHaveCount(0);
  await expect(page.getByText(/reçoit deux éléments/)).toHaveCount(0);
  const details = page.locator("details.model-answer");
  await expect(details.getByText(/^Proposition de valeur\s: éléments 1 et 2\./)).toBeHidden();
  await details.getByText("Une lecture possible du cas AFM-Téléthon").click();
  await expect(details.getByText(/^Proposition de valeur\s: éléments 1 et 2\./)).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("Wimoov: the reading is saved by a plain form, and the page comes back with the possible reading open", async ({ page }) => {
    await signUp(page, newAccount({ profile: "Étudiant·e" }), { redirectTo: WIMOOV, javaScript: false });
    await page.goto(WIMOOV);
    await expectUngraded(page);
    await reading(page).fill(
      "1 et 6 : innovation sociétale. 3 et 7 : mécénat. Le reste : j'hésite entre pratiques responsables et coopération.",
    );
    await page
      .locator("form", { has: reading(page) })
      .getByRole("button", { name: "Enregistrer ma réponse" })
      .click();
    await expect(reading(page)).toHaveValue(/^1 et 6\s: innovation sociétale/);
    await expect(modelAnswer(page)).toHaveAttribute("open", "");
    await expect(modelSentence(page)).toBeVisible();
  });

  test("a visitor opens the possible reading on demand", async ({ page }) => {
    await page.goto(WIMOOV);
    await expectUngraded(page);
    await modelAnswer(page).locator("summary").click();
    await expect(modelSentence(page)).toBeVisible();
  });
});
