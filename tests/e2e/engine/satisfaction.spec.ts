/**
 * The satisfaction questionnaire at the end of « Parcours d'essai » (app/satisfaction/): four learners
 * of a cohort, made eligible through the database, ask for their certificate; two answer and two skip,
 * with and without JavaScript, and all four get the certificate. Their trainer sees the cohort's
 * aggregate only once 5 learners have answered (the other three are written to the database).
 * An engine spec: the questionnaire does not depend on how the real lessons are written.
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { expect, seriousAxeViolations, test } from "../fixtures.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

const ENGINE_DB = path.resolve("data/e2e-moteur.db");
const LESSON_IDS = ["e1-1", "e1-2", "e2-1"];

/**
 * Every condition of the fixture path's certificate met, without the certificate: the case where
 * the path page offers « Obtenir mon certificat ». Dates copied from the account, in whatever form
 * the database stores them.
 */
function makeEligible(email: string) {
  const db = new Database(ENGINE_DB);
  try {
    const user = db.prepare("SELECT id, createdAt FROM User WHERE email = ?").get(email) as { id: string; createdAt: unknown };
    const at = user.createdAt;
    db.prepare("INSERT INTO PathEnrollment (id, userId, pathId, startedAt, lastVisitedAt) VALUES (?, ?, 'parcours-essai', ?, ?)").run(
      `inscription-${user.id}`,
      user.id,
      at,
      at,
    );
    for (const lessonId of LESSON_IDS) {
      db.prepare(
        "INSERT INTO LessonProgress (id, userId, lessonId, startedAt, completedAt, activeSeconds, lastActiveAt) VALUES (?, ?, ?, ?, ?, 600, ?)",
      ).run(`lecon-${lessonId}-${user.id}`, user.id, lessonId, at, at, at);
    }
    db.prepare(
      "INSERT INTO QuizAttempt (id, userId, quizId, number, layout, startedAt, submittedAt, score, passed) VALUES (?, ?, 'quiz-essai', 1, '[]', ?, ?, 100, 1)",
    ).run(`quiz-${user.id}`, user.id, at, at);
    db.prepare(
      "INSERT INTO SimulationRun (id, userId, scenarioId, endingId, finalState, startedAt, updatedAt, finishedAt) VALUES (?, ?, 'cas-essai', 'fin', '{}', ?, ?, ?)",
    ).run(`simulation-${user.id}`, user.id, at, at, at);
  } finally {
    db.close();
  }
}

/** Three more members of the cohort who answered, as if they had finished before. */
function addRespondents(cohortJoinCode: string, count: number) {
  const db = new Database(ENGINE_DB);
  try {
    const cohort = db
      .prepare("SELECT c.id, u.createdAt FROM Cohort c JOIN User u ON u.id = c.trainerId WHERE c.joinCode = ?")
      .get(cohortJoinCode.replace("-", "")) as { id: string; createdAt: unknown };
    for (let index = 0; index < count; index += 1) {
      const id = `repondant-${Date.now()}-${index}`;
      db.prepare(
        "INSERT INTO User (id, email, name, profile, role, createdAt, updatedAt) VALUES (?, ?, ?, 'STUDENT', 'LEARNER', ?, ?)",
      ).run(id, `${id}@exemple.fr`, `Répondant Caché ${index}`, cohort.createdAt, cohort.createdAt);
      db.prepare("INSERT INTO CohortMember (id, cohortId, userId, joinedAt) VALUES (?, ?, ?, ?)").run(
        `membre-${id}`,
        cohort.id,
        id,
        cohort.createdAt,
      );
      db.prepare(
        "INSERT INTO SatisfactionResponse (id, userId, pathId, profile, objectivesMet, clarity, usefulness, recommend, comment, answeredAt) VALUES (?, ?, 'parcours-essai', 'STUDENT', 3, 2, 3, 3, ?, ?)",
      ).run(`reponse-${id}`, id, index === 0 ? "Les exemples m'ont servi." : null, cohort.createdAt);
    }
  } finally {
    db.close();
  }
}

function responsesOf(email: string): number {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    const row = db
      .prepare("SELECT COUNT(*) AS n FROM SatisfactionResponse r JOIN User u ON u.id = r.userId WHERE u.email = ?")
      .get(email) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

const group = (page: Page, question: RegExp) => page.getByRole("group", { name: question });

async function answerQuestionnaire(page: Page) {
  await group(page, /^Les objectifs annoncés du parcours ont-ils été atteints pour vous/)
    .getByLabel("Tout à fait")
    .check();
  await group(page, /^Le contenu était-il clair/)
    .getByLabel("Plutôt oui")
    .check();
  await group(page, /^Ce parcours vous sera-t-il utile pour votre poste/)
    .getByLabel("Plutôt oui")
    .check();
  await group(page, /^Recommanderiez-vous ce parcours/)
    .getByLabel("Certainement", { exact: true })
    .check();
  await page.getByLabel("Un commentaire (facultatif)").fill("Clair et court.");
  await page.getByRole("button", { name: "Envoyer et voir mon certificat" }).click();
}

test("answered or skipped, with or without JavaScript, the certificate comes; the trainer sees the aggregate from 5 responses", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const trainer = await person(browser, { name: "Tess Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Satisfaction 2027");

  const learners = [
    { name: "Ana Répond", javaScript: true, answers: true },
    { name: "Bao Répond", javaScript: false, answers: true },
    { name: "Cléo Passe", javaScript: true, answers: false },
    { name: "Dan Passe", javaScript: false, answers: false },
  ];
  for (const [index, learner] of learners.entries()) {
    const { context, page, account } = await person(
      browser,
      { name: learner.name, profile: "Agent·e public" },
      { javaScript: learner.javaScript },
    );
    await joinWithCode(page, code);
    makeEligible(account.email);
    await page.goto("/parcours/essai");
    await page.getByRole("button", { name: "Obtenir mon certificat" }).click();
    // Asked before the certificate is shown; skipping is the first thing on the page.
    await expect(page.getByRole("heading", { level: 1, name: /^Votre avis sur «\sParcours d'essai\s»$/ })).toBeVisible();
    await expect(page.getByText("Votre certificat est délivré. Avant de le voir")).toBeVisible();
    if (index === 0) expect(await seriousAxeViolations(page)).toEqual([]);
    if (learner.answers) {
      if (!learner.javaScript) {
        // Sent empty: the server answers each question with its message, nothing saved.
        await page.getByRole("button", { name: "Envoyer et voir mon certificat" }).click();
        await expect(page.getByText("Choisissez une réponse.")).toHaveCount(4);
        expect(responsesOf(account.email)).toBe(0);
      }
      await answerQuestionnaire(page);
    } else {
      await page.getByRole("link", { name: "Passer et voir mon certificat" }).click();
    }
    await expect(page.getByRole("heading", { level: 1, name: /^Certificat «\sParcours d'essai\s»$/ })).toBeVisible();
    expect(responsesOf(account.email)).toBe(learner.answers ? 1 : 0);
    // Back on the path: the certificate is there; those who skipped are still invited.
    await page.goto("/parcours/essai");
    await expect(page.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();
    await expect(page.getByRole("link", { name: /^Donner mon avis sur le parcours/ })).toHaveCount(learner.answers ? 0 : 1);
    await context.close();
  }

  // 2 responses in the cohort: only the count.
  const section = trainer.page.getByRole("region", { name: "Satisfaction en fin de parcours" });
  await trainer.page.goto(dashboardUrl);
  await expect(section.getByText("2 réponses au questionnaire de satisfaction de fin de parcours.")).toBeVisible();
  await expect(section.getByText(/ne sont détaillées qu'à partir de 5\srépondant·es/)).toBeVisible();
  await expect(section.locator("figure")).toHaveCount(0);
  await expect(section.getByRole("link", { name: /Exporter les réponses/ })).toHaveCount(0);

  // 5: the distribution of each question, the comments without names, the CSV.
  addRespondents(code, 3);
  await trainer.page.reload();
  await expect(section.getByText("5 réponses au questionnaire de satisfaction de fin de parcours.")).toBeVisible();
  await expect(section.locator("figure")).toHaveCount(4);
  await expect(section.getByText(/^Le contenu était-il clair\s\? \(40\s% de réponses favorables\)/)).toBeVisible();
  const comments = section.getByRole("list", { name: /^Commentaires libres/ });
  await expect(comments.getByRole("listitem")).toHaveText(["Les exemples m'ont servi.", "Clair et court.", "Clair et court."], {
    useInnerText: true,
  });
  await expect(section).not.toContainText(/Ana Répond|Bao Répond|Répondant Caché/);
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);
  const csv = await trainer.page.request.get(`${dashboardUrl}/satisfaction.csv`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text())
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines).toHaveLength(6);
  expect(lines[0]).toMatch(/^Date de réponse;Objectifs atteints/);
  expect(lines.join("\n")).not.toMatch(/Ana Répond|Répondant Caché/);
  await trainer.context.close();
});
