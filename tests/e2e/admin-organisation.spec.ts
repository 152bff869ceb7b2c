/**
 * /admin/organisation: an admin fills the organisation's settings with and without JavaScript;
 * wrong input gets its French message next to its field; the page says which documents each
 * missing field blocks; anyone else gets a 404; no serious axe violation, French typography.
 * Admins are named only by `npm run user:role` (app/cli/user-role.ts): the test runs it on the
 * platform server's database, as an operator would.
 */
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import Database from "better-sqlite3";
import { typographySlips } from "./typography-probe.ts";
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "./fixtures.ts";

const PAGE = "/admin/organisation";
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

/**
 * The settings are the platform's, shared by every spec on this server: what this spec stores (a
 * « 48 heures ouvrées » delay, an identity) is removed before and after it, so that the specs that
 * show the default delay to learners do not depend on the order they run in.
 */
function clearSettings() {
  const db = new Database(DATABASE_URL.replace(/^file:/, ""));
  try {
    db.prepare('DELETE FROM "OrganisationSetting"').run();
  } finally {
    db.close();
  }
}
test.beforeAll(clearSettings);
test.afterAll(clearSettings);

function makeAdmin(email: string) {
  execFileSync("npx", ["tsx", "app/cli/user-role.ts", email, "ADMIN"], {
    env: { ...process.env, DATABASE_URL },
    stdio: "pipe",
  });
}

/** Fills the legal identity; the other fields stay as they are. */
async function fillIdentity(page: Page, values: { legalName: string; address: string; siret: string; nda: string }) {
  await page.getByLabel("Raison sociale").fill(values.legalName);
  await page.getByLabel("Adresse", { exact: true }).fill(values.address);
  await page.getByLabel("SIRET").fill(values.siret);
  await page.getByLabel("Numéro de déclaration d'activité").fill(values.nda);
}

test("a learner gets a 404; once named admin, they fill the form with JavaScript, errors show next to fields", async ({ page }) => {
  const account = newAccount({ name: "Ada Administratrice" });
  await signUp(page, account);
  expect((await page.goto(PAGE))?.status()).toBe(404);

  makeAdmin(account.email);
  expect((await page.goto(PAGE))?.status()).toBe(200);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Organisme de formation");
  // Nothing configured on the test server: the page says what blocks each document.
  await expect(
    page.getByText(/L'attestation de fin de formation\s*: bloqué, il manque la raison sociale, l'adresse, le SIRET et le numéro/),
  ).toBeVisible();
  await expect(page.getByText(/Le relevé d'activité\s*: bloqué, il manque la raison sociale\./)).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  await fillIdentity(page, { legalName: "Alliance Formation", address: "1 rue de la Paix\n75002 Paris", siret: "123", nda: "12" });
  await page.getByLabel("Adresse e-mail du référent pédagogique").fill("pas-une-adresse");
  await page.getByLabel("Délai de réponse aux questions des apprenant·es").fill("x".repeat(61));
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByLabel("SIRET")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("SIRET")).toHaveAccessibleDescription(/Le SIRET compte 14\s*chiffres/);
  await expect(page.getByLabel("Numéro de déclaration d'activité")).toHaveAccessibleDescription(/compte 11\s*chiffres/);
  await expect(page.getByLabel("Adresse e-mail du référent pédagogique")).toHaveAccessibleDescription(/n'est pas valide/);
  await expect(page.getByLabel("Délai de réponse aux questions des apprenant·es")).toHaveAccessibleDescription(/au plus 60\s*caractères/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A mistyped digit: the Luhn key catches it.
  await page.getByLabel("SIRET").fill("732 829 320 00075");
  await page.getByLabel("Numéro de déclaration d'activité").fill("11 75 55555 75");
  await page.getByLabel("Adresse e-mail du référent pédagogique").fill("ines@alliance.fr");
  await page.getByLabel("Délai de réponse aux questions des apprenant·es").fill("48 heures ouvrées");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByLabel("SIRET")).toHaveAccessibleDescription(/clé de contrôle est fausse/);

  await page.getByLabel("SIRET").fill("732 829 320 00074");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Informations enregistrées.");
  await expect(page.getByText("Les trois documents peuvent être délivrés.")).toBeVisible();
  // Stored without spaces, shown back as stored.
  await expect(page.getByLabel("SIRET")).toHaveValue("73282932000074");
  await expect(page.getByLabel("Numéro de déclaration d'activité")).toHaveValue("11755555575");
  await expect(page.getByLabel("Délai de réponse aux questions des apprenant·es")).toHaveValue("48 heures ouvrées");
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);
});

test("without JavaScript: the server refuses a wrong SIRET next to its field, then saves", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const account = newAccount({ name: "Bao Administrateur" });
  await signUp(page, account, { javaScript: false });
  makeAdmin(account.email);

  await page.goto(PAGE);
  await fillIdentity(page, { legalName: "Sans Script SARL", address: "2 place de la Mairie", siret: "73282932000075", nda: "11755555575" });
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByLabel("SIRET")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("SIRET")).toHaveAccessibleDescription(/clé de contrôle est fausse/);
  // What was typed is still there, nothing was saved.
  await expect(page.getByLabel("Raison sociale")).toHaveValue("Sans Script SARL");
  await expect(page.getByRole("status")).toHaveCount(0);

  // La Poste's establishments follow their own rule: accepted.
  await page.getByLabel("SIRET").fill("356 000 000 49837");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("status")).toHaveText("Informations enregistrées.");
  await expect(page.getByLabel("SIRET")).toHaveValue("35600000049837");
  await expect(page.getByLabel("Raison sociale")).toHaveValue("Sans Script SARL");
  await context.close();
});

test("a visitor gets the 404 page", async ({ page }) => {
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Organisme de formation");
});
