/**
 * The toolkit of the 12 h path (/boite-a-outils): the list, a document in the site's layout, its
 * Markdown download with its headers, a French 404 for an unknown document; no serious axe
 * violation, no horizontal scroll at 320 px, French typography, and all of it without JavaScript.
 */
import { reflowProblems } from "./accessibility-probes.ts";
import { typographySlips } from "./typography-probe.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";

const DOCUMENT = "/boite-a-outils/protocole-atelier-diagnostic";

test("the list shows every document with « Lire » and « Télécharger (Markdown) », and is linked from the footer", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Boîte à outils" }).click();
  await expect(page).toHaveURL(/\/boite-a-outils$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Boîte à outils");
  await expect(page.locator(".toolkit-list__item")).toHaveCount(4);
  await expect(page.getByRole("link", { name: /^Lire/ })).toHaveCount(4);
  await expect(page.getByRole("link", { name: /^Télécharger \(Markdown\)/ })).toHaveCount(4);
  await waitForHydration(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);
});

test("a document renders in the site's layout, with its tables and sources, and passes axe", async ({ page }) => {
  await page.goto("/boite-a-outils");
  await page.getByRole("link", { name: /^Lire.*Protocole/ }).click();
  await expect(page).toHaveURL(new RegExp(`${DOCUMENT}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Protocole");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Le déroulé minute par minute" })).toBeVisible();
  await expect(page.locator(".toolkit-document table").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sources", exact: true })).toBeVisible();
  await waitForHydration(page);
  expect(await seriousAxeViolations(page)).toEqual([]);
  expect(await page.evaluate(typographySlips)).toEqual([]);
});

test("printing drops the site's navigation", async ({ page }) => {
  await page.goto(DOCUMENT);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator(".site-footer")).toBeHidden();
  await expect(page.locator(".toolkit-actions")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("the Markdown download is typeset text with its headers", async ({ request }) => {
  const response = await request.get(`${DOCUMENT}.md`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe('attachment; filename="protocole-atelier-diagnostic.md"');
  const text = await response.text();
  expect(text.startsWith("# Protocole")).toBe(true);
  expect(text).toContain("\n## Sources\n");
  expect(text).toContain("\u00A0:");
  expect(text).not.toMatch(/ [:;?!](?![\p{L}\p{N}])|« | »/u);
});

test("an unknown document is the site's French 404, as a page and as a download", async ({ page, request }) => {
  const response = await page.goto("/boite-a-outils/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  expect((await request.get("/boite-a-outils/nulle-part.md")).status()).toBe(404);
});

test("no page of the toolkit is wider than a 320 px screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/boite-a-outils");
  const urls = await page.getByRole("link", { name: /^Lire/ }).evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const url of ["/boite-a-outils", ...urls]) {
    await page.goto(url);
    expect(await reflowProblems(page), url).toEqual([]);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the list, a document and its download work", async ({ page }) => {
    await page.goto("/boite-a-outils");
    await page.getByRole("link", { name: /^Lire.*Banque/ }).click();
    await expect(page).toHaveURL(/\/boite-a-outils\/indicateurs-par-impact$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Banque d'indicateurs");
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger (Markdown)" }).click();
    expect((await download).suggestedFilename()).toBe("indicateurs-par-impact.md");
  });
});
