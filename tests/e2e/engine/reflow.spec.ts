/**
 * WCAG 1.4.10 (reflow): at 320 px no page is wider than the screen, even with the longest names
 * people type (a 100-character unbroken word as a name, a cohort name, an address).
 */
import { expect, test } from "../fixtures.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

const LONG = "Maximilienne".repeat(8) + "Dupo"; // 100 characters (the longest name accepted), no space

test("every page type fits a 320 px screen with the longest names", async ({ browser }) => {
  test.setTimeout(120_000);
  const trainer = await person(browser, { name: LONG, profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, LONG);
  const learner = await person(browser, { name: LONG });
  await joinWithCode(learner.page, code);
  await learner.page.goto("/parcours/essai/introduction");
  await trainer.page.goto(dashboardUrl);
  const learnerPage = await trainer.page.locator(".data-table a", { hasText: "Maximilienne" }).first().getAttribute("href");
  expect(learnerPage).toBeTruthy();

  const pages: Array<[typeof trainer.page, string[]]> = [
    [
      learner.page,
      [
        "/",
        "/parcours",
        "/parcours/essai",
        "/parcours/essai/introduction",
        "/parcours/essai/conclusion",
        "/tableau-de-bord",
        "/compte",
        "/compte/double-authentification",
        "/simulations",
        "/simulations/cas-essai",
        "/glossaire",
        "/recherche?q=catalyseur",
        `/recherche?q=${"x".repeat(100)}`,
        "/verifier",
        "/confidentialite",
        "/projet/projet-essai",
        "/page-inconnue",
      ],
    ],
    [trainer.page, ["/formateur", dashboardUrl, `${dashboardUrl}/reglages`, learnerPage!, "/compte"]],
  ];
  for (const [page, urls] of pages) {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const url of urls) {
      await page.goto(url);
      const { width, culprits } = await page.evaluate(() => {
        // The elements that stick out on the right, to name them in the failure message.
        const scrolls = (element: Element) => ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
        const insideScroller = (element: Element) => {
          for (let parent = element.parentElement; parent; parent = parent.parentElement) if (scrolls(parent)) return true;
          return false;
        };
        const culprits = [...document.querySelectorAll("body *")]
          .filter((element) => {
            const right = element.getBoundingClientRect().right > 321;
            const positioned = ["absolute", "fixed"].includes(getComputedStyle(element).position);
            return (!insideScroller(element) || positioned) && (right || (!scrolls(element) && element.scrollWidth > 321));
          })
          .slice(-5)
          .map(
            (element) =>
              `${element.tagName.toLowerCase()}.${[...element.classList].join(".")} (${Math.round(element.getBoundingClientRect().right)}/${element.scrollWidth})`,
          );
        return { width: document.documentElement.scrollWidth, culprits };
      });
      expect(width, `${url} à 320 px : ${culprits.join(", ")}`).toBeLessThanOrEqual(320);
    }
  }
  await trainer.context.close();
  await learner.context.close();
});
