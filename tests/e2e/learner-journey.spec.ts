/**
 * A new learner walks the whole 1 h path on the real content: every lesson in order, each of its
 * quizzes and its simulation, the final assessment, and leaves with a certificate whose PDF holds
 * their name and whose code an anonymous visitor verifies.
 */
import { expect, newAccount, signUp, test, waitForHydration } from "./fixtures.ts";
import { passQuiz, playToAnEnding } from "./course-answers.ts";

test("a new learner completes « Découvrir » end to end and gets the certificate", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const account = newAccount({ name: "Inès Parcours-Complet", profile: "Élu·e" });
  await signUp(page, account);
  await page.goto("/parcours/decouvrir");
  const lessons = await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  expect(lessons.length).toBeGreaterThanOrEqual(9);

  for (const url of lessons) {
    await page.goto(url);
    await waitForHydration(page);
    for (const simulation of await page.locator("section.simulation").all()) await playToAnEnding(simulation);
    for (const quiz of await page.locator("section.quiz").all()) {
      await expect(quiz.locator(".quiz__result-title").or(quiz.getByRole("button", { name: "Commencer le quiz" }))).toBeVisible();
      const result = await passQuiz(quiz);
      expect(result, url).toMatch(/Quiz réussi : 100 %|Quiz (non )?réussi : \d+ %/);
    }
    await page.getByRole("button", { name: "J'ai terminé cette leçon" }).click();
    await expect(page.getByText("Leçon marquée comme terminée."), url).toBeVisible();
  }

  await page.goto("/parcours/decouvrir");
  await expect(page.getByText(/Parcours achevé : votre certificat a été délivré le/)).toBeVisible();
  await page.goto("/tableau-de-bord");
  await page.getByRole("link", { name: "Certificat « Découvrir »" }).click();
  await expect(page.locator(".certificate-facts")).toContainText("100 %");
  await expect(page.getByText("Inès Parcours-Complet", { exact: true })).toBeVisible();
  const code = (await page.locator(".certificate-facts .verification-code").innerText()).trim();

  const visitor = await browser.newContext();
  const visitorPage = await visitor.newPage();
  await visitorPage.goto(`/verifier/${code}`);
  await expect(visitorPage.getByRole("heading", { name: "Certificat valide" })).toBeVisible();
  await expect(visitorPage.getByText("Découvrir")).toBeVisible();
  await visitor.close();
});
