/**
 * The positioning of the 1 h path, as people do it: a learner in a cohort is invited before the
 * first lesson, answers (with and without JavaScript; a missing level gets its message, nothing
 * saved), completes the lessons at reading pace (test clock), finds the entry frozen, answers the
 * exit self-assessment and reads their progression (at 320 px too); their trainer reads it, the
 * cohort's distribution stays hidden under 5, the CSV has the levels; another trainer gets a 404.
 */
import type { Page } from "@playwright/test";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";
import { createCohort, joinWithCode, person } from "./engine/people.ts";
import { markLessonDone } from "./test-clock.ts";

const PATH = "/parcours/decouvrir";

/** Every objective of the form at one level (« 1 — » is « Je découvre »…). */
async function rateEveryObjective(page: Page, label: string) {
  const objectives = page.locator("fieldset.criterion").filter({ has: page.locator("legend", { hasText: /^\d+\. / }) });
  const count = await objectives.count();
  expect(count).toBe(4);
  for (let index = 0; index < count; index++) await objectives.nth(index).getByLabel(label, { exact: true }).check();
}

test("a learner in a cohort positions themselves before the first lesson, self-assesses at the end, and sees their progression", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const trainer = await person(browser, { name: "Rose Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Élus du canton", undefined, /Découvrir/);
  const { page } = await person(browser, { name: "Léa Positionnée", profile: "Élu·e" });
  await joinWithCode(page, code);

  await page.goto(PATH);
  await expect(page.getByRole("heading", { name: "Avant de commencer : où en êtes-vous ?" })).toBeVisible();
  await page.getByRole("link", { name: "Commencer le parcours" }).click();
  await expect(page).toHaveURL(`${PATH}/positionnement`);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1, name: "Avant de commencer : où en êtes-vous ?" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Passer cette étape et commencer la première leçon" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A level left out: its message beside it, and nothing saved.
  await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
  await expect(page.getByText("Rien n'a été enregistré : répondez aux questions signalées.")).toBeVisible();
  await expect(page.getByText("Choisissez où vous en êtes pour cet objectif.")).toHaveCount(4);

  await rateEveryObjective(page, "Je découvre");
  await page
    .getByRole("group", { name: "Dans quel cadre suivez-vous ce parcours ?" })
    .getByLabel("Je suis élu·e ou je prépare un mandat.")
    .check();
  await page.getByLabel("Qu'attendez-vous de cette heure ?").fill("Comprendre comment travailler avec les associations de la commune.");
  await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
  await expect(page).toHaveURL(new RegExp(`${PATH}\\?positionnement=enregistre`));
  await expect(page.getByText("Positionnement enregistré.")).toBeVisible();

  // The lessons at reading pace: the server's clock moves on, each lesson is marked done.
  const lessons = await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(lessons.length).toBeGreaterThanOrEqual(9);
  for (const [index, url] of lessons.entries()) {
    await page.goto(url);
    await waitForHydration(page);
    await markLessonDone(page, { seconds: 40 * 60 });
    await expect(page.getByText("Leçon marquée comme terminée."), url).toBeVisible();
    if (index === 0) {
      // Once a lesson is completed, the entry is the starting point: no longer open.
      await page.goto(`${PATH}/positionnement`);
      await expect(
        page.getByText(/Le positionnement d'entrée se fait avant la première leçon terminée\s: il n'est plus modifiable\./),
      ).toBeVisible();
      await expect(page.getByRole("button", { name: "Enregistrer mes réponses" })).toHaveCount(0);
    }
  }

  await page.goto(PATH);
  await expect(page.getByRole("heading", { name: "Où en êtes-vous maintenant ?" })).toBeVisible();
  await page.getByRole("link", { name: "M'auto-évaluer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Fin de parcours : où en êtes-vous maintenant ?" })).toBeVisible();
  await waitForHydration(page);
  await rateEveryObjective(page, "Je sais faire avec de l'aide");
  await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
  await expect(page.getByText("Auto-évaluation enregistrée.")).toBeVisible();

  const table = page.getByRole("table", { name: "Votre progression, objectif par objectif" });
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(table.locator("tbody tr").first()).toContainText("1 — Je découvre");
  await expect(table.locator("tbody tr").first()).toContainText("3 — Je sais faire avec de l'aide");
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Readable at 320 px: the page itself never scrolls sideways (the table's region may).
  await page.setViewportSize({ width: 320, height: 640 });
  await expect(table).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // The trainer: the member's levels and answers; the cohort's distribution hidden (1 respondent); the CSV.
  await trainer.page.goto(dashboardUrl);
  await expect(trainer.page.getByText(/Niveaux à l'entrée\s: répartition masquée \(moins de 5 répondant·es\)\./).first()).toBeVisible();
  await trainer.page.getByRole("link", { name: "Léa Positionnée" }).click();
  const levels = trainer.page.getByRole("region", { name: "Tableau : niveau déclaré par objectif" });
  await expect(levels.locator("tbody tr").first()).toContainText("1 — Je découvre");
  await expect(levels.locator("tbody tr").first()).toContainText("3 — Je sais faire avec de l'aide");
  await expect(trainer.page.getByText("Comprendre comment travailler avec les associations de la commune.")).toBeVisible();
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);
  const learnerUrl = new URL(trainer.page.url()).pathname;
  const csv = await (await trainer.page.request.get(`${dashboardUrl}/export.csv`)).text();
  expect(csv).toContain("Positionnement d'entrée, objectif 1");
  expect(csv.split("\r\n").find((line) => line.startsWith("Léa Positionnée"))).toMatch(/;1;1;1;1;3;3;3;3$/);

  // Another trainer: neither the learner's page nor the cohort exists for them.
  const other = await person(browser, { name: "Autre Formateur", profile: "Formateur·rice" });
  expect((await other.page.request.get(learnerUrl)).status()).toBe(404);
  expect((await other.page.request.get(dashboardUrl)).status()).toBe(404);
});

test("without JavaScript, the positioning is answered with plain forms, errors included", async ({ browser }) => {
  const { page } = await person(browser, { name: "Noé Sans-Script", profile: "Agent·e public" }, { javaScript: false });
  await page.goto(PATH);
  await page.getByRole("link", { name: "Me positionner" }).click();
  await expect(page).toHaveURL(`${PATH}/positionnement`);
  const objectives = page.locator("fieldset.criterion").filter({ has: page.locator("legend", { hasText: /^\d+\. / }) });
  await objectives.nth(0).getByLabel("J'ai des notions", { exact: true }).check();
  await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
  await expect(page.getByText("Choisissez où vous en êtes pour cet objectif.")).toHaveCount(3);
  // What was chosen is still chosen.
  await expect(objectives.nth(0).getByLabel("J'ai des notions", { exact: true })).toBeChecked();
  await rateEveryObjective(page, "J'ai des notions");
  await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
  await expect(page.getByText("Positionnement enregistré.")).toBeVisible();
  await expect(page.getByText(/Votre positionnement d'entrée est enregistré/)).toBeVisible();
  // Still open before a lesson is completed: the answers come back checked.
  await page.getByRole("link", { name: "modifier mon positionnement" }).click();
  await expect(objectives.nth(3).getByLabel("J'ai des notions", { exact: true })).toBeChecked();
});
