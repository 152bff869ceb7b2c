/**
 * A learner walks a path of the real content at reading pace: every lesson in order, its
 * simulations played to an ending, its quizzes passed, then the lesson marked done once the
 * server's test clock has moved on (tests/e2e/test-clock.ts), so no test waits in real time.
 */
import type { Page } from "@playwright/test";
import { passQuiz, playToAnEnding } from "./course-answers.ts";
import { expect, waitForHydration } from "./fixtures.ts";
import { markLessonDone } from "./test-clock.ts";

/** The lessons' addresses, in the order the path's programme lists them. */
export async function lessonUrlsOf(page: Page, slug: string): Promise<string[]> {
  await page.goto(`/parcours/${slug}`);
  return page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
}

/** Every lesson of a path, in order: simulations to an ending, quizzes passed, lesson completed. Returns the lessons' addresses. */
export async function walkPath(page: Page, slug: string): Promise<string[]> {
  const lessons = await lessonUrlsOf(page, slug);
  for (const url of lessons) {
    await page.goto(url);
    await waitForHydration(page);
    // A simulation offered as a choice: the case shown open is played; one already played is left as is.
    for (const simulation of await page.locator("section.simulation:visible").all()) {
      if (await simulation.getByRole("button", { name: "Commencer la simulation" }).isVisible()) await playToAnEnding(simulation);
    }
    for (const quiz of await page.locator("section.quiz").all()) {
      await expect(quiz.getByRole("button", { name: /^(Commencer|Recommencer) le quiz$/ })).toBeVisible();
      expect(await passQuiz(quiz), url).toMatch(/(Quiz réussi|^Résultat)\s: \d+\s%/);
    }
    // The clock moves on 40 minutes, more than any lesson asks (the completion credits at most the
    // lesson's model time, see app/progress/lesson-completion.server.ts).
    await markLessonDone(page, { seconds: 40 * 60 });
    await expect(page.getByText("Leçon marquée comme terminée."), url).toBeVisible();
  }
  return lessons;
}
