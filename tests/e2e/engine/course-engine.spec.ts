/**
 * The course engine on the fixture course (tests/fixtures/courses): a visitor reads, signs up,
 * completes a lesson, finds their progress on the path page and the dashboard, and resumes.
 */
import path from "node:path";
import Database from "better-sqlite3";
import { confirmSignUp, expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "../fixtures.ts";
import { markLessonDone } from "../test-clock.ts";

const ENGINE_DB = path.resolve("data/e2e-moteur.db");

test("read anonymously, sign up, complete a lesson, see progress, resume at the next lesson", async ({ page }) => {
  await page.goto("/parcours");
  await expect(page.getByRole("heading", { name: "Parcours d'essai" })).toBeVisible();
  // A draft path is announced but not open.
  await expect(page.getByText("Parcours en construction (4 h)")).toBeVisible();
  await expect(page.getByRole("link", { name: /Parcours en construction/ })).toHaveCount(0);

  await page.getByRole("link", { name: "Découvrir le parcours « Parcours d'essai »" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Parcours d'essai");
  await page.getByRole("link", { name: "Introduction" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Introduction" })).toBeVisible();
  await expect(page.getByText("92 %")).toBeVisible();
  await expect(page.locator(".lesson-content").getByRole("link", { name: "alliance", exact: true })).toHaveAttribute(
    "href",
    "/glossaire#alliance",
  );
  // Anonymous readers see every profile's passage, labelled.
  await expect(page.getByRole("region", { name: "Pour les élu·es" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Pour les étudiant·es" })).toBeVisible();
  await expect(page.getByText("Votre réponse n'est pas enregistrée sans compte.")).toBeVisible();
  // A key figure's detail sits under its short label; the caveats about the sources close the lesson.
  await expect(page.locator(".key-figure").getByText("Enquête d'essai, échantillon non précisé.")).toBeVisible();
  await expect(page.getByRole("complementary", { name: "Sources et limites" })).toContainText("ne précise pas la taille de l'échantillon");
  // « Notes pour animer » are for trainers: folded for everyone else.
  await expect(page.getByText("Notes pour animer (formateur·rices)")).toBeVisible();
  await expect(page.getByText("dix minutes de lecture, puis une question")).toBeHidden();

  // The invitation to sign up brings the learner back to the lesson.
  await page.getByRole("link", { name: "créez un compte" }).click();
  const account = newAccount({ profile: "Élu·e" });
  await page.getByLabel("Nom et prénom").fill(account.name);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByRole("radio", { name: account.profile }).check();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUp(page, account);
  await expect(page).toHaveURL(/\/parcours\/essai\/introduction$/);

  // Signed in as an elected official: their passage is open, the student's is folded.
  await expect(page.getByRole("region", { name: "Pour les élu·es" })).toBeVisible();
  await expect(page.getByText("Pour les étudiant·es", { exact: true })).toBeVisible();
  await expect(page.getByText("Passage pour les étudiant·es")).toBeHidden();

  await markLessonDone(page);
  await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();
  await expect(page.getByText("40 % terminé")).toBeVisible(); // 8 of 20 estimated minutes

  await page.getByRole("link", { name: "Parcours d'essai" }).first().click();
  const intro = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: "Introduction" }) });
  await expect(intro.getByText("Terminée")).toBeVisible();
  await expect(page.getByText("40 % terminé")).toBeVisible();

  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("heading", { name: "Parcours d'essai" })).toBeVisible();
  await expect(page.getByText("40 % terminé")).toBeVisible();
  await page.getByRole("link", { name: /Reprendre/ }).click();
  await expect(page).toHaveURL(/\/parcours\/essai\/carte-des-acteurs$/);
  // A folder lesson's own component renders.
  await expect(page.getByTestId("carte")).toHaveText("Carte de 3 acteurs");
});

test("a trainer finds the « Notes pour animer » open, as a section of the lesson", async ({ page }) => {
  await signUp(page, newAccount({ profile: "Formateur·rice" }));
  await page.goto("/parcours/essai/introduction");
  const notes = page.getByRole("complementary", { name: "Notes pour animer" });
  await expect(notes).toBeVisible();
  await expect(notes).toContainText("dix minutes de lecture, puis une question à discuter en binômes");
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("moving between lessons without reloading loads each lesson's content", async ({ page }) => {
  await page.goto("/parcours/essai/introduction");
  await waitForHydration(page);
  await page.getByRole("link", { name: /Leçon suivante/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Carte des acteurs" })).toBeVisible();
  await expect(page.getByTestId("carte")).toHaveText("Carte de 3 acteurs");
  await page.getByRole("link", { name: /Leçon suivante/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conclusion" })).toBeVisible();
  await expect(page.getByText("Une conclusion courte.")).toBeVisible();
});

test("a reflection is saved privately, and shown again on the next visit", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/parcours/essai/introduction");
  await waitForHydration(page);
  const answer = page.getByLabel("Citez un défi de votre territoire.");
  await answer.fill("L'isolement des aînés dans les villages.");
  await page.getByRole("button", { name: "Enregistrer ma réponse" }).click();
  await expect(page.getByText(/Réponse enregistrée le/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Citez un défi de votre territoire.")).toHaveValue("L'isolement des aînés dans les villages.");
  // A later lesson recalls it, read-only.
  await page.goto("/parcours/essai/conclusion");
  await expect(page.getByRole("figure").filter({ hasText: "Le défi que vous aviez cité en introduction" })).toContainText(
    "L'isolement des aînés dans les villages.",
  );
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the lesson reads, and completing and reflecting are plain forms", async ({ page }) => {
    const account = newAccount({ profile: "Agent·e public" });
    await signUp(page, account, { redirectTo: "/parcours/essai/conclusion", javaScript: false });
    await expect(page.getByRole("heading", { level: 1, name: "Conclusion" })).toBeVisible();
    await expect(page.getByText("Une conclusion courte.")).toBeVisible();
    await markLessonDone(page);
    await expect(page.getByText(/Vous avez terminé cette leçon le/)).toBeVisible();

    await page.goto("/parcours/essai/introduction");
    await page.getByLabel("Citez un défi de votre territoire.").fill("Sans JavaScript aussi.");
    await page.getByRole("button", { name: "Enregistrer ma réponse" }).click();
    await expect(page.getByLabel("Citez un défi de votre territoire.")).toHaveValue("Sans JavaScript aussi.");
    await expect(page.getByText(/Réponse enregistrée le/)).toBeVisible();
  });
});

test("active time reaches the server's ledger while the learner is on the page", async ({ page }) => {
  const account = newAccount();
  await page.clock.install();
  await signUp(page, account);
  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  const heartbeat = page.waitForResponse((response) => response.url().endsWith("/api/temps-actif"));
  for (let second = 0; second < 16; second++) {
    await page.mouse.move(100 + second, 200);
    await page.clock.runFor(1000);
  }
  expect((await heartbeat).status()).toBe(200);
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT e.lessonId, e.pathId, e.seconds FROM ActiveTimeEntry e JOIN User u ON u.id = e.userId WHERE u.email = ?`)
      .all(account.email);
    expect(rows).toEqual([{ lessonId: "e2-1", pathId: "parcours-essai", seconds: 15 }]);
  } finally {
    db.close();
  }
});

test("catalogue, path and lesson pages have no serious accessibility violation", async ({ page }) => {
  for (const url of ["/parcours", "/parcours/essai", "/parcours/essai/introduction", "/glossaire"]) {
    await page.goto(url);
    await waitForHydration(page);
    expect(await seriousAxeViolations(page), url).toEqual([]);
  }
});

test("an unknown path or lesson is a French 404", async ({ page }) => {
  expect((await page.goto("/parcours/inconnu"))?.status()).toBe(404);
  await expect(page.getByText("Ce parcours n'existe pas.")).toBeVisible();
  expect((await page.goto("/parcours/essai/inconnue"))?.status()).toBe(404);
  await expect(page.getByText("Cette leçon n'existe pas dans ce parcours.")).toBeVisible();
  // A lesson of another path is not reachable through this one.
  expect((await page.goto("/parcours/brouillon/introduction"))?.status()).toBe(404);
});
