/**
 * Playing the fixture course (tests/fixtures/courses) through the interface: its lessons, its final
 * assessment « Quiz d'essai » answered right, and its simulation « Cas d'essai » to an ending.
 */
import type { Page } from "@playwright/test";
import { expect, waitForHydration } from "../fixtures.ts";
import { markLessonDone, spendActiveTime } from "../test-clock.ts";

export async function completeLesson(page: Page, slug: string, pathSlug = "essai") {
  await page.goto(`/parcours/${pathSlug}/${slug}`);
  await waitForHydration(page);
  await markLessonDone(page);
  await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();
}

export async function passFinalAssessment(page: Page) {
  const q = page.locator("#quiz-quiz-essai");
  await q.getByRole("button", { name: "Commencer le quiz" }).click();
  // Each attempt draws 3 of the 5 questions of the pool, in any order.
  for (let i = 0; i < 3; i++) {
    const legend = await q.locator("legend").innerText();
    if (legend.startsWith("Quelle couleur")) await q.getByLabel("Bleu").check();
    else if (legend.startsWith("Deux et deux")) await q.getByLabel("Vrai").check();
    else if (legend.startsWith("Lesquels")) {
      await q.getByLabel("Deux").check();
      await q.getByLabel("Quatre").check();
    } else if (legend.startsWith("Associez")) {
      await q.getByLabel("Truite").selectOption({ label: "Eau" });
      await q.getByLabel("Aigle").selectOption({ label: "Air" });
    } else {
      for (const [index, item] of ["Un", "Deux", "Trois"].entries())
        await q.getByLabel(item, { exact: true }).selectOption({ label: `Position ${index + 1}` });
    }
    await q.getByRole("button", { name: "Valider ma réponse" }).click();
    // A final assessment goes straight to its result after the last answer.
    if (i < 2) await q.getByRole("link", { name: "Question suivante" }).click();
  }
  await expect(q.getByRole("heading", { name: /Quiz réussi : 100 %/ })).toBeVisible();
}

export async function playSimulation(page: Page) {
  const sim = page.locator("#simulation-cas-essai");
  await sim.getByRole("button", { name: "Commencer la simulation" }).click();
  await sim.getByRole("button", { name: "Agir seul." }).click();
  await sim.getByRole("button", { name: "Rouvrir le dialogue." }).click();
  await sim.getByRole("button", { name: "Gouvernance partagée." }).click();
  await expect(sim.getByRole("heading", { name: "Projet utile mais fragile" })).toBeVisible();
}

/** Half of the fixture path's 20 minutes of active time, as the lesson page records it: what its certificate requires. */
export async function spendPathActiveTime(page: Page) {
  await spendActiveTime(page, { lessonId: "e2-1", pathId: "parcours-essai", seconds: 10 * 60 });
}
