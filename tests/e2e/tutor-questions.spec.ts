/**
 * Questions to a tutor on the real course: a learner of a cohort asks from a lesson of « Découvrir »
 * (1 h), sees the promised delay, the trainer finds it waiting in the inbox and answers, the learner
 * reads the answer in « Mes questions » and in the e-mail; the same without JavaScript; a visitor is
 * invited to sign in; the technical help page is linked from the footer. Axe, reflow at 320 px and
 * French typography on each page.
 */
import type { Browser, Page } from "@playwright/test";
import { reflowProblems } from "./accessibility-probes.ts";
import { createCohort, joinWithCode, person } from "./engine/people.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";
import { mailSentTo } from "./servers.ts";
import { typographySlips } from "./typography-probe.ts";

/** The first lesson of the 1 h path, as its programme links it. */
async function firstLessonUrl(page: Page): Promise<string> {
  await page.goto("/parcours/decouvrir");
  return (await page.locator(".lesson-list a").first().getAttribute("href"))!;
}

/** Axe, French typography and reflow at 320 px: they run scripts in the page, so only with JavaScript. */
async function pageChecks(page: Page, javaScript: boolean) {
  if (!javaScript) return;
  await waitForHydration(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);
  const size = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await reflowProblems(page), page.url()).toEqual([]);
  if (size) await page.setViewportSize(size);
}

async function trainerAndLearner(browser: Browser, tag: string, javaScript: boolean) {
  const trainer = await person(browser, { name: `Théo Formateur ${tag}`, profile: "Formateur·rice" });
  const { code } = await createCohort(trainer.page, `Élus de Bretagne ${tag}`, undefined, /Découvrir/);
  const learner = await person(browser, { name: `Lina Question ${tag}`, profile: "Élu·e" });
  await joinWithCode(learner.page, code);
  if (!javaScript) {
    // Joined with JavaScript (the helpers wait for hydration); everything after, without it.
    for (const who of [trainer, learner]) {
      const storageState = await who.context.storageState();
      await who.context.close();
      who.context = await browser.newContext({ storageState, javaScriptEnabled: false });
      who.page = await who.context.newPage();
    }
  }
  return { trainer, learner };
}

for (const javaScript of [true, false]) {
  test(`a learner of a cohort asks from a 1 h lesson, the trainer answers from the inbox, the learner reads it (${javaScript ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    test.setTimeout(120_000);
    const tag = javaScript ? "JS" : "HTML";
    const { trainer, learner } = await trainerAndLearner(browser, tag, javaScript);
    const question = `Comment convaincre mon conseil municipal (${tag})\u202F?`;
    const answer = `Commencez par un diagnostic partagé du territoire (${tag}).`;

    // From the lesson: the promised delay, then the form with the lesson attached.
    const lessonUrl = await firstLessonUrl(learner.page);
    await learner.page.goto(lessonUrl);
    const lessonTitle = (await learner.page.getByRole("heading", { level: 1 }).innerText()).trim();
    const box = learner.page.getByRole("region", { name: /Une question sur cette leçon/ });
    await expect(box).toContainText(/sous 2\sjours ouvrés/);
    await box.getByRole("link", { name: "Poser une question" }).click();
    await expect(learner.page.getByRole("heading", { level: 1 })).toHaveText("Poser une question");
    await expect(learner.page.getByText(/Réponse sous 2\sjours ouvrés\./)).toBeVisible();
    await expect(learner.page.getByText(new RegExp(`ira à Théo Formateur ${tag}`))).toBeVisible();
    await expect(learner.page.getByRole("link", { name: new RegExp(lessonTitle.slice(0, 20)) }).first()).toBeVisible();
    await pageChecks(learner.page, javaScript);

    // An empty question is refused next to the field, nothing sent.
    if (!javaScript) {
      await learner.page.getByLabel("Votre question").evaluate((field) => field.removeAttribute("required"));
      await learner.page.getByRole("button", { name: "Envoyer la question" }).click();
      await expect(learner.page.locator("#question-erreur")).toHaveText("Écrivez votre question.");
    }
    await learner.page.getByLabel("Votre question").fill(question);
    await learner.page.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(learner.page).toHaveURL(/\/questions\?envoyee=1$/);
    await expect(learner.page.getByRole("status")).toContainText("Question envoyée.");
    const waiting = learner.page.getByRole("region", { name: "En attente de réponse" });
    await expect(waiting).toContainText(question);
    await expect(waiting).toContainText("en attente depuis moins d'une heure");
    await expect(waiting).toContainText(/réponse promise sous 2\sjours ouvrés/);
    await pageChecks(learner.page, javaScript);

    // The trainer is told by e-mail, and finds it waiting in the inbox.
    const notice = await mailSentTo("plateforme", trainer.account.email, { subject: /^Nouvelle question de Lina Question/ });
    expect(notice.text).toContain(question);
    expect(notice.text).toContain("/formateur/questions");
    await trainer.page.goto("/formateur");
    await trainer.page.getByRole("link", { name: "Questions des apprenant·es" }).click();
    await expect(trainer.page).toHaveURL(/\/formateur\/questions$/);
    const inboxWaiting = trainer.page.getByRole("region", { name: /^En attente/ });
    await expect(inboxWaiting.getByRole("heading", { name: `Lina Question ${tag}, en attente depuis moins d'une heure` })).toBeVisible();
    await expect(inboxWaiting.getByRole("link", { name: new RegExp(lessonTitle.slice(0, 20)) })).toHaveAttribute("href", lessonUrl);
    await pageChecks(trainer.page, javaScript);
    await trainer.page.getByLabel(`Votre réponse à Lina Question ${tag}`).fill(answer);
    await trainer.page.getByRole("button", { name: "Répondre" }).click();
    await expect(trainer.page.getByRole("status")).toContainText("Réponse envoyée");
    await expect(trainer.page.getByRole("region", { name: "Répondues" })).toContainText(answer);
    await expect(trainer.page.getByRole("region", { name: /^En attente/ })).toContainText("Aucune question en attente.");

    // The learner reads it in the app (from the dashboard) and in the e-mail.
    await learner.page.goto("/tableau-de-bord");
    await learner.page.getByRole("link", { name: "Mes questions et leurs réponses" }).click();
    const answered = learner.page.getByRole("region", { name: "Questions répondues" });
    await expect(answered).toContainText(answer);
    await expect(answered).toContainText(`Réponse de Théo Formateur ${tag}`);
    await expect(answered).toContainText("répondu en moins d'une heure");
    await pageChecks(learner.page, javaScript);
    const mail = await mailSentTo("plateforme", learner.account.email, { subject: /^Réponse à votre question$/ });
    expect(mail.text).toContain(answer);
    expect(mail.text).toContain(lessonTitle);

    await trainer.context.close();
    await learner.context.close();
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a visitor is invited to sign in before asking, and comes back to the form", async ({ page }) => {
    const lessonUrl = await firstLessonUrl(page);
    await page.goto(lessonUrl);
    const box = page.getByRole("region", { name: /Une question sur cette leçon/ });
    await expect(box.getByRole("link", { name: "Poser une question" })).toHaveCount(0);
    await box.getByRole("link", { name: "Connectez-vous" }).click();
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fquestions%2Fnouvelle/);
    await page.goto("/questions");
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fquestions$/);
  });

  test("the technical help page, from the footer: contacts, what the platform needs", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Aide technique" }).click();
    await expect(page).toHaveURL(/\/aide$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Aide technique");
    await expect(page.getByRole("link", { name: /@/ }).first()).toHaveAttribute("href", /^mailto:/);
    await expect(page.getByText(/Chromium/)).toBeVisible();
    await expect(page.getByText(/320\spixels/)).toBeVisible();
  });
});

test("the technical help page passes axe, French typography and a 320 px screen", async ({ page }) => {
  await page.goto("/aide");
  await pageChecks(page, true);
});
