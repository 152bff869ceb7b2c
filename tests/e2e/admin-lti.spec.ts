/**
 * /admin/lti: an admin reads the tool's addresses, registers a platform with and without
 * JavaScript (wrong input gets its French message next to its field, what was typed stays), then
 * sees it in the table; registering it again adds a deployment to the same row. Anyone else gets
 * a 404; no serious axe violation, French typography. The platforms it registers are removed
 * before and after it: every spec on this server shares the database.
 */
import type { Page } from "@playwright/test";
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "./fixtures.ts";
import { executeOnPlatform, makeAdmin } from "./platform-database.ts";
import { typographySlips } from "./typography-probe.ts";

const PAGE = "/admin/lti";
/** Every issuer this spec registers ends so, and only this spec's. */
const ISSUER_DOMAIN = "admin-lti.exemple.fr";

async function removeThisSpecsPlatforms() {
  const mine = `%.${ISSUER_DOMAIN}`;
  await executeOnPlatform('DELETE FROM "LtiDeployment" WHERE "platformId" IN (SELECT "id" FROM "LtiPlatform" WHERE "issuer" LIKE ?)', [
    mine,
  ]);
  await executeOnPlatform('DELETE FROM "LtiPlatform" WHERE "issuer" LIKE ?', [mine]);
}
test.beforeAll(removeThisSpecsPlatforms);
test.afterAll(removeThisSpecsPlatforms);

interface PlatformFields {
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string;
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string;
}

function moodle(site: string): PlatformFields {
  return {
    name: "Moodle de l'université",
    issuer: site,
    clientId: "AbC123",
    deploymentIds: "1",
    authLoginUrl: `${site}/mod/lti/auth.php`,
    authTokenUrl: `${site}/mod/lti/token.php`,
    jwksUrl: `${site}/mod/lti/certs.php`,
  };
}

async function fillPlatform(page: Page, fields: PlatformFields) {
  await page.getByLabel("Nom de la plateforme").fill(fields.name);
  await page.getByLabel("Issuer").fill(fields.issuer);
  await page.getByLabel("Client id").fill(fields.clientId);
  await page.getByLabel("Identifiants de déploiement").fill(fields.deploymentIds);
  await page.getByLabel("Adresse d'authentification").fill(fields.authLoginUrl);
  await page.getByLabel("Adresse des jetons").fill(fields.authTokenUrl);
  await page.getByLabel("Adresse des clés publiques").fill(fields.jwksUrl);
}

const submit = (page: Page) => page.getByRole("button", { name: "Enregistrer la plateforme" }).click();

/** The row of the table that names this platform. */
const rowOf = (page: Page, name: string) =>
  page
    .getByRole("region", { name: "Plateformes enregistrées" })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name, exact: true }) });

test("with JavaScript: the tool's addresses, errors next to their fields, then the platform in the table", async ({ page }) => {
  const account = newAccount({ name: "Lina Administratrice" });
  await signUp(page, account);
  expect((await page.goto(PAGE))?.status()).toBe(404);

  makeAdmin(account.email);
  expect((await page.goto(PAGE))?.status()).toBe(200);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("LTI 1.3");
  // PUBLIC_URL is not set on the test server: the addresses are those of http://localhost:PORT.
  const origin = new URL(page.url()).origin;
  for (const path of ["/parcours/decouvrir", "/lti/login", "/lti/launch", "/lti/jwks.json"]) {
    await expect(page.locator("code", { hasText: `${origin}${path}` })).toHaveCount(1);
  }
  expect(await seriousAxeViolations(page)).toEqual([]);

  const site = `https://moodle.${ISSUER_DOMAIN}`;
  await fillPlatform(page, {
    ...moodle(site),
    clientId: "",
    deploymentIds: "  \n ",
    authLoginUrl: `http://moodle.${ISSUER_DOMAIN}/mod/lti/auth.php`,
  });
  await submit(page);
  await expect(page.getByLabel("Client id")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Client id")).toHaveAccessibleDescription(/Client id\s*: requis/);
  await expect(page.getByLabel("Identifiants de déploiement")).toHaveAccessibleDescription(/au moins un identifiant de déploiement/);
  await expect(page.getByLabel("Adresse d'authentification")).toHaveAccessibleDescription(/https obligatoire/);
  await expect(page.getByLabel("Nom de la plateforme")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);

  await page.getByLabel("Client id").fill("AbC123");
  await page.getByLabel("Identifiants de déploiement").fill("1");
  await page.getByLabel("Adresse d'authentification").fill(`${site}/mod/lti/auth.php`);
  await submit(page);
  await expect(page.getByRole("status")).toHaveText("Plateforme enregistrée.");
  const row = rowOf(page, "Moodle de l'université");
  await expect(row.getByRole("cell")).toHaveText([site, "AbC123", /^1\s*:\s*jamais$/]);
  // The form starts empty again for the next platform.
  await expect(page.getByLabel("Nom de la plateforme")).toHaveValue("");
  await expect(page.getByLabel("Client id")).not.toHaveAttribute("aria-invalid", "true");
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);
});

test("without JavaScript: the server refuses next to the fields, keeps what was typed, registers, then adds a deployment", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const account = newAccount({ name: "Noé Administrateur" });
  await signUp(page, account, { javaScript: false });
  makeAdmin(account.email);

  const site = `https://canvas.${ISSUER_DOMAIN}`;
  const canvas = { ...moodle(site), name: "Canvas de l'école", clientId: "10000000000042" };
  await page.goto(PAGE);
  await fillPlatform(page, { ...canvas, name: "C", jwksUrl: "pas une adresse" });
  await submit(page);
  await expect(page.getByLabel("Nom de la plateforme")).toHaveAccessibleDescription(/au moins 2\s*caractères/);
  await expect(page.getByLabel("Adresse des clés publiques")).toHaveAccessibleDescription(/une adresse https:\/\/… est attendue/);
  await expect(page.getByLabel("Issuer")).toHaveValue(site);
  await expect(page.getByLabel("Client id")).toHaveValue("10000000000042");
  await expect(page.getByRole("status")).toHaveCount(0);

  await page.getByLabel("Nom de la plateforme").fill(canvas.name);
  await page.getByLabel("Adresse des clés publiques").fill(canvas.jwksUrl);
  await submit(page);
  await expect(page.getByRole("status")).toHaveText("Plateforme enregistrée.");
  await expect(rowOf(page, canvas.name).getByRole("listitem")).toHaveText([/^1\s*:\s*jamais$/]);

  // The same issuer and client id again, with a second deployment: the same row, updated.
  await fillPlatform(page, { ...canvas, name: "Canvas de l'école (production)", deploymentIds: "1\n2" });
  await submit(page);
  await expect(page.getByRole("status")).toHaveText("Plateforme enregistrée.");
  await expect(rowOf(page, canvas.name)).toHaveCount(0);
  await expect(rowOf(page, "Canvas de l'école (production)").getByRole("listitem")).toHaveText([/^1\s*:\s*jamais$/, /^2\s*:\s*jamais$/]);
  await context.close();
});

test("a visitor gets the 404 page", async ({ page }) => {
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("LTI 1.3");
});
