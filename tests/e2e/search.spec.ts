/**
 * Search on the real course: the header's box leads to /recherche, results are grouped by path with
 * the matched words marked, and a result leads to its lesson's section; with and without JavaScript.
 */
import type { Page } from "@playwright/test";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";

async function searchFromHeader(page: Page, query: string) {
  const box = page.getByRole("search", { name: "Recherche dans le site" }).getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  await expect(page).toHaveURL(/\/recherche\?q=/);
}

async function expectGroupedResults(page: Page) {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ résultats? pour «\s*elus\s*»$/);
  await expect(page).toHaveTitle(/«\s*elus\s*»/);
  const groups = page.locator("main section");
  await expect(groups.first().getByRole("heading", { level: 2 })).toHaveText(/^Découvrir \(1\s*h\)$/);
  const first = groups.first().getByRole("listitem").first();
  // Accents are ignored: « elus » marks « élus » as written in the lesson.
  await expect(first.locator("mark").first()).toHaveText(/^élus$/i);
  return first;
}

async function followFirstResult(page: Page, first: ReturnType<Page["locator"]>) {
  const link = first.getByRole("heading", { level: 3 }).getByRole("link");
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^\/parcours\/decouvrir\/[a-z0-9-]+#[a-z0-9-]+$/);
  await link.click();
  await expect(page).toHaveURL(href);
  const anchor = href.split("#")[1]!;
  await expect(page.locator(`.lesson-content h2[id="${anchor}"]`)).toBeVisible();
}

test("with JavaScript: the header's box, grouped and marked results, a result opens its section", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/parcours");
  await waitForHydration(page);
  await searchFromHeader(page, "elus");
  const first = await expectGroupedResults(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await followFirstResult(page, first);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the same search works as a plain form", async ({ page }) => {
    await page.goto("/");
    await searchFromHeader(page, "elus");
    const first = await expectGroupedResults(page);
    await followFirstResult(page, first);
  });
});

// axe needs JavaScript in the page: these pages are checked with it, and work the same without.
test("nothing found: suggestions; too long: a French message, not an error page", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/recherche?q=xqzwvkj");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Aucun résultat pour «\s*xqzwvkj\s*»$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "élus", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^\d+ résultats pour «\s*élus\s*»$/);

  const response = await page.goto(`/recherche?q=${"alliance ".repeat(20)}`);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole("alert")).toContainText("Votre recherche est trop longue");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rechercher dans les cours");
  expect(await seriousAxeViolations(page)).toEqual([]);
});
