/**
 * Cohorts on the fixture course: a trainer creates a cohort, a learner joins with the code after the
 * consent screen and completes a lesson, the trainer sees it (table, learner page, CSV); leaving,
 * removing and code regeneration; and every trainer and learner route refused to the wrong user.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, seriousAxeViolations, test, waitForHydration } from "../fixtures.ts";
import { ENGINE_ORIGIN } from "../servers.ts";
import { passFinalAssessment } from "./fixture-course.ts";
import { markLessonDone } from "../test-clock.ts";
import { createCohort, joinWithCode, learnerRowsOf, person } from "./people.ts";

test("a trainer creates a cohort, a learner joins and completes a lesson, the trainer sees it", async ({ browser }) => {
  const trainer = await person(browser, { name: "Yasmine Formatrice", profile: "Formateur·rice" });
  await trainer.page.goto("/formateur/cohortes/nouvelle");
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);
  // Bad input: a French message next to each field, nothing created.
  await waitForHydration(trainer.page);
  await trainer.page.getByLabel("Début").fill("2027-03-10");
  await trainer.page.getByLabel("Échéance").fill("2027-03-01");
  await trainer.page.getByRole("button", { name: "Créer la cohorte" }).click();
  await expect(trainer.page.getByText("Donnez un nom à la cohorte.")).toBeVisible();
  await expect(trainer.page.getByText("Choisissez le parcours que suivra la cohorte.")).toBeVisible();
  await expect(trainer.page.getByText("L'échéance ne peut pas précéder le début.")).toBeVisible();

  const { code, dashboardUrl } = await createCohort(trainer.page, "Master 2 Transitions — 2027");
  await expect(trainer.page.getByText("Personne n'a encore rejoint la cohorte.")).toBeVisible();
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);

  const learner = await person(browser, { name: "Léo Apprenant", profile: "Étudiant·e" });
  await learner.page.goto(`/rejoindre/${code}`);
  await expect(learner.page.getByRole("heading", { name: "Ce que Yasmine Formatrice verra" })).toBeVisible();
  await expect(learner.page.getByText("vos réflexions personnelles")).toBeVisible();
  expect(await seriousAxeViolations(learner.page)).toEqual([]);
  await joinWithCode(learner.page, ` ${code.toLowerCase().replace("-", " ")} `);
  await expect(learner.page.getByText("Vous avez rejoint la cohorte « Master 2 Transitions — 2027 » de Yasmine Formatrice.")).toBeVisible();

  await learner.page.goto("/parcours/essai/introduction");
  await waitForHydration(learner.page);
  await markLessonDone(learner.page);
  await expect(learner.page.getByText("Leçon marquée comme terminée.")).toBeVisible();

  await trainer.page.goto(dashboardUrl);
  const row = trainer.page.getByRole("row", { name: /Léo Apprenant/ });
  await expect(row).toContainText("1 / 3");
  await expect(trainer.page.locator(".cohort-stats")).toContainText("1 apprenant·e");
  await expect(trainer.page.getByRole("figure").filter({ hasText: "Entonnoir des leçons" })).toContainText("terminée : 1 sur 1 (100 %)");
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);

  await row.getByRole("link", { name: "Léo Apprenant" }).click();
  await expect(trainer.page.getByRole("heading", { level: 1, name: "Léo Apprenant" })).toBeVisible();
  await expect(trainer.page.getByText(/1 leçon terminée sur 3/)).toBeVisible();
  await expect(trainer.page.getByRole("row", { name: /Quiz d'essai/ })).toContainText("pas encore fait");

  const csv = await trainer.page.request.get(`${dashboardUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="cohorte-master-2-transitions-2027.csv"');
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, line] = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(header!.split(";").slice(0, 6)).toEqual([
    "Nom",
    "E-mail",
    "A rejoint le",
    "Progression (%)",
    "Leçons terminées",
    "Leçons du parcours",
  ]);
  expect(line!.split(";").slice(0, 6)).toEqual([
    "Léo Apprenant",
    learner.account.email,
    expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/),
    "40",
    "1",
    "3",
  ]); // 8 of the path's 20 minutes

  await trainer.context.close();
  await learner.context.close();
});

test("the final assessment's item analysis names the path objective of each question, with a summary per objective", async ({
  browser,
}) => {
  test.setTimeout(60_000); // two sign-ups and a final assessment played through the interface
  const trainer = await person(browser, { name: "Odile Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Objectifs du parcours");
  const learner = await person(browser, { name: "Noé Apprenant" });
  await joinWithCode(learner.page, code);
  await learner.page.goto("/parcours/essai/conclusion");
  await waitForHydration(learner.page);
  await passFinalAssessment(learner.page);

  await trainer.page.goto(dashboardUrl);
  const final = trainer.page.locator("details.item-analysis", { hasText: "Quiz d'essai (évaluation finale)" });
  await final.locator("summary").click();
  const byObjective = final.getByRole("table", { name: "« Quiz d'essai » par objectif du parcours" });
  await expect(byObjective.getByRole("row")).toHaveCount(3);
  // One learner has answered: the share per objective is masked (or there is none yet).
  for (const [index, text] of ["1. Lire trois leçons.", "2. Répondre à un quiz d'essai."].entries()) {
    const row = byObjective.getByRole("row").nth(index + 1);
    await expect(row.getByRole("rowheader")).toHaveText(text);
    await expect(row.getByRole("cell").last()).toHaveText(/^(masquées \(moins de 5 répondant·es\)|—)$/);
  }
  const questions = final.getByRole("table", { name: "Questions de « Quiz d'essai »" });
  await expect(questions.getByRole("columnheader", { name: "Objectif du parcours" })).toBeVisible();
  await expect(questions.getByRole("row", { name: /Quelle couleur a le ciel/ })).toContainText("1. Lire trois leçons.");
  await expect(questions.getByRole("row", { name: /Rangez ces nombres/ })).toContainText("2. Répondre à un quiz d'essai.");
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);
  for (const p of [trainer, learner]) await p.context.close();
});

test("leaving, removal and a regenerated code", async ({ browser }) => {
  const trainer = await person(browser, { name: "Marc Formateur", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Élus de la communauté de communes", {
    start: "2027-01-04",
    due: "2027-02-26",
  });
  const [ana, bob] = [await person(browser, { name: "Ana Élue" }), await person(browser, { name: "Bob Élu" })];
  await joinWithCode(ana.page, code);
  await joinWithCode(bob.page, code);
  await trainer.page.goto(dashboardUrl);
  await expect(learnerRowsOf(trainer.page)).toHaveCount(2);

  // Ana leaves from her account: the trainer no longer sees her.
  await ana.page.goto("/compte");
  await ana.page.getByRole("button", { name: "Quitter « Élus de la communauté de communes »" }).click();
  await expect(ana.page.getByText("Vous avez quitté la cohorte « Élus de la communauté de communes »")).toBeVisible();
  await trainer.page.reload();
  await expect(learnerRowsOf(trainer.page)).toHaveCount(1);
  await expect(trainer.page.getByRole("row", { name: /Ana Élue/ })).toHaveCount(0);

  // The trainer removes Bob.
  await trainer.page.getByRole("link", { name: "Bob Élu" }).click();
  await trainer.page.getByRole("button", { name: "Retirer Bob Élu de la cohorte" }).click();
  await expect(trainer.page.getByText("Personne n'a encore rejoint la cohorte.")).toBeVisible();

  // A new code: the old one is unknown, the new one works.
  await trainer.page.getByRole("link", { name: "Réglages de la cohorte" }).click();
  await trainer.page.getByRole("button", { name: "Créer un nouveau code" }).click();
  await expect(trainer.page.getByText("Nouveau code créé : l'ancien ne fonctionne plus.")).toBeVisible();
  const fresh = (await trainer.page.locator(".join-code").innerText()).trim();
  expect(fresh).not.toBe(code);
  const old = await ana.page.goto(`/rejoindre/${code}`);
  expect(old?.status()).toBe(404);
  await expect(ana.page.getByText("Aucune cohorte ne correspond à ce code.")).toBeVisible();
  await joinWithCode(ana.page, fresh);
  await expect(ana.page.getByText("Vous avez rejoint la cohorte « Élus de la communauté de communes »")).toBeVisible();

  // Archived: nobody else can join.
  await trainer.page.getByRole("button", { name: "Archiver" }).click();
  await expect(trainer.page.getByText("Cohorte archivée : plus personne ne peut la rejoindre.")).toBeVisible();
  expect((await bob.page.goto(`/rejoindre/${fresh}`))?.status()).toBe(410);
  for (const p of [trainer, ana, bob]) await p.context.close();
});

async function status(request: APIRequestContext, method: "GET" | "POST", url: string, form?: Record<string, string>) {
  const response =
    method === "GET"
      ? await request.get(url, { maxRedirects: 0 })
      : await request.post(url, { form, maxRedirects: 0, headers: { Origin: ENGINE_ORIGIN } });
  return { status: response.status(), location: response.headers().location ?? "" };
}

test("every trainer and learner route refuses the wrong user", async ({ browser }) => {
  const owner = await person(browser, { name: "Propriétaire", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(owner.page, "Cohorte protégée");
  const member = await person(browser, { name: "Membre" });
  await joinWithCode(member.page, code);
  const memberId = await (async () => {
    await owner.page.goto(dashboardUrl);
    const href = await owner.page.getByRole("link", { name: "Membre" }).getAttribute("href");
    return href!.split("/").pop()!;
  })();
  const otherTrainer = await person(browser, { name: "Autre formatrice", profile: "Formateur·rice" });
  const otherLearner = await person(browser, { name: "Autre apprenant" });
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.250" } });
  const cohortId = dashboardUrl.split("/").pop()!;

  const trainerRoutes: Array<["GET" | "POST", string, Record<string, string>?]> = [
    ["GET", "/formateur"],
    ["GET", "/formateur/cohortes/nouvelle"],
    ["POST", "/formateur/cohortes/nouvelle", { name: "Pirate", pathId: "parcours-essai" }],
    ["GET", dashboardUrl],
    ["GET", `${dashboardUrl}/reglages`],
    ["POST", `${dashboardUrl}/reglages`, { intent: "modifier", name: "Renommée" }],
    ["POST", `${dashboardUrl}/reglages`, { intent: "nouveau-code" }],
    ["POST", `${dashboardUrl}/reglages`, { intent: "archiver" }],
    ["GET", `${dashboardUrl}/apprenants/${memberId}`],
    ["POST", `${dashboardUrl}/apprenants/${memberId}`, { intent: "retirer" }],
    ["GET", `${dashboardUrl}/export.csv`],
    ["GET", `${dashboardUrl}/certificats.zip`],
  ];
  const ownOnly = (url: string) => url.includes(cohortId);
  for (const [method, url, form] of trainerRoutes) {
    const anon = await status(anonymous.request, method, url, form);
    expect(anon, `${method} ${url} anonyme`).toEqual({ status: 302, location: expect.stringMatching(/^\/connexion\?redirectTo=/) });
    expect((await status(otherLearner.page.request, method, url, form)).status, `${method} ${url} par un·e apprenant·e`).toBe(403);
    expect((await status(member.page.request, method, url, form)).status, `${method} ${url} par le membre`).toBe(403);
    if (ownOnly(url))
      expect((await status(otherTrainer.page.request, method, url, form)).status, `${method} ${url} par un autre formateur`).toBe(404);
  }
  // Another trainer's cohort list does not show it; a learner of another cohort is not a member here.
  await otherTrainer.page.goto("/formateur");
  await expect(otherTrainer.page.getByText("Cohorte protégée")).toHaveCount(0);
  // Another id of the same shape (the last character changed: never the member's own).
  const otherMemberUrl = `${dashboardUrl}/apprenants/${memberId.slice(0, -1)}${memberId.endsWith("x") ? "y" : "x"}`;
  expect((await status(owner.page.request, "GET", otherMemberUrl)).status).toBe(404);

  // Learner routes: leaving a cohort one is not in, joining while signed out.
  expect((await status(otherLearner.page.request, "POST", "/compte", { intent: "quitter-cohorte", cohortId })).status).toBe(404);
  expect((await status(anonymous.request, "POST", "/compte", { intent: "quitter-cohorte", cohortId })).status).toBe(302);
  expect((await status(anonymous.request, "POST", `/rejoindre/${code}`)).location).toMatch(/^\/connexion/);
  expect((await status(owner.page.request, "POST", `/rejoindre/${code}`)).status).toBe(409);

  // Nothing changed: the cohort keeps its name, code and member.
  await owner.page.goto(dashboardUrl);
  await expect(owner.page.getByRole("heading", { level: 1, name: "Cohorte protégée" })).toBeVisible();
  await expect(owner.page.locator(".join-box .join-code")).toHaveText(code);
  await expect(owner.page.getByRole("row", { name: /Membre/ })).toHaveCount(1);
  for (const c of [owner.context, member.context, otherTrainer.context, otherLearner.context, anonymous]) await c.close();
});

test.describe("without JavaScript", () => {
  test("a trainer creates a cohort and a learner joins, with plain forms", async ({ browser }) => {
    const trainer = await person(browser, { name: "Nora Formatrice", profile: "Formateur·rice" }, { javaScript: false });
    const { code } = await createCohort(trainer.page, "Cohorte sans JavaScript");
    const learner = await person(browser, { name: "Sam Sans JS" }, { javaScript: false });
    await learner.page.goto("/rejoindre");
    await learner.page.getByLabel("Code de la cohorte").fill("ABC");
    await learner.page.getByRole("button", { name: "Continuer" }).click();
    await expect(learner.page.getByText("Ce code n'a pas le bon format")).toBeVisible();
    await learner.page.getByLabel("Code de la cohorte").fill(code);
    await learner.page.getByRole("button", { name: "Continuer" }).click();
    await learner.page.getByRole("button", { name: "J'accepte et je rejoins la cohorte" }).click();
    await expect(learner.page.getByText("Vous avez rejoint la cohorte « Cohorte sans JavaScript »")).toBeVisible();
    await trainer.context.close();
    await learner.context.close();
  });
});
