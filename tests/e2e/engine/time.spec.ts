/**
 * Time that is real (issue 16) on the fixture course: « Parcours d'essai » lasts 20 minutes, so its
 * certificate asks for 10 minutes of recorded active time. The speed-run — completions posted as
 * fast as possible, the final assessment and the simulation played at once, on « Parcours avec
 * projet » the final project filled with « x » and submitted — gets no certificate;
 * the same path walked at reading pace (the test servers' clock moved on, heartbeats credited, see
 * tests/e2e/test-clock.ts) gets one that prints the time actually recorded.
 */
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test, waitForHydration } from "../fixtures.ts";
import { advanceClock, markLessonDone, spendActiveTime } from "../test-clock.ts";
import { passFinalAssessment, playSimulation } from "./fixture-course.ts";

const LESSONS = [
  { slug: "introduction", id: "e1-1", title: "Introduction" },
  { slug: "carte-des-acteurs", id: "e1-2", title: "Carte des acteurs" },
  { slug: "conclusion", id: "e2-1", title: "Conclusion" },
];

/** Posts « J'ai terminé » for a lesson by hand, as a script would. */
async function postCompletion(page: Page, slug: string, jeton?: string, pathSlug = "essai") {
  const origin = new URL(page.url()).origin;
  return page.request.post(`${origin}/parcours/${pathSlug}/${slug}`, {
    form: { intent: "terminer", ...(jeton === undefined ? {} : { jeton }) },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
}

test("the speed-run gets no certificate until the time is really spent; the same path walked at reading pace gets one", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount({ name: "Sam Pressé" }));

  // 1. Completions posted without the lesson's form, then with a form fetched a moment before.
  for (const lesson of LESSONS) {
    await page.goto(`/parcours/essai/${lesson.slug}`);
    const withoutForm = await postCompletion(page, lesson.slug);
    expect(withoutForm.status()).toBe(400);
    expect(await withoutForm.text()).toContain("Ce formulaire de fin de leçon n&#x27;est pas valide");
    const jeton = await page.locator("input[name=jeton]").inputValue();
    const tooSoon = await postCompletion(page, lesson.slug, jeton);
    expect(tooSoon.status()).toBe(400);
    expect(await tooSoon.text()).toMatch(/Vous avez ouvert cette leçon il y a \d+\ss\s: prenez le temps de la lire \(au moins \d\smin\)/);
  }
  // 2. The final assessment and the simulation, as fast as the interface allows.
  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  await passFinalAssessment(page);
  await playSimulation(page);
  // The page says why the lesson cannot be marked done yet.
  await page.getByRole("button", { name: "J'ai terminé cette leçon" }).click();
  await expect(
    page.getByText(/^Vous avez ouvert cette leçon il y a \d+\ss\s: prenez le temps de la lire \(au moins 2\smin\)/),
  ).toBeVisible();

  await page.goto("/parcours/essai");
  await expect(page.getByText("Le certificat est délivré automatiquement quand tout ceci est fait :")).toBeVisible();
  // None of the lessons is done: the checklist counts them in one line.
  await expect(page.getByText(`Terminer les ${LESSONS.length} leçons du parcours`)).toBeVisible();
  await expect(page.getByText(/^Temps d'activité enregistré\s: .+ sur les 10\smin requises$/)).toBeVisible();
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("link", { name: /^Certificat «\sParcours d'essai\s»/ })).toHaveCount(0);

  // 3. Each lesson marked done as soon as it may be: accepted, but the time is still missing.
  for (const lesson of LESSONS) {
    await page.goto(`/parcours/essai/${lesson.slug}`);
    await waitForHydration(page);
    await markLessonDone(page, { seconds: 120 });
    await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();
  }
  await page.goto("/parcours/essai");
  await expect(page.locator("ul.checklist li")).toHaveCount(1);
  await expect(page.getByText(/^Temps d'activité enregistré\s: (\d+\ss|[0-4]\smin) sur les 10\smin requises$/)).toBeVisible();
  await expect(page.getByText(/Parcours achevé/)).toHaveCount(0);

  // 3b. The same learner then reads for real: the time is met with no activity left to complete,
  // so no action issues the certificate and the page (which never writes, D13) offers it.
  for (const lesson of LESSONS) {
    await page.goto(`/parcours/essai/${lesson.slug}`);
    await spendActiveTime(page, { lessonId: lesson.id, pathId: "parcours-essai", seconds: 4 * 60 });
  }
  await page.goto("/parcours/essai");
  await expect(page.locator("ul.checklist li")).toHaveCount(0);
  await expect(page.getByText(/Parcours achevé/)).toHaveCount(0);
  await page.getByRole("button", { name: "Obtenir mon certificat" }).click();
  // The satisfaction questionnaire comes first (app/satisfaction/): skipped here.
  await page.getByRole("link", { name: "Passer et voir mon certificat" }).click();
  await page.goto("/parcours/essai");
  await expect(page.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();

  // 4. A second learner walks the same path at reading pace: time on each lesson, then done.
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  await signUp(readerPage, newAccount({ name: "Lou Attentive" }));
  for (const lesson of LESSONS) {
    await readerPage.goto(`/parcours/essai/${lesson.slug}`);
    await waitForHydration(readerPage);
    if (lesson.slug === "conclusion") {
      await passFinalAssessment(readerPage);
      await playSimulation(readerPage);
    }
    expect(await spendActiveTime(readerPage, { lessonId: lesson.id, pathId: "parcours-essai", seconds: 4 * 60 })).toBeGreaterThanOrEqual(
      4 * 60 - 15,
    );
    await markLessonDone(readerPage, { seconds: 0 });
    await expect(readerPage.getByText("Leçon marquée comme terminée.")).toBeVisible();
  }
  await readerPage.goto("/parcours/essai");
  await expect(readerPage.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();
  await readerPage.getByRole("link", { name: "Voir le certificat" }).click();
  // It prints the time recorded, never the path's announced 20 minutes.
  await expect(readerPage.locator(".certificate-facts")).toContainText(/Durée réalisée\s*1[2-3]\smin de temps d'activité enregistré/);
  await expect(readerPage.locator(".certificate-facts")).not.toContainText("20 min");
  await reader.close();
});

test("with a final project too: everything posted in seconds, the project filled with « x », still no certificate", async ({ page }) => {
  test.setTimeout(90_000);
  await signUp(page, newAccount({ name: "Max Pressé" }));
  await page.goto("/projet/projet-essai");
  const steps = await page.locator(".project-steps a[href*='/etapes/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const step of steps) {
    await page.goto(step);
    for (const field of await page.locator("textarea").all()) await field.fill("x");
    await page.getByRole("button", { name: /^Enregistrer et passer/ }).click();
    await expect(page).not.toHaveURL(step);
  }
  for (const criterion of await page.locator("fieldset.criterion").all()) {
    await criterion.getByLabel(/^4 — /).check();
    await criterion.getByLabel("Quel élément de votre projet justifie ce niveau ?").fill("x");
  }
  await page.getByRole("button", { name: "Enregistrer et revenir au projet" }).click();
  await page.getByRole("button", { name: "Remettre mon projet" }).click();
  await expect(page.getByText("Projet remis.")).toBeVisible();

  await page.goto("/parcours/projet/projet-final");
  await waitForHydration(page);
  await passFinalAssessment(page);
  const tooSoon = await postCompletion(page, "projet-final", await page.locator("input[name=jeton]").inputValue(), "projet");
  expect(tooSoon.status()).toBe(400);

  await page.goto("/parcours/projet");
  await expect(page.getByText("Terminer la leçon « Projet final »")).toBeVisible();
  await expect(page.getByText(/^Temps d'activité enregistré\s: .+ sur les 5\smin requises$/)).toBeVisible();
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("link", { name: /^Certificat «\sParcours avec projet\s»/ })).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a lesson marked done too early says how long to take; the same form works once the time has passed", async ({ page }) => {
    await signUp(page, newAccount({ profile: "Agent·e public" }), { redirectTo: "/parcours/essai/conclusion", javaScript: false });
    await expect(page.getByText("Comptez au moins 2 min sur cette leçon avant de la marquer comme terminée.")).toBeVisible();
    await page.getByRole("button", { name: "J'ai terminé cette leçon" }).click();
    await expect(page.getByRole("alert")).toHaveText(
      /^Vous avez ouvert cette leçon il y a \d+\ss\s: prenez le temps de la lire \(au moins 2\smin\) avant de la marquer comme terminée\.$/,
    );
    advanceClock(2 * 60);
    await page.getByRole("button", { name: "J'ai terminé cette leçon" }).click();
    await expect(page.getByText(/Vous avez terminé cette leçon le/)).toBeVisible();
    // Without heartbeats, the time the page was open is credited, up to the lesson's reading time.
    await page.goto("/parcours/essai");
    await expect(page.getByText(/^Temps d'activité enregistré\s: 2\smin sur les 10\smin requises$/)).toBeVisible();
  });
});
