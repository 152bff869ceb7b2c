/**
 * Every lesson of the real content renders for a visitor: its content, no browser error, and no
 * serious accessibility violation. New lessons are covered as soon as a path lists them.
 */
import type { Page } from "@playwright/test";
import { headingProblems, textAlternativeProblems } from "./accessibility-probes.ts";
import { typographySlips } from "./typography-probe.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";

const PATH_SLUGS = ["decouvrir", "comprendre-et-se-situer", "concevoir-sa-demarche"];

test("every lesson of every path renders and passes axe", async ({ page }) => {
  // One visit per lesson, in the first path that lists it (the 4 h and 12 h paths reuse lessons).
  const lessons = new Map<string, string>();
  for (const slug of PATH_SLUGS) {
    await page.goto(`/parcours/${slug}`);
    for (const href of await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      const slug = href?.split("/").pop();
      if (href && slug && !lessons.has(slug)) lessons.set(slug, href);
    }
  }
  expect(lessons.size).toBeGreaterThan(0);
  // A budget per lesson rather than one for the whole walk: the walk grows with the course.
  test.setTimeout(30_000 + lessons.size * 5_000);
  for (const url of lessons.values()) {
    await page.goto(url);
    await waitForHydration(page);
    await expect(page.locator(".lesson-content h2").first(), url).toBeVisible();
    await expect(page.getByText("Cette leçon n'a pas pu être affichée"), url).toHaveCount(0);
    expect(await seriousAxeViolations(page), url).toEqual([]);
  }
});

test("every real simulation can be played to an ending, and passes axe", async ({ page }) => {
  // Five scenarios, each played through with axe before and after: give each its own budget.
  test.setTimeout(120_000);
  await page.goto("/simulations");
  const links = await page.locator(".card a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
  expect(links.length).toBeGreaterThanOrEqual(3);
  // A budget per simulation (two axe runs and a full game each), as for the lessons above.
  test.setTimeout(30_000 + links.length * 10_000);
  for (const url of links) {
    await page.goto(url);
    await waitForHydration(page);
    expect(await seriousAxeViolations(page), url).toEqual([]);
    const sim = page.locator(".simulation");
    await sim.getByRole("button", { name: "Commencer la simulation" }).click();
    // Always take the first option shown (their order is drawn per run): every path leads to an ending.
    for (let step = 0; step < 20; step++) {
      const choices = sim.locator(".choice-button");
      if ((await choices.count()) === 0) break;
      await choices.first().click();
    }
    await expect(sim.getByText("Fin de la simulation"), url).toBeVisible();
    expect(await seriousAxeViolations(page), `${url} (débriefing)`).toEqual([]);
  }
});

test("no lesson is wider than a 320 px screen (wide tables scroll inside a focusable, labelled region), its headings are in order and its images have text alternatives", async ({
  page,
}) => {
  await page.setViewportSize({ width: 320, height: 640 });
  const lessons = new Set<string>();
  for (const slug of PATH_SLUGS) {
    await page.goto(`/parcours/${slug}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `/parcours/${slug}`).toBeLessThanOrEqual(320);
    for (const href of await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      if (href) lessons.add(href);
  }
  test.setTimeout(30_000 + lessons.size * 2_000);
  let tables = 0;
  // The « titres » and « alternatives » checks of /accessibilite (app/accessibility/checks.ts), on
  // every real lesson; all problems at once, by lesson.
  const problems: Record<string, string[]> = {};
  for (const url of lessons) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(320);
    const found = [...(await headingProblems(page)), ...(await textAlternativeProblems(page))];
    if (found.length > 0) problems[url] = found;
    for (const region of await page.locator(".lesson-content table").evaluateAll((all) =>
      all.map((table) => {
        const parent = table.parentElement!;
        return { role: parent.getAttribute("role"), label: parent.getAttribute("aria-label"), tabIndex: parent.tabIndex };
      }),
    )) {
      tables += 1;
      expect(region.role, url).toBe("region");
      expect(region.label, url).toMatch(/^Tableau/);
      expect(region.tabIndex, url).toBe(0);
    }
  }
  expect(tables).toBeGreaterThan(0);
  expect(problems).toEqual({});
});

/** Every lesson of the real paths, once each, in the first path that lists it. */
async function realLessons(page: Page): Promise<string[]> {
  const lessons = new Map<string, string>();
  for (const slug of PATH_SLUGS) {
    await page.goto(`/parcours/${slug}`);
    for (const href of await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href")))) {
      const lesson = href?.split("/").pop();
      if (href && lesson && !lessons.has(lesson)) lessons.set(lesson, href);
    }
  }
  return [...lessons.values()];
}

test("every lesson is typeset: no plain space before « : ; ! ? % » nor inside « »", async ({ page }) => {
  const lessons = await realLessons(page);
  expect(lessons.length).toBeGreaterThan(40);
  test.setTimeout(30_000 + lessons.length * 2_000);
  const slips: string[] = [];
  for (const url of lessons) {
    await page.goto(url);
    for (const slip of await page.evaluate(typographySlips)) slips.push(`${url} : ${slip}`);
  }
  expect(slips).toEqual([]);
});

test("the pages around the lessons are typeset too: home, paths, glossary, simulations, verification", async ({ page }) => {
  await page.goto("/simulations");
  const simulations = await page.locator(".card a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
  expect(simulations.length).toBeGreaterThanOrEqual(3);
  const pages = [
    "/",
    "/parcours",
    ...PATH_SLUGS.map((slug) => `/parcours/${slug}`),
    "/glossaire",
    "/simulations",
    ...simulations,
    "/verifier",
  ];
  const slips: string[] = [];
  for (const url of pages) {
    await page.goto(url);
    for (const slip of await page.evaluate(typographySlips)) slips.push(`${url} : ${slip}`);
  }
  expect(slips).toEqual([]);
});
