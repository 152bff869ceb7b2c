/**
 * The certificate is announced the moment it is issued, whatever step completes the path (the last
 * lesson, or a simulation played to its end in the page), once; the dashboard then shows it first.
 * The path page sums up the remaining lessons in one line instead of listing each of them.
 */
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test, waitForHydration } from "../fixtures.ts";
import { completeLesson, passFinalAssessment, playSimulation } from "./fixture-course.ts";
import { markLessonDone, spendActiveTime } from "../test-clock.ts";

/** Half of the fixture path's 20 minutes, recorded as a lesson page records it. */
const earnActiveTime = (page: Page) => spendActiveTime(page, { lessonId: "e2-1", pathId: "parcours-essai", seconds: 10 * 60 });

const NOTICE = "Félicitations : votre certificat « Parcours d'essai » est délivré.";

async function expectNotice(page: Page) {
  const notice = page.getByRole("status").filter({ hasText: NOTICE });
  await expect(notice).toBeVisible();
  await expect(notice.getByRole("link", { name: "Voir et partager le certificat" })).toHaveAttribute("href", /^\/certificats\/[^/]+$/);
  await expect(notice.getByRole("link", { name: "Télécharger le PDF" })).toHaveAttribute("href", /^\/certificats\/[^/]+\/pdf$/);
}

test("finishing the last lesson announces the certificate once; the dashboard shows it first", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/parcours/essai");
  const checklist = page.locator(".certificate-panel .checklist li");
  await expect(checklist.first()).toHaveText("Terminer les 3 leçons du parcours");
  // Lessons in one line, then the final assessment, the simulation and the active time.
  await expect(checklist).toHaveCount(4);

  await completeLesson(page, "introduction");
  await page.goto("/parcours/essai");
  await expect(checklist.first()).toHaveText("Terminer les 2 leçons qui restent sur 3 (le programme ci-dessous les signale)");
  await completeLesson(page, "carte-des-acteurs");
  await page.goto("/parcours/essai");
  await expect(checklist.first()).toHaveText("Terminer la leçon « Conclusion »");

  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  await passFinalAssessment(page);
  await playSimulation(page);
  await earnActiveTime(page);
  await expect(page.getByText(NOTICE)).toHaveCount(0);
  await markLessonDone(page);
  await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();
  await expectNotice(page);

  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Conclusion" })).toBeVisible();
  await expect(page.getByText(NOTICE)).toHaveCount(0);

  await page.goto("/tableau-de-bord");
  await expect(page.locator("main h2").first()).toHaveText("Mes certificats");
  await expect(page.getByRole("link", { name: "Certificat « Parcours d'essai »" })).toBeVisible();
});

test("a simulation that completes the path announces the certificate in the page, without reloading it", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/tableau-de-bord");
  // Before any certificate, the paths come first.
  await expect(page.locator("main h2").first()).toHaveText("Mes parcours");
  await completeLesson(page, "introduction");
  await completeLesson(page, "carte-des-acteurs");
  await completeLesson(page, "conclusion");
  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  await earnActiveTime(page);
  await passFinalAssessment(page);
  await expect(page.getByText(NOTICE)).toHaveCount(0);
  await playSimulation(page);
  await expectNotice(page);
});

test("without JavaScript, the last lesson's form announces the certificate on the page it returns to", async ({ page, browser }) => {
  await signUp(page, newAccount());
  await completeLesson(page, "introduction");
  await completeLesson(page, "carte-des-acteurs");
  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  await passFinalAssessment(page);
  await playSimulation(page);
  await earnActiveTime(page);
  // The same learner, in a browser without JavaScript: a plain form post and a redirect.
  const plain = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plainPage = await plain.newPage();
  await plainPage.goto("/parcours/essai/conclusion");
  await markLessonDone(plainPage);
  await expect(plainPage.getByText("Leçon marquée comme terminée.")).toBeVisible();
  await expectNotice(plainPage);
  await plainPage.reload();
  await expect(plainPage.getByText(NOTICE)).toHaveCount(0);
  await plain.close();
});
