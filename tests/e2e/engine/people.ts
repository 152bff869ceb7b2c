/**
 * People of the engine's end-to-end tests, each in a browser context of their own: sign up (with or
 * without JavaScript afterwards), create a cohort as a trainer, join one as a learner.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, newAccount, signUp, type NewAccount } from "../fixtures.ts";

export { ENGINE_ORIGIN } from "../servers.ts";

let addressCounter = 0;
/** Each person gets an address of their own (the test server trusts X-Forwarded-For, as behind a proxy). */
export async function person(
  browser: Browser,
  overrides: Partial<NewAccount> = {},
  { javaScript = true } = {},
): Promise<{ context: BrowserContext; page: Page; account: NewAccount }> {
  addressCounter += 1;
  const extraHTTPHeaders = { "X-Forwarded-For": `192.0.2.${(Date.now() % 150) + addressCounter}` };
  let context = await browser.newContext({ extraHTTPHeaders });
  let page = await context.newPage();
  const account = newAccount(overrides);
  await signUp(page, account);
  if (!javaScript) {
    // Signed up with JavaScript (the helper waits for hydration), then carries on without it.
    const storageState = await context.storageState();
    await context.close();
    context = await browser.newContext({ extraHTTPHeaders, storageState, javaScriptEnabled: false });
    page = await context.newPage();
  }
  return { context, page, account };
}

export async function createCohort(
  page: Page,
  name: string,
  dates?: { start: string; due: string },
  pathLabel: RegExp = /Parcours d'essai/,
) {
  await page.goto("/formateur");
  await page.getByRole("link", { name: "Créer une cohorte" }).click();
  await page.getByLabel("Nom de la cohorte").fill(name);
  await page.getByRole("radio", { name: pathLabel }).check();
  if (dates) {
    await page.getByLabel("Début").fill(dates.start);
    await page.getByLabel("Échéance").fill(dates.due);
  }
  await page.getByRole("button", { name: "Créer la cohorte" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const code = (await page.locator(".join-box .join-code").innerText()).trim();
  expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  return { code, dashboardUrl: new URL(page.url()).pathname };
}

/** The rows of the learner table (the page has other tables: item analysis). */
export function learnerRowsOf(page: Page) {
  return page.getByRole("region", { name: "Les apprenant·es" }).locator("tbody tr");
}

export async function joinWithCode(page: Page, typed: string) {
  await page.goto("/tableau-de-bord");
  await page.getByLabel("Code de la cohorte").fill(typed);
  await page.getByRole("button", { name: "Continuer" }).click();
  await expect(page.getByRole("heading", { name: /^Ce que .+ verra$/ })).toBeVisible();
  await page.getByRole("button", { name: "J'accepte et je rejoins la cohorte" }).click();
  await expect(page.getByText(/^Vous avez rejoint la cohorte «\s/)).toBeVisible();
}
