/**
 * Quizzes graded on the server, on the fixture course's « Quiz d'essai » (5 questions, one of each
 * type, 3 attempts, pass mark 70 %), in the lesson « Conclusion ».
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test, waitForHydration } from "../fixtures.ts";

const LESSON = "/parcours/essai/conclusion";
const ENGINE_DB = path.resolve("data/e2e-moteur.db");

function quiz(page: Page) {
  return page.locator("#quiz-quiz-essai");
}

/** Answers the current question right or wrong, then moves on. */
async function answer(page: Page, right: boolean) {
  const q = quiz(page);
  const legend = await q.locator("legend").innerText();
  if (legend.startsWith("Quelle couleur")) await q.getByLabel(right ? "Bleu" : "Vert").check();
  else if (legend.startsWith("Deux et deux")) await q.getByLabel(right ? "Vrai" : "Faux").check();
  else if (legend.startsWith("Lesquels")) {
    await q.getByLabel("Deux").check();
    await q.getByLabel(right ? "Quatre" : "Trois").check();
  } else if (legend.startsWith("Associez")) {
    await q.getByLabel("Truite").selectOption({ label: right ? "Eau" : "Air" });
    await q.getByLabel("Aigle").selectOption({ label: "Air" });
  } else {
    const order = right ? ["Un", "Deux", "Trois"] : ["Trois", "Deux", "Un"];
    for (const [index, item] of order.entries()) await q.getByLabel(item, { exact: true }).selectOption({ label: `Position ${index + 1}` });
  }
  await q.getByRole("button", { name: "Valider ma réponse" }).click();
  await expect(q.getByRole("heading", { level: 4 })).toBeVisible();
}

async function nextStep(page: Page) {
  await quiz(page).getByRole("link", { name: /Question suivante|Voir mon résultat/ }).click();
}

test("fail, retry, pass: the best score shows on the path page", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await expect(q.getByText("5 questions · seuil de réussite 70 % · 3 tentatives restantes sur 3")).toBeVisible();
  await q.getByRole("button", { name: "Commencer le quiz" }).click();

  for (let i = 0; i < 5; i++) {
    await expect(q.getByText(`Question ${i + 1} sur 5`)).toBeVisible();
    await answer(page, i === 0); // only the first one right
    if (i === 0) await expect(q.getByRole("heading", { name: "Bonne réponse" })).toBeVisible();
    if (i === 1) {
      await expect(q.getByRole("heading", { name: "Réponse inexacte" })).toBeVisible();
      await expect(q.getByText("La bonne réponse :")).toBeVisible();
      await expect(q.getByText("SECRET-EXPLICATION-VF")).toBeVisible();
    }
    await nextStep(page);
  }
  // 1 + 0 + 0 (two right boxes, one wrong: (1-1)/2) + 0.5 + 1/3 → 37 %
  await expect(q.getByRole("heading", { name: /Quiz non réussi : 37 %/ })).toBeVisible();
  await expect(q.getByText("Il est enregistré.")).toBeVisible();
  await expect(q.getByText("2 tentatives restantes sur 3.")).toBeVisible();

  await q.getByRole("button", { name: "Recommencer le quiz" }).click();
  for (let i = 0; i < 5; i++) {
    await answer(page, true);
    await nextStep(page);
  }
  await expect(q.getByRole("heading", { name: /Quiz réussi : 100 %/ })).toBeVisible();

  await page.goto("/parcours/essai");
  await expect(page.getByText("Quiz d'essai :")).toBeVisible();
  await expect(page.getByText("réussi (meilleur score 100 %)")).toBeVisible();

  await page.goto(LESSON);
  await expect(quiz(page).getByText("Votre meilleur résultat : 100 % (réussi).")).toBeVisible();
  await expect(quiz(page).getByText("1 tentative restante sur 3")).toBeVisible();
});

test("an attempt made with the keyboard only", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await q.getByRole("button", { name: "Commencer le quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(q.getByText("Question 1 sur 5")).toBeFocused();
  await page.keyboard.press("Tab"); // first radio (Vert)
  await page.keyboard.press("ArrowDown"); // Bleu
  await expect(q.getByLabel("Bleu")).toBeChecked();
  await page.keyboard.press("Tab"); // the submit button
  await expect(q.getByRole("button", { name: "Valider ma réponse" })).toBeFocused();
  await page.keyboard.press("Enter");
  // Focus moves to the correction, which is then read first.
  await expect(q.getByRole("heading", { name: "Bonne réponse" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(q.getByRole("link", { name: "Question suivante" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(q.getByText("Question 2 sur 5")).toBeFocused();
});

test("the page never carries the answer key of an unanswered question", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  await quiz(page).getByRole("button", { name: "Commencer le quiz" }).click();
  await expect(quiz(page).getByText("Question 1 sur 5")).toBeVisible();
  const html = await (await page.request.get(LESSON)).text();
  expect(html).toContain("Quelle couleur a le ciel");
  expect(html).not.toContain("SECRET-EXPLICATION");
  expect(html).not.toContain('"correct":true');
});

test("anonymous practice is graded but nothing is stored", async ({ page }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await expect(q.getByText("vous pouvez vous entraîner, mais vos réponses et votre score ne seront pas enregistrés")).toBeVisible();
  const before = countAttempts();
  await q.getByRole("button", { name: "Commencer le quiz" }).click();
  for (let i = 0; i < 5; i++) {
    await answer(page, true);
    await nextStep(page);
  }
  await expect(q.getByRole("heading", { name: /Quiz réussi : 100 %/ })).toBeVisible();
  await expect(q.getByText("Il n'est pas enregistré, faute de compte.")).toBeVisible();
  expect(countAttempts()).toBe(before);
});

test("forged requests change nothing and get a 4xx", async ({ page, baseURL }) => {
  await signUp(page, newAccount());
  const post = (fields: Record<string, string>) =>
    page.request.post(`${baseURL}/quiz/quiz-essai`, { headers: { Origin: baseURL! }, form: { mode: "js", retour: LESSON, ...fields } });
  const start = await post({ intent: "commencer" });
  const { attempt } = await start.json();
  // A claimed score is refused outright.
  const claimed = await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: "essai-cu", reponse: "a", score: "100" });
  expect(claimed.status()).toBe(400);
  expect(await claimed.json()).toEqual({ error: "champ-inattendu", message: "Cette demande contient des données inattendues : elle a été ignorée." });
  // Skipping ahead, then answering twice.
  expect((await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: "essai-vf", reponse: "vrai" })).status()).toBe(409);
  expect((await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: "essai-cu", reponse: "b" })).status()).toBe(200);
  const twice = await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: "essai-cu", reponse: "a" });
  expect(twice.status()).toBe(409);
  expect(await twice.json()).toEqual({ error: "deja-repondu", message: "Vous avez déjà répondu à cette question." });
  // Someone else's attempt.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, newAccount());
  const foreign = await otherPage.request.post(`${baseURL}/quiz/quiz-essai`, {
    headers: { Origin: baseURL! },
    form: { mode: "js", retour: LESSON, intent: "repondre", attemptId: attempt.attemptId, questionId: "essai-vf", reponse: "vrai" },
  });
  expect(foreign.status()).toBe(404);
  await other.close();
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    expect(db.prepare("SELECT questionId, correct FROM QuizAnswer WHERE attemptId = ?").all(attempt.attemptId)).toEqual([{ questionId: "essai-cu", correct: 1 }]);
  } finally {
    db.close();
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the quiz is a sequence of plain forms, graded and stored on the server", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account, { redirectTo: "/parcours/essai/conclusion", javaScript: false });
    const q = quiz(page);
    await q.getByRole("button", { name: "Commencer le quiz" }).click();
    await expect(q.getByText("Question 1 sur 5")).toBeVisible();
    await q.getByRole("button", { name: "Valider ma réponse" }).click(); // nothing chosen
    await expect(q.getByText("Choisissez une réponse.")).toBeVisible();
    for (let i = 0; i < 5; i++) {
      await answer(page, true);
      await nextStep(page);
    }
    await expect(q.getByRole("heading", { name: /Quiz réussi : 100 %/ })).toBeVisible();
  });
});

function countAttempts(): number {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM QuizAttempt").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
