/**
 * The final project on the fixture course (« Parcours avec projet », project « Mon projet
 * d'essai »): a learner designs it step by step (pre-filled from a reflection, saved as they go),
 * assesses it, exports it as Markdown and PDF, submits it, and the path's certificate follows; the
 * trainer of their cohort reads it and comments, and the learner reads the comment.
 */
import { readFileSync } from "node:fs";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { expect, seriousAxeViolations, test, waitForHydration } from "../fixtures.ts";
import { ENGINE_ORIGIN } from "../servers.ts";
import { passFinalAssessment } from "./fixture-course.ts";
import { markLessonDone, spendActiveTime } from "../test-clock.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

async function pdfText(bytes: Buffer) {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await document.destroy();
  return pages.join(" ").replace(/\s+/g, " ");
}

test("a learner designs, assesses, exports and submits the project; the certificate follows; the trainer comments", async ({ browser }) => {
  test.setTimeout(90_000);
  const trainer = await person(browser, { name: "Odile Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Cohorte du projet", undefined, /Parcours avec projet/);
  const learner = await person(browser, { name: "Hélène Projet", profile: "Agent·e public" });
  const page = learner.page;
  await page.goto(`/rejoindre/${code}`);
  await expect(page.getByText(/votre projet final et votre auto-évaluation, en lecture seule/)).toBeVisible();
  await joinWithCode(page, code);

  // A reflection written earlier pre-fills the first field.
  await page.goto("/parcours/essai/introduction");
  await waitForHydration(page);
  await page.getByLabel("Citez un défi de votre territoire.").fill("L'isolement des aînés dans trois villages.");
  await page.getByRole("button", { name: "Enregistrer ma réponse" }).click();
  await expect(page.getByText(/Réponse enregistrée le/)).toBeVisible();

  await page.goto("/parcours/projet/projet-final");
  await page.getByRole("link", { name: "Commencer mon projet" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mon projet d'essai" })).toBeVisible();
  await page.getByRole("link", { name: "Le diagnostic" }).first().click();
  await waitForHydration(page);
  await expect(page.getByLabel("Le défi")).toHaveValue("L'isolement des aînés dans trois villages.");
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Leaving a field saves it (with JavaScript); the draft is there after a reload.
  await page.getByLabel("Les besoins").fill("Transport vers le bourg ; visites ; accès au numérique.");
  await page.getByLabel("Remarques").focus();
  await expect(page.getByText(/Enregistré automatiquement à/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Les besoins")).toHaveValue("Transport vers le bourg ; visites ; accès au numérique.");
  await page.getByRole("button", { name: "Enregistrer et passer à l'étape suivante" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Les premiers pas" })).toBeVisible();
  await page
    .getByLabel("Trois actions")
    .fill("Mars : réunir le CCAS et l'association des aînés.\nAvril : une charte.\nMai : un comité de suivi.");
  await page.getByRole("button", { name: "Enregistrer et passer à l'auto-évaluation" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Auto-évaluation" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page
    .getByRole("group", { name: "1. Diagnostic des besoins" })
    .getByLabel(/^3 — Maîtrisé/)
    .check();
  await page.getByLabel("Quel élément de votre projet justifie ce niveau ?").first().fill("Trois besoins, chacun avec sa source.");
  await page
    .getByRole("group", { name: "2. Premiers pas" })
    .getByLabel(/^1 — Émergent/)
    .check();
  await page.getByLabel("Quel élément de votre projet justifie ce niveau ?").nth(1).fill("Les actions ne sont pas encore réparties.");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page.getByText("Auto-évaluation enregistrée.")).toBeVisible();
  await expect(page.getByText(/Total\s: 4 \/ 8/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pour progresser" })).toBeVisible();
  await page.getByRole("button", { name: "Enregistrer et revenir au projet" }).click();

  // Exports.
  const markdown = await page.request.get("/projet/projet-essai/export.md");
  expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  const text = await markdown.text();
  expect(text).toContain("# Mon projet d'essai");
  expect(text).toContain("Hélène Projet — parcours «\u202FParcours avec projet\u202F»");
  expect(text).toContain("### Les besoins\n\nTransport vers le bourg ; visites ; accès au numérique.");
  expect(text).toContain("| Premiers pas | 1 — Émergent | Les actions ne sont pas encore réparties. |");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger en PDF" }).click()]);
  expect(download.suggestedFilename()).toBe("mon-projet-d-essai-helene-projet.pdf");
  const pdf = await pdfText(readFileSync((await download.path())!));
  expect(pdf).toContain("Hélène Projet");
  expect(pdf).toContain("L'isolement des aînés dans trois villages.");
  expect(pdf).toMatch(/Total\s: 4 \/ 8\./);

  // The certificate waits for the project.
  await page.goto("/parcours/projet/projet-final");
  await waitForHydration(page);
  await passFinalAssessment(page);
  await spendActiveTime(page, { lessonId: "e3-1", pathId: "parcours-projet", seconds: 5 * 60 });
  await markLessonDone(page);
  await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();
  await page.goto("/parcours/projet");
  await expect(page.getByText("Remettre le projet final, avec son auto-évaluation")).toBeVisible();

  await page.goto("/projet/projet-essai");
  await page.getByRole("button", { name: "Remettre mon projet" }).click();
  await expect(page.getByText("Projet remis.")).toBeVisible();
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("link", { name: "Certificat « Parcours avec projet »" })).toBeVisible();

  // The trainer reads the project, read-only, and comments.
  await trainer.page.goto(dashboardUrl);
  await trainer.page.getByRole("link", { name: "Hélène Projet" }).click();
  const section = trainer.page.getByRole("region", { name: /Projet final/ });
  await expect(section).toContainText(/Remis le/);
  await section.getByText("1. Le diagnostic").click();
  await expect(section).toContainText("Transport vers le bourg ; visites ; accès au numérique.");
  await expect(section.getByRole("textbox", { name: "Les besoins" })).toHaveCount(0);
  await trainer.page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(trainer.page.getByText("Écrivez votre commentaire.")).toBeVisible();
  await trainer.page.getByLabel("Votre commentaire").fill("Précisez la source de chaque besoin.");
  await trainer.page.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(trainer.page.getByText("Commentaire enregistré")).toBeVisible();
  expect(await seriousAxeViolations(trainer.page)).toEqual([]);

  await page.goto("/projet/projet-essai");
  await expect(page.getByText("Précisez la source de chaque besoin.")).toBeVisible();
  await expect(page.getByText(/Odile Formatrice, le/)).toBeVisible();
  for (const p of [trainer, learner]) await p.context.close();
});

test("a project is private: another learner, and a trainer of another cohort, cannot read it", async ({ browser }) => {
  const owner = await person(browser, { name: "Propriétaire du projet" });
  await owner.page.goto("/projet/projet-essai/etapes/diagnostic");
  await owner.page.getByLabel("Les besoins").fill("Un texte privé.");
  await owner.page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
  await expect(owner.page.getByText("Brouillon enregistré.")).toBeVisible();

  const other = await person(browser, { name: "Curieux" });
  await other.page.goto("/projet/projet-essai/etapes/diagnostic");
  await expect(other.page.getByLabel("Les besoins")).toHaveValue("");
  expect(await (await other.page.request.get("/projet/projet-essai/export.md")).text()).not.toContain("Un texte privé.");

  const trainer = await person(browser, { name: "Formateur d'ailleurs", profile: "Formateur·rice" });
  const { dashboardUrl } = await createCohort(trainer.page, "Cohorte sans lui", undefined, /Parcours avec projet/);
  const response = await trainer.page.request.post(`${dashboardUrl}/apprenants/inconnu`, {
    form: { intent: "commenter", body: "Intrusion" },
    headers: { Origin: ENGINE_ORIGIN },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
  expect((await trainer.page.request.get("/projet/projet-inconnu")).status()).toBe(404);
  expect((await trainer.page.request.get("/projet/projet-essai/etapes/inconnue")).status()).toBe(404);
  for (const p of [owner, other, trainer]) await p.context.close();
});

test.describe("without JavaScript", () => {
  test("each step is a plain form that saves the draft", async ({ browser }) => {
    const learner = await person(browser, { name: "Sans JavaScript" }, { javaScript: false });
    await learner.page.goto("/projet/projet-essai");
    await learner.page.getByRole("link", { name: "Le diagnostic" }).first().click();
    await learner.page.getByLabel("Le défi").fill("Un défi écrit sans JavaScript.");
    await learner.page.getByRole("button", { name: "Enregistrer le brouillon" }).click();
    await expect(learner.page.getByText("Brouillon enregistré.")).toBeVisible();
    await expect(learner.page.getByLabel("Le défi")).toHaveValue("Un défi écrit sans JavaScript.");
    await learner.page.getByRole("link", { name: "Mon projet d'essai" }).click();
    await learner.page.getByRole("button", { name: "Remettre mon projet" }).click();
    await expect(learner.page.getByText("Il reste des parties à compléter avant de remettre le projet")).toBeVisible();
    await learner.context.close();
  });
});
