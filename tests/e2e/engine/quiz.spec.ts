/**
 * Quizzes graded on the server, in the fixture lesson « Conclusion »: the final assessment « Quiz
 * d'essai » (a pool of 5 questions, one of each type, 3 drawn per attempt; 3 attempts, pass mark
 * 70 %, corrections only once an attempt is submitted) and the practice quiz « Entraînement
 * d'essai » (2 of those questions, corrected one by one, open to visitors).
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import type { PublicQuestion } from "~/quizzes/quiz-types.ts";
import { expect, newAccount, signUp, test, waitForHydration } from "../fixtures.ts";

const LESSON = "/parcours/essai/conclusion";
const ENGINE_DB = path.resolve("data/e2e-moteur.db");

function quiz(page: Page) {
  return page.locator("#quiz-quiz-essai");
}

function practice(page: Page) {
  return page.locator("#quiz-quiz-entrainement");
}

/** Answers the current question right or wrong; a wrong answer scores 0 whatever the type. */
async function answer(page: Page, right: boolean, q = quiz(page)) {
  const legend = await q.locator("legend").innerText();
  if (legend.startsWith("Quelle couleur")) await q.getByLabel(right ? "Bleu" : "Vert").check();
  else if (legend.startsWith("Deux et deux")) await q.getByLabel(right ? "Vrai" : "Faux").check();
  else if (legend.startsWith("Lesquels")) {
    await q.getByLabel("Deux").check();
    await q.getByLabel(right ? "Quatre" : "Dix-sept").check();
  } else if (legend.startsWith("Associez")) {
    await q.getByLabel("Truite").selectOption({ label: right ? "Eau" : "Air" });
    await q.getByLabel("Aigle").selectOption({ label: right ? "Air" : "Eau" });
  } else {
    const order = right ? ["Un", "Deux", "Trois"] : ["Deux", "Trois", "Un"];
    for (const [index, item] of order.entries()) await q.getByLabel(item, { exact: true }).selectOption({ label: `Position ${index + 1}` });
  }
  await q.getByRole("button", { name: "Valider ma réponse" }).click();
  await expect(q.getByRole("heading", { level: 4 })).toBeVisible();
}

/** On to the next question; after the last answer of a final assessment, the result is already there. */
async function nextStep(page: Page, q = quiz(page)) {
  const next = q.getByRole("link", { name: /Question suivante|Voir mon résultat/ });
  await expect(next.or(q.locator(".quiz__result-title"))).toBeVisible();
  if (await next.isVisible()) await next.click();
}

test("final assessment: answers recorded without correction, the whole correction once submitted; fail, retry, pass", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await expect(q.getByText("3 questions · seuil de réussite 70 % · 3 tentatives restantes sur 3")).toBeVisible();
  await expect(q.getByText("Les corrections s'affichent une fois toutes les questions répondues.")).toBeVisible();
  await q.getByRole("button", { name: "Commencer le quiz" }).click();

  for (let i = 0; i < 3; i++) {
    await expect(q.getByText(`Question ${i + 1} sur 3`)).toBeVisible();
    await answer(page, i === 0); // only the first one right
    if (i < 2) {
      await expect(q.getByRole("heading", { name: "Réponse enregistrée" })).toBeVisible();
      await expect(q.getByText(/Bonne réponse|Réponse inexacte|La bonne réponse|SECRET-EXPLICATION/)).toHaveCount(0);
    }
    await nextStep(page);
  }
  // 1 + 0 + 0 → 33 %
  await expect(q.getByRole("heading", { name: /Quiz non réussi : 33 %/ })).toBeVisible();
  await expect(q.getByText("Il est enregistré.")).toBeVisible();
  await expect(q.getByText("2 tentatives restantes sur 3.")).toBeVisible();
  // Now, and only now, the correction of each question of the attempt.
  const review = q.locator(".quiz__review > li");
  await expect(review).toHaveCount(3);
  await expect(review.filter({ hasText: "inexacte" })).toHaveCount(2);
  await expect(review.filter({ hasText: "inexacte" }).first()).toContainText("La bonne réponse :");
  await expect(q.getByText(/SECRET-EXPLICATION-/)).toHaveCount(3);

  await q.getByRole("button", { name: "Recommencer le quiz" }).click();
  for (let i = 0; i < 3; i++) {
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

test("a practice quiz corrects each answer at once", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = practice(page);
  // A practice activity has no pass mark: none is announced.
  await expect(q.getByText("2 questions · entraînement sans seuil de réussite · tentatives illimitées")).toBeVisible();
  await expect(q.getByText("seuil de réussite 0 %")).toHaveCount(0);
  await q.getByRole("button", { name: "Commencer le quiz" }).click();
  await answer(page, true, q);
  await expect(q.getByRole("heading", { name: "Bonne réponse" })).toBeVisible();
  // The chosen answer says so in words, not only by a greyed radio button.
  await expect(q.getByText("(votre réponse, juste)")).toBeVisible();
  await nextStep(page, q);
  await answer(page, false, q);
  await expect(q.getByRole("heading", { name: "Réponse inexacte" })).toBeVisible();
  await expect(q.getByText("(votre réponse, inexacte)")).toBeVisible();
  await expect(q.getByText("La bonne réponse :")).toBeVisible();
  await expect(q.getByText("SECRET-EXPLICATION-VF")).toBeVisible();
  await nextStep(page, q);
  await expect(q.getByRole("heading", { name: "Résultat : 50 %" })).toBeVisible();
  await expect(q.getByText("Tentatives illimitées.", { exact: true })).toBeVisible();
});

test("an attempt made with the keyboard only", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = practice(page);
  await q.getByRole("button", { name: "Commencer le quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(q.getByText("Question 1 sur 2")).toBeFocused();
  await page.keyboard.press("Tab"); // the first radio: Vert or Bleu, options are shuffled per attempt
  const bleuFirst = await q.getByLabel("Bleu").evaluate((radio) => radio === document.activeElement);
  await page.keyboard.press(bleuFirst ? "Space" : "ArrowDown"); // Bleu
  await expect(q.getByLabel("Bleu")).toBeChecked();
  await page.keyboard.press("Tab"); // the submit button
  await expect(q.getByRole("button", { name: "Valider ma réponse" })).toBeFocused();
  await page.keyboard.press("Enter");
  // Focus moves to the correction, which is then read first.
  await expect(q.getByRole("heading", { name: "Bonne réponse" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(q.getByRole("link", { name: "Question suivante" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(q.getByText("Question 2 sur 2")).toBeFocused();
});

test("the page never carries the answer key of a final question before the attempt is submitted", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await q.getByRole("button", { name: "Commencer le quiz" }).click();
  await expect(q.getByText("Question 1 sur 3")).toBeVisible();
  const stem = (await q.locator("legend").evaluate((legend) => legend.firstChild?.textContent ?? "")).trim();
  await answer(page, false);
  await expect(q.getByRole("heading", { name: "Réponse enregistrée" })).toBeVisible();
  for (const address of [LESSON, `${LESSON}?quiz=quiz-essai&etape=correction-essai-cu`, `${LESSON}?quiz=quiz-essai&etape=resultat`]) {
    const html = await (await page.request.get(address)).text();
    expect(html).toContain(stem);
    expect(html, address).not.toContain("SECRET-EXPLICATION");
    expect(html, address).not.toContain('"correct":');
    expect(html, address).not.toContain('"solution"');
  }
});

test("visitors cannot take a final assessment, nor read its key through the quiz's address", async ({ page, baseURL }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = quiz(page);
  await expect(q.getByText("L'évaluation finale compte pour le certificat : elle se passe avec un compte.")).toBeVisible();
  await expect(q.getByRole("button", { name: "Commencer le quiz" })).toHaveCount(0);
  const post = (fields: Record<string, string>) =>
    page.request.post(`${baseURL}/quiz/quiz-essai`, {
      headers: { Origin: baseURL! },
      form: { mode: "js", retour: LESSON, ...fields },
      maxRedirects: 0,
    });
  const start = await post({ intent: "commencer" });
  expect(start.status()).toBe(401);
  expect(await start.json()).toMatchObject({ error: "connexion-requise" });
  // The oracle that was: an anonymous answer to each question of the pool returned its solution.
  for (const [questionId, reponse] of [
    ["essai-cu", "a"],
    ["essai-vf", "faux"],
    ["essai-cm", "a"],
  ] as const) {
    const graded = await post({ intent: "repondre", questionId, reponse });
    expect(graded.status()).toBe(401);
    expect(await graded.text()).not.toMatch(/solution|SECRET-EXPLICATION|Bleu/);
  }
  // Without JavaScript: back to the lesson with the message, nothing else.
  const plain = await post({ mode: "", intent: "repondre", questionId: "essai-cu", reponse: "a" });
  expect(plain.status()).toBe(303);
  expect(plain.headers().location).toBe("/parcours/essai/conclusion?quiz=quiz-essai&etape=connexion-requise#quiz-quiz-essai");
});

test("anonymous practice is graded but nothing is stored", async ({ page }) => {
  await page.goto(LESSON);
  await waitForHydration(page);
  const q = practice(page);
  await expect(q.getByText("vous pouvez vous entraîner, mais vos réponses et votre score ne seront pas enregistrés")).toBeVisible();
  const before = countAttempts();
  await q.getByRole("button", { name: "Commencer le quiz" }).click();
  for (let i = 0; i < 2; i++) {
    await answer(page, true, q);
    await nextStep(page, q);
  }
  await expect(q.getByRole("heading", { name: "Résultat : 100 %" })).toBeVisible();
  await expect(q.getByText("Il n'est pas enregistré, faute de compte.")).toBeVisible();
  expect(countAttempts()).toBe(before);
});

test("forged requests change nothing and get a 4xx", async ({ page, baseURL }) => {
  await signUp(page, newAccount());
  const post = (fields: Record<string, string>) =>
    page.request.post(`${baseURL}/quiz/quiz-essai`, { headers: { Origin: baseURL! }, form: { mode: "js", retour: LESSON, ...fields } });
  const start = await post({ intent: "commencer" });
  const { attempt } = (await start.json()) as { attempt: { attemptId: string; questions: PublicQuestion[] } };
  // The draw decides which questions come, in which order.
  const [first, second] = attempt.questions as [PublicQuestion, PublicQuestion];
  // A claimed score is refused outright.
  const claimed = await post({
    intent: "repondre",
    attemptId: attempt.attemptId,
    questionId: first.id,
    ...validAnswer(first),
    score: "100",
  });
  expect(claimed.status()).toBe(400);
  expect(await claimed.json()).toEqual({
    error: "champ-inattendu",
    message: "Cette demande contient des données inattendues\u00A0: elle a été ignorée.",
  });
  // Skipping ahead, then answering twice.
  expect((await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: second.id, ...validAnswer(second) })).status()).toBe(
    409,
  );
  expect((await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: first.id, ...validAnswer(first) })).status()).toBe(
    200,
  );
  const twice = await post({ intent: "repondre", attemptId: attempt.attemptId, questionId: first.id, ...validAnswer(first) });
  expect(twice.status()).toBe(409);
  expect(await twice.json()).toEqual({ error: "deja-repondu", message: "Vous avez déjà répondu à cette question." });
  // Someone else's attempt.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, newAccount());
  const foreign = await otherPage.request.post(`${baseURL}/quiz/quiz-essai`, {
    headers: { Origin: baseURL! },
    form: { mode: "js", retour: LESSON, intent: "repondre", attemptId: attempt.attemptId, questionId: second.id, ...validAnswer(second) },
  });
  expect(foreign.status()).toBe(404);
  await other.close();
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    expect(db.prepare("SELECT questionId FROM QuizAnswer WHERE attemptId = ?").all(attempt.attemptId)).toEqual([{ questionId: first.id }]);
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
    await expect(q.getByText("Question 1 sur 3")).toBeVisible();
    await q.getByRole("button", { name: "Valider ma réponse" }).click(); // nothing chosen
    // The first question of the draw may be of any type: each has its message.
    await expect(
      q.getByText(
        /^(Choisissez une réponse\.|Cochez au moins une réponse\.|Choisissez vrai ou faux\.|Associez chaque élément à une catégorie\.|Donnez à chaque élément une position différente\.)$/,
      ),
    ).toBeVisible();
    for (let i = 0; i < 3; i++) {
      await answer(page, true);
      await nextStep(page);
    }
    await expect(q.getByRole("heading", { name: /Quiz réussi : 100 %/ })).toBeVisible();
  });
});

/** Form fields of some well-formed answer to a question, right or wrong. */
function validAnswer(question: PublicQuestion): Record<string, string> {
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple":
      return { reponse: question.options![0]!.id };
    case "vrai-faux":
      return { reponse: "vrai" };
    case "association":
      return Object.fromEntries(question.lefts!.map((left) => [`paire-${left.id}`, question.rights![0]!.id]));
    case "remise-en-ordre":
      return Object.fromEntries(question.items!.map((item, index) => [`rang-${item.id}`, String(index + 1)]));
  }
}

function countAttempts(): number {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    return (db.prepare("SELECT count(*) AS n FROM QuizAttempt").get() as { n: number }).n;
  } finally {
    db.close();
  }
}
