/**
 * New learners walk whole paths of the real content: every lesson in order, each of its quizzes and
 * simulations, the final assessment, the final project for the 12 h path, and leave with a
 * certificate whose code an anonymous visitor verifies.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures.ts";
import { walkPath } from "./walk-path.ts";

async function verifyAnonymously(browser: Browser, code: string, pathTitle: string) {
  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(`/verifier/${code}`);
  await expect(page.getByRole("heading", { name: "Certificat valide" })).toBeVisible();
  await expect(page.getByText(pathTitle)).toBeVisible();
  await visitor.close();
}

async function certificateCode(page: Page, pathTitle: string) {
  await page.goto("/tableau-de-bord");
  await page.getByRole("link", { name: `Certificat « ${pathTitle} »` }).click();
  await expect(page.locator(".certificate-facts")).toContainText("%");
  return (await page.locator(".certificate-facts .verification-code").innerText()).trim();
}

test("a new learner completes « Découvrir » end to end and gets the certificate", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signUp(page, newAccount({ name: "Inès Parcours-Complet", profile: "Élu·e" }));
  expect((await walkPath(page, "decouvrir")).length).toBeGreaterThanOrEqual(9);
  await page.goto("/parcours/decouvrir");
  await expect(page.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();
  const code = await certificateCode(page, "Découvrir");
  await expect(page.getByText("Inès Parcours-Complet", { exact: true })).toBeVisible();
  await verifyAnonymously(browser, code, "Découvrir");
});

test("a new learner completes « Concevoir sa démarche », final project included, and gets the certificate", async ({ page, browser }) => {
  test.setTimeout(900_000);
  await signUp(page, newAccount({ name: "Jules Douze-Heures", profile: "Étudiant·e" }));
  // 43 lessons: the 1 h and 4 h finals sit in modules of their own paths (m3-fin, m9-fin), and the
  // « carré magique » is a box in l10-1, not a lesson (issue 19).
  expect((await walkPath(page, "concevoir-sa-demarche")).length).toBeGreaterThanOrEqual(43);

  // Everything is done but the project: the certificate waits for it.
  await page.goto("/parcours/concevoir-sa-demarche");
  await expect(page.getByText(/Rédiger et remettre le projet final|Remettre le projet final/)).toBeVisible();

  await page.goto("/projet/projet-12h");
  const steps = await page.locator(".project-steps a[href*='/etapes/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(steps).toHaveLength(7);
  for (const step of steps) {
    await page.goto(step);
    for (const field of await page.locator("textarea").all()) {
      if (!(await field.inputValue()).trim())
        await field.fill("Une réponse rédigée pour le test de bout en bout, à partir du cas de mon territoire.");
    }
    await page.getByRole("button", { name: /^Enregistrer et passer/ }).click();
    await expect(page).not.toHaveURL(step);
  }
  await expect(page.getByRole("heading", { level: 1, name: "Auto-évaluation" })).toBeVisible();
  for (const criterion of await page.locator("fieldset.criterion").all()) {
    await criterion.getByLabel(/^3 — /).check();
    await criterion.getByLabel("Quel élément de votre projet justifie ce niveau ?").fill("La rubrique correspondante du projet.");
  }
  await page.getByRole("button", { name: "Enregistrer et revenir au projet" }).click();
  await page.getByRole("button", { name: "Remettre mon projet" }).click();
  await expect(page.getByText("Projet remis.")).toBeVisible();

  const code = await certificateCode(page, "Concevoir sa démarche");
  await verifyAnonymously(browser, code, "Concevoir sa démarche");
});
