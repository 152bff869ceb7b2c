/**
 * The accessibility checks of /accessibilite on the real course content, and the statement itself.
 * The keyboard walk (app/accessibility/checks.ts: « clavier », « focus-visible ») runs on one real
 * lesson of each kind of content, found by what the lessons contain, at 360 px; content.spec.ts
 * holds reflow, headings and text alternatives on every lesson, and axe.
 */
import { STATEMENT } from "~/accessibility/checks.ts";
import { keyboardProblems } from "./accessibility-probes.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";

const PATH_SLUGS = ["decouvrir", "comprendre-et-se-situer", "concevoir-sa-demarche"];

/** The kinds of lesson content, by the element each one renders. */
const CONTENT_KINDS: Record<string, string> = {
  tableau: ".lesson-content .table-scroll",
  quiz: ".lesson-content .quiz",
  simulation: ".lesson-content .simulation",
  "choix d'une simulation": ".lesson-content .simulation-choice",
  réflexion: ".lesson-content .reflection",
  "rappel d'une réponse": ".lesson-content .my-answer",
  "réponse modèle": ".lesson-content .model-answer",
  "chiffre clé": ".lesson-content .key-figure",
  "étude de cas": ".lesson-content .case-study",
  encadré: ".lesson-content .callout",
  définition: ".lesson-content .term",
  source: ".lesson-content .source-ref",
  "projet final": ".lesson-content .final-project",
  "schéma ou outil propre à la leçon": ".lesson-content svg[role=img]",
};

test("one real lesson of each kind of content can be walked through with the keyboard, focus visible, at 360 px", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  const lessons = new Set<string>();
  for (const slug of PATH_SLUGS) {
    await page.goto(`/parcours/${slug}`);
    for (const href of await page.locator(".lesson-list a").evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
      if (href) lessons.add(href);
  }
  test.setTimeout(30_000 + lessons.size * 2_000);
  const walked = new Map<string, string>();
  const problems: Record<string, string[]> = {};
  for (const url of lessons) {
    if (walked.size === Object.keys(CONTENT_KINDS).length) break;
    await page.goto(url);
    const present = await page.evaluate(
      (selectors) =>
        Object.entries(selectors)
          .filter(([, selector]) => document.querySelector(selector))
          .map(([kind]) => kind),
      CONTENT_KINDS,
    );
    const kinds = present.filter((kind) => !walked.has(kind));
    if (kinds.length === 0) continue;
    await waitForHydration(page);
    const found = await keyboardProblems(page);
    if (found.length > 0) problems[url] = found;
    for (const kind of kinds) walked.set(kind, url);
  }
  expect(problems).toEqual({});
  // Every kind of content exists in the course and was walked: a renamed class would fail here.
  expect([...walked.keys()].sort()).toEqual(Object.keys(CONTENT_KINDS).sort());
});

test("the footer links the accessibility statement, which passes axe and gives the contact and the remedies", async ({ page }) => {
  await page.goto("/");
  await waitForHydration(page);
  await page
    .getByRole("contentinfo")
    .getByRole("link", { name: `Accessibilité\u00a0: ${STATEMENT.conformity}` })
    .click();
  await expect(page).toHaveURL(/\/accessibilite$/);
  await expect(page.getByRole("heading", { level: 1, name: "Déclaration d'accessibilité" })).toBeVisible();
  await expect(page).toHaveTitle("Déclaration d'accessibilité — Apprendre à faire alliance");
  await expect(page.getByText(`Le site est ${STATEMENT.conformity} au RGAA\u00a04.1.`)).toBeVisible();
  // The default CONTACT_EMAIL of the test server.
  await expect(page.getByRole("link", { name: "contact@apprendre-a-faire-alliance.fr" })).toHaveAttribute(
    "href",
    "mailto:contact@apprendre-a-faire-alliance.fr",
  );
  await expect(page.getByRole("link", { name: "formulaire en ligne" })).toHaveAttribute(
    "href",
    "https://formulaire.defenseurdesdroits.fr/",
  );
  await expect(page.getByRole("heading", { level: 3, name: "Navigation au clavier" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("the statement names the browser the suite drives", async ({ browser }) => {
  expect(browser.browserType().name()).toBe("chromium");
  // The system's security updates may bring a newer Chromium between two statements: the statement
  // says « or later », so the suite must never run on an older one than it names.
  expect(
    Number(browser.version().split(".")[0]),
    "changez STATEMENT.browser (et la date) dans app/accessibility/checks.ts",
  ).toBeGreaterThanOrEqual(STATEMENT.browser.major);
});
