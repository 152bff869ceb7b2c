/**
 * The debrief of each of the five real scenarios, as a learner on a 360 px phone sees it in the
 * lesson that embeds it: every option's trade-off is there (folded), at most two « À revoir »
 * lessons per decision, all from the learner's path and never the lesson being read, and the whole
 * debrief fits in about three phone screens.
 */
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "./fixtures.ts";
import { longestDebriefRun, playRun } from "./course-answers.ts";

/**
 * A phone screen: 360 × 640 CSS pixels. The debrief, its disclosures closed, must fit in three.
 * Each scenario is played along the run that makes its longest debrief (most decisions, longest
 * ending); playing the first option shown instead let the drawn order pick the route, and a long
 * ending once took « sa-catalyseur » over the bound in CI. Measured on 7 December 2026: see the
 * annotations (before: about 12 screens, every decision unfolded, up to 15 links each).
 */
const SCREEN = { width: 360, height: 640 };
const MAX_DEBRIEF_HEIGHT = 3 * SCREEN.height;

const CASES = [
  { scenario: "s0-premier-pas", path: "decouvrir", lesson: "mini-scenario-premier-pas" },
  { scenario: "sa-catalyseur", path: "concevoir-sa-demarche", lesson: "le-cas-que-vous-n-avez-pas-encore-joue" },
  { scenario: "sb-maire", path: "concevoir-sa-demarche", lesson: "le-cas-que-vous-n-avez-pas-encore-joue" },
  { scenario: "sc-fonds", path: "concevoir-sa-demarche", lesson: "concevoir-un-fonds-d-innovation-societale" },
  { scenario: "sd-mobilite", path: "concevoir-sa-demarche", lesson: "une-association-de-mobilite-inclusive" },
];

for (const { scenario, path, lesson } of CASES) {
  test(`« ${scenario} » at 360 px: trade-offs of every option, ≤ 2 lessons of the path per decision, ≤ 3 screens`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(SCREEN);
    await signUp(page, newAccount());
    const lessonPath = `/parcours/${path}/${lesson}`;
    await page.goto(lessonPath);
    await waitForHydration(page);
    const simulation = page.locator(`#simulation-${scenario}`);
    // The worst case: the run with the most decisions and the longest ending (course-answers.ts).
    await playRun(simulation, longestDebriefRun(scenario));
    const debrief = simulation.locator(".debrief");
    await expect(debrief.getByText("Fin de la simulation")).toBeVisible();

    const decisions = debrief.locator(".debrief__steps > li");
    const count = await decisions.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const decision = decisions.nth(i);
      // Each decision is folded: its title and what the choice did to the indicators show.
      await expect(decision.locator("summary")).toBeVisible();
      await expect(decision.getByText("Votre choix :")).toBeHidden();
      const links = await decision.locator("a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
      expect(links.length, `décision ${i + 1}`).toBeLessThanOrEqual(2);
      for (const href of links) {
        expect(href.startsWith(`/parcours/${path}/`), `${href} hors du parcours`).toBe(true);
        expect(href).not.toBe(lessonPath);
      }
    }

    const height = (await debrief.boundingBox())!.height;
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    testInfo.annotations.push({
      type: "mesure",
      description: `${scenario} : débriefing ${Math.round(height)} px de haut (${(height / SCREEN.height).toFixed(2)} écrans), ${count} décisions`,
    });
    console.log(
      `${scenario} : débriefing ${Math.round(height)} px (${(height / SCREEN.height).toFixed(2)} écrans de 640 px), ${count} étapes`,
    );
    // For the record (and the release note): the debrief as the phone shows it, disclosures closed.
    const shot = testInfo.outputPath(`debriefing-${scenario}-360px.png`);
    await debrief.screenshot({ path: shot });
    await testInfo.attach(`débriefing ${scenario} à 360 px`, { path: shot, contentType: "image/png" });
    expect(height).toBeLessThanOrEqual(MAX_DEBRIEF_HEIGHT);
    expect(width).toBeLessThanOrEqual(SCREEN.width);

    // Opened, a decision shows the option taken with its feedback, then every other option with its effects and feedback.
    const first = decisions.first();
    await first.locator("summary").click();
    await expect(first.getByText("Votre choix :")).toBeVisible();
    const others = first.locator(".debrief__others > li");
    expect(await others.count()).toBeGreaterThan(0);
    for (const other of await others.all()) await expect(other).toContainText(/\((.+\s[+−]\d|sans effet chiffré)\)/);
    const openShot = testInfo.outputPath(`debriefing-${scenario}-360px-decision-ouverte.png`);
    await first.screenshot({ path: openShot });
    await testInfo.attach(`débriefing ${scenario} à 360 px, première décision ouverte`, { path: openShot, contentType: "image/png" });
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}
