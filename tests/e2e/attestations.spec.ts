/**
 * Issue 20's « Done when », the whole chain on the real 1 h path: an admin fills the organisation's
 * settings; a learner of a cohort takes the entry positioning, asks a question from a lesson that
 * the trainer answers from the inbox, completes « Découvrir » at reading pace (test clock), takes
 * the exit self-assessment and the satisfaction questionnaire, then downloads the three documents
 * from the dashboard. Their text (pdftotext) holds every field each one must state, and « présence »
 * in none; each code verifies at /verifier; the trainer downloads the same documents, the cohort's
 * ZIP and its « service fait » CSV. Without organisation settings a document not yet issued is
 * refused with a message that says what is missing and where to set it; one already issued still
 * downloads.
 */
import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { unzipSync } from "fflate";
import { hasPdftotext, pdfLines, pdftotextLines } from "../helpers/pdf-text.ts";
import { createCohort, joinWithCode, person } from "./engine/people.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";
import { clearOrganisationSettings, executeOnPlatform, makeAdmin } from "./platform-database.ts";
import { walkPath } from "./walk-path.ts";

const SLUG = "decouvrir";
const PATH_TITLE = "Découvrir";
const ORGANISATION = {
  legalName: "Éducation Populaire & Territoires — Société coopérative",
  addressLines: ["12 rue de l'Hôtel-de-Ville", "35000 Rennes"],
  siret: "732 829 320 00074",
  nda: "11 75 55555 75",
  qualiopi: "QUALIOPI-2026-0427",
  referentName: "Inès Référente",
  referentEmail: "ines.referente@exemple.fr",
};
const KINDS = [
  { kind: "attestation-fin-formation", title: "Attestation de fin de formation" },
  { kind: "certificat-realisation", title: "Certificat de réalisation" },
  { kind: "releve-activite", title: "Relevé d'activité" },
] as const;
type Kind = (typeof KINDS)[number]["kind"];
const CODE = /Code de vérification ((?:[0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4})/;
const compact = (code: string) => code.replace(/-/g, "");

// The settings are the platform's, shared by every spec on this server: removed before and after.
test.beforeAll(async () => {
  await clearOrganisationSettings();
});
test.afterAll(async () => {
  await clearOrganisationSettings();
});

/** No-break spaces as plain ones: the PDF and the page typeset them, the assertions need not. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, " ");

interface PdfText {
  lines: string[];
  /** Every line joined by a space: a sentence wrapped over lines reads whole. */
  flat: string;
  code: string;
}

/** The text of a PDF as pdftotext extracts it (pdf.js when poppler-utils is missing), and its verification code. */
async function readPdf(bytes: Uint8Array, name: string): Promise<PdfText> {
  const lines = (hasPdftotext ? await pdftotextLines(bytes) : (await pdfLines(bytes)).map((line) => line.text)).map(plain);
  await test.info().attach(`${name}.txt`, { body: lines.join("\n"), contentType: "text/plain" });
  const flat = lines.join(" ");
  const code = CODE.exec(flat)?.[1];
  expect(code, `${name} : code de vérification`).toBeTruthy();
  return { lines, flat, code: code! };
}

async function downloadFrom(page: Page, link: Locator): Promise<{ bytes: Uint8Array; filename: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(await download.failure()).toBeNull();
  return { bytes: new Uint8Array(readFileSync((await download.path())!)), filename: download.suggestedFilename() };
}

/** A fact of the certificate page (« Parcours achevé le » → « 7 décembre 2026 »). */
async function certificateFact(page: Page, term: string): Promise<string> {
  return plain(await page.locator(".certificate-facts dt", { hasText: term }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
}

test("a learner of a cohort goes from placement to the three signed documents, the trainer gets them with the ZIP and the CSV", async ({
  browser,
}) => {
  test.setTimeout(240_000);

  await test.step("an admin fills the organisation settings", async () => {
    const admin = await person(browser, { name: "Adèle Administratrice", profile: "Autre" });
    makeAdmin(admin.account.email);
    const page = admin.page;
    await page.goto("/admin/organisation");
    await waitForHydration(page);
    await page.getByLabel("Raison sociale").fill(ORGANISATION.legalName);
    await page.getByLabel("Adresse", { exact: true }).fill(ORGANISATION.addressLines.join("\n"));
    await page.getByLabel("SIRET").fill(ORGANISATION.siret);
    await page.getByLabel("Numéro de déclaration d'activité").fill(ORGANISATION.nda);
    await page.getByLabel("Référence du certificat Qualiopi").fill(ORGANISATION.qualiopi);
    await page.getByLabel("Nom du référent pédagogique").fill(ORGANISATION.referentName);
    await page.getByLabel("Adresse e-mail du référent pédagogique").fill(ORGANISATION.referentEmail);
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("status")).toHaveText("Informations enregistrées.");
    await expect(page.getByText("Les trois documents peuvent être délivrés.")).toBeVisible();
    await admin.context.close();
  });

  const trainer = await person(browser, { name: "Théo Formateur", profile: "Formateur·rice" });
  const { code: joinCode, dashboardUrl } = await createCohort(trainer.page, "Élus du pays de Rennes", undefined, /Découvrir/);
  const learner = await person(browser, { name: "Maëlle Le Guénnec", profile: "Élu·e" });
  const page = learner.page;
  const learnerName = learner.account.name;
  await joinWithCode(page, joinCode);

  await test.step("the learner takes the entry positioning", async () => {
    await page.goto(`/parcours/${SLUG}`);
    await page.getByRole("link", { name: "Commencer le parcours" }).click();
    await expect(page).toHaveURL(`/parcours/${SLUG}/positionnement`);
    await waitForHydration(page);
    const objectives = page.locator("fieldset.criterion").filter({ has: page.locator("legend", { hasText: /^\d+\. / }) });
    await expect(objectives).toHaveCount(4);
    for (const objective of await objectives.all()) await objective.getByLabel("Je découvre", { exact: true }).check();
    await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
    await expect(page.getByText("Positionnement enregistré.")).toBeVisible();
  });

  const question = "Comment associer les associations sportives au projet de territoire\u202F?";
  const lessonTitle = await test.step("the learner asks a question from a lesson, the trainer answers from the inbox", async () => {
    const lessonUrl = (await page.locator(".lesson-list a").first().getAttribute("href"))!;
    await page.goto(lessonUrl);
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    await page
      .getByRole("region", { name: /Une question sur cette leçon/ })
      .getByRole("link", { name: "Poser une question" })
      .click();
    await page.getByLabel("Votre question").fill(question);
    await page.getByRole("button", { name: "Envoyer la question" }).click();
    await expect(page).toHaveURL(/\/questions\?envoyee=1$/);

    await trainer.page.goto("/formateur/questions");
    await trainer.page.getByLabel(`Votre réponse à ${learnerName}`).fill("Proposez-leur un diagnostic partagé des besoins du quartier.");
    await trainer.page.getByRole("button", { name: "Répondre" }).click();
    await expect(trainer.page.getByRole("status")).toContainText("Réponse envoyée");
    return title;
  });

  const lessons = await test.step("the learner completes the 1 h path at reading pace", async () => {
    const urls = await walkPath(page, SLUG);
    expect(urls.length).toBeGreaterThanOrEqual(9);
    await page.goto(`/parcours/${SLUG}`);
    await expect(page.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();
    return urls;
  });

  await test.step("the exit self-assessment, then the satisfaction questionnaire", async () => {
    await expect(page.getByRole("heading", { name: "Où en êtes-vous maintenant ?" })).toBeVisible();
    await page.getByRole("link", { name: "M'auto-évaluer" }).click();
    await waitForHydration(page);
    const objectives = page.locator("fieldset.criterion").filter({ has: page.locator("legend", { hasText: /^\d+\. / }) });
    for (const objective of await objectives.all()) await objective.getByLabel("Je sais faire avec de l'aide", { exact: true }).check();
    await page.getByRole("button", { name: "Enregistrer mes réponses" }).click();
    await expect(page.getByText("Auto-évaluation enregistrée.")).toBeVisible();

    await page.goto(`/parcours/${SLUG}`);
    await page.getByRole("link", { name: /^Donner mon avis sur le parcours/ }).click();
    const group = (name: RegExp) => page.getByRole("group", { name });
    await group(/^Les objectifs annoncés du parcours ont-ils été atteints pour vous/)
      .getByLabel("Tout à fait")
      .check();
    await group(/^Le contenu était-il clair/)
      .getByLabel("Plutôt oui")
      .check();
    await group(/^Ce parcours vous sera-t-il utile/)
      .getByLabel("Plutôt oui")
      .check();
    await group(/^Recommanderiez-vous ce parcours/)
      .getByLabel("Certainement", { exact: true })
      .check();
    await page.getByRole("button", { name: "Envoyer et voir mon certificat" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /^Certificat «\sDécouvrir\s»$/ })).toBeVisible();
  });

  // The certificate page: its facts are what the documents must repeat; its links, axe-checked.
  const certificateUrl = new URL(page.url()).pathname;
  const certificateId = certificateUrl.split("/").pop()!;
  const certificateCode = (await page.locator(".certificate-facts .verification-code").innerText()).trim();
  const period = `du ${await certificateFact(page, "Première activité")} au ${await certificateFact(page, "Parcours achevé le")}`;
  const duration = (await certificateFact(page, "Durée réalisée")).replace(/ de temps d'activité enregistré sur les leçons$/, "");
  expect(duration).toMatch(/\d/);
  const score = await certificateFact(page, "Score à l'évaluation finale");
  const pathObjectives = (
    await page.locator("h2", { hasText: "Objectifs du parcours" }).locator("xpath=following-sibling::ul[1]/li").allInnerTexts()
  ).map(plain);
  expect(pathObjectives.length).toBeGreaterThanOrEqual(3);
  await expect(page.getByRole("link", { name: /^Relevé d'activité \(PDF\)/ })).toHaveAttribute(
    "href",
    `/certificats/${certificateId}/documents/releve-activite`,
  );
  expect(await seriousAxeViolations(page)).toEqual([]);

  const documents = {} as Record<Kind, PdfText>;
  await test.step("the learner downloads the three PDFs from the dashboard", async () => {
    await page.goto("/tableau-de-bord");
    for (const { kind, title } of KINDS) {
      const link = page.getByRole("link", { name: new RegExp(`^${title} \\(PDF\\)`) });
      await expect(link).toHaveAttribute("href", `/certificats/${certificateId}/documents/${kind}`);
      const { bytes, filename } = await downloadFrom(page, link);
      expect(filename).toMatch(new RegExp(`^${kind}-decouvrir-[0-9a-z]{8}\\.pdf$`));
      documents[kind] = await readPdf(bytes, kind);
    }
  });

  await test.step("each PDF holds the fields it must state, and never « présence »", async () => {
    // Soft: a failure lists every field missing from every document at once, and the chain goes on.
    const codes = new Set([certificateCode, ...KINDS.map(({ kind }) => documents[kind].code)]);
    expect.soft(codes.size, "un code par document, distinct de celui du certificat").toBe(4);
    for (const { kind, title } of KINDS) {
      const { flat } = documents[kind];
      expect.soft(flat, kind).toContain(title);
      expect.soft(flat, kind).toContain(ORGANISATION.legalName);
      expect.soft(flat, kind).toContain(learnerName);
      expect.soft(flat, kind).toContain(PATH_TITLE);
      expect.soft(flat, kind).toContain(period);
      expect.soft(flat, kind).not.toMatch(/présence/i);
      if (kind !== "releve-activite") {
        for (const line of ORGANISATION.addressLines) expect.soft(flat, kind).toContain(line);
        expect.soft(flat, kind).toMatch(/SIRET 732 829 320 00074/);
        expect.soft(flat, kind).toMatch(/N° de déclaration .*11755555575/);
        expect.soft(flat, kind).toContain("Cet enregistrement ne vaut pas agrément de l'État.");
        expect.soft(flat, kind).toContain(`Certification Qualiopi ${ORGANISATION.qualiopi}`);
        expect.soft(flat, kind).toContain("Nature de l'action Action de formation");
        expect.soft(flat, kind).toContain("Modalité Formation à distance (FOAD)");
        expect.soft(flat, kind).toContain(`Durée réalisée ${duration} (temps d'activité enregistré)`);
      }
    }

    const attestation = documents["attestation-fin-formation"];
    for (const objective of pathObjectives) expect.soft(attestation.flat).toContain(objective);
    expect.soft(attestation.flat).toContain("Résultats");
    expect.soft(attestation.flat).toContain(`Score obtenu ${score}`);
    expect.soft(score).toMatch(/^\d+ %$/);
    // Entry and exit levels on each of the four objectives, side by side.
    expect.soft(attestation.lines.filter((line) => /1 — Je découvre .*3 — Je sais faire/.test(line))).toHaveLength(4);
    expect.soft(attestation.flat).toMatch(/Positionnement d'entrée : le \d/);
    expect.soft(attestation.flat).toMatch(/Auto-évaluation de fin de parcours : le \d/);
    expect.soft(attestation.flat).toContain(`code de vérification ${certificateCode}`);

    const realisation = documents["certificat-realisation"];
    expect.soft(realisation.flat).toContain("Activités réalisées (formation à distance)");
    expect.soft(realisation.flat).toContain(`Total (${lessons.length} activités)`);
    // Every activity with its estimated duration: one table row per completed lesson.
    expect.soft(realisation.lines.filter((line) => /\d+ min \d{1,2}(er)? \S+ \d{4}$/.test(line)).length).toBe(lessons.length);
    expect.soft(realisation.flat).toContain(lessonTitle.slice(0, 24));
    expect.soft(realisation.flat).toContain("Méthode");
    expect
      .soft(realisation.flat)
      .toContain("Durée réalisée : le temps d'activité que la plateforme a enregistré sur les leçons du parcours.");
    expect.soft(realisation.flat).toContain("Un même instant n'est jamais compté deux fois.");

    const statement = documents["releve-activite"];
    expect.soft(statement.flat).toContain("Activité jour par jour");
    // Day by day, and the days add up to the certificate's durée réalisée.
    const dayLines = statement.lines.filter((line) => /^\d{1,2}(er)? \S+ \d{4} Temps d'activité : .*\d/.test(line));
    expect.soft(dayLines.length).toBeGreaterThanOrEqual(1);
    expect
      .soft(dayLines.filter((line) => !line.endsWith(": 0 min")).length, "des jours avec du temps d'activité")
      .toBeGreaterThanOrEqual(1);
    expect.soft(statement.flat).toContain(`Temps d'activité total ${duration} (temps d'activité enregistré)`);
    expect.soft(statement.flat).toContain("Leçons terminées");
    expect.soft(statement.flat).toMatch(/Positionnement d'entrée à \d/);
    expect.soft(statement.flat).toMatch(/«\s?Évaluation finale|Évaluations/);
    expect.soft(statement.flat).toContain("Questions posées aux tuteurs");
    expect.soft(statement.flat).not.toContain("Aucune question posée");
    expect.soft(statement.flat).toContain(lessonTitle.slice(0, 16));
    expect.soft(statement.flat).toMatch(/moins d'une\s+heure/);
    expect.soft(statement.flat).toContain("Délai de réponse annoncé 2 jours ouvrés");
    expect.soft(statement.flat).toContain(`Référent pédagogique ${ORGANISATION.referentName} <${ORGANISATION.referentEmail}>`);
  });

  await test.step("each code verifies at /verifier, an altered one does not", async () => {
    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    for (const { kind, title } of KINDS) {
      const { code } = documents[kind];
      expect((await visitorPage.goto(`/verifier/${code}`))?.status()).toBe(200);
      const heading = visitorPage.getByRole("heading", { level: 2, name: /document valide$/ });
      expect(await heading.textContent()).toBe(`${title}\u00A0: document valide`);
      await expect(visitorPage.locator(".certificate-facts")).toContainText(learnerName);
      await expect(visitorPage.locator(".certificate-facts")).toContainText(ORGANISATION.legalName);
      if (kind === "attestation-fin-formation") expect(await seriousAxeViolations(visitorPage)).toEqual([]);
    }
    const code = documents["releve-activite"].code;
    const altered = `${code.startsWith("0") ? "1" : "0"}${code.slice(1)}`;
    expect((await visitorPage.goto(`/verifier/${altered}`))?.status()).toBe(404);
    await expect(visitorPage.getByRole("heading", { name: "Code inconnu" })).toBeVisible();
    await visitor.close();
  });

  await test.step("the trainer downloads the learner's documents, the cohort ZIP and the « service fait » CSV", async () => {
    const trainerPage = trainer.page;
    await trainerPage.goto(dashboardUrl);
    await trainerPage.getByRole("link", { name: learnerName }).click();
    await expect(trainerPage).toHaveURL(/\/formateur\/cohortes\/[^/]+\/apprenants\/[^/]+$/);
    const learnerPath = new URL(trainerPage.url()).pathname;
    for (const { kind, title } of KINDS) {
      const link = trainerPage.getByRole("link", { name: `${title} (PDF)` });
      await expect(link).toHaveAttribute("href", `${learnerPath}/documents/${kind}`);
      const { bytes } = await downloadFrom(trainerPage, link);
      // Issued once: the trainer gets the very document the learner downloaded.
      expect((await readPdf(bytes, `formateur-${kind}`)).code).toBe(documents[kind].code);
    }

    await trainerPage.goto(dashboardUrl);
    const zip = await downloadFrom(
      trainerPage,
      trainerPage.getByRole("link", { name: /^Certificats, attestations, certificats de réalisation et relevés d'activité \(ZIP, 1\)$/ }),
    );
    const files = Object.keys(unzipSync(zip.bytes));
    const folders = new Set(files.map((name) => name.split("/")[0]));
    expect(folders.size).toBe(1);
    expect(files.every((name) => name.endsWith(".pdf"))).toBe(true);
    const names = files.map((name) => name.split("/")[1]);
    expect(names).toHaveLength(4);
    expect(names.filter((name) => name?.startsWith("certificat-decouvrir-"))).toHaveLength(1);
    for (const { kind } of KINDS) {
      expect(names).toContain(`${kind}-decouvrir-${compact(documents[kind].code).slice(0, 8).toLowerCase()}.pdf`);
    }

    const csvFile = await downloadFrom(trainerPage, trainerPage.getByRole("link", { name: /^Durées réalisées pour le financeur/ }));
    const rows = new TextDecoder()
      .decode(csvFile.bytes)
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(";"));
    expect(rows[0]).toEqual([
      "Nom",
      "E-mail",
      "Action",
      "Durée prévue (h)",
      "Durée réalisée (h)",
      "Heures non réalisées (h)",
      "Taux de réalisation (%)",
      "Leçons terminées",
      "Leçons du parcours",
      "Parcours achevé le",
      "Code du certificat",
    ]);
    const row = rows.find((cells) => cells[0] === learnerName);
    expect(row, "la ligne de l'apprenante").toBeTruthy();
    expect(row![1]).toBe(learner.account.email);
    expect(row![2]).toBe(PATH_TITLE);
    expect(Number(row![4]!.replace(",", "."))).toBeGreaterThan(0);
    expect(row![6]).toBe("100");
    expect(row![7]).toBe(String(lessons.length));
    expect(row![8]).toBe(String(lessons.length));
    expect(row![10]).toBe(compact(certificateCode));
  });

  await test.step("without organisation settings, a document not yet issued is refused with what is missing; an issued one still downloads", async () => {
    await clearOrganisationSettings();
    // As if these two had never been downloaded: the next request must issue them.
    for (const kind of ["certificat-realisation", "releve-activite"] as const) {
      expect(
        await executeOnPlatform('DELETE FROM "TrainingDocument" WHERE "certificateId" = ? AND "kind" = ?', [certificateId, kind]),
      ).toBe(1);
    }
    const refusals = [
      { kind: "releve-activite", document: "Le relevé d'activité", missing: ["la raison sociale"] },
      {
        kind: "certificat-realisation",
        document: "Le certificat de réalisation",
        missing: ["la raison sociale", "l'adresse", "le SIRET", "le numéro de déclaration d'activité"],
      },
    ];
    for (const { kind, document, missing } of refusals) {
      const response = await page.goto(`/certificats/${certificateId}/documents/${kind}`);
      expect(response?.status(), kind).toBe(409);
      // What the person reads: which document, which fields, and where an admin sets them.
      const shown = plain(await page.locator("main").innerText());
      expect.soft(shown, kind).toContain(`${document} ne peut pas encore être délivré : l'organisme de formation n'a pas renseigné`);
      for (const field of missing) expect.soft(shown, kind).toContain(field);
      expect.soft(shown, kind).toContain("/admin/organisation");
    }
    const issued = await page.request.get(`/certificats/${certificateId}/documents/attestation-fin-formation`);
    expect(issued.status()).toBe(200);
    expect(issued.headers()["content-type"]).toBe("application/pdf");
    expect((await readPdf(new Uint8Array(await issued.body()), "attestation-sans-reglages")).code).toBe(
      documents["attestation-fin-formation"].code,
    );
  });

  await trainer.context.close();
  await learner.context.close();
});
