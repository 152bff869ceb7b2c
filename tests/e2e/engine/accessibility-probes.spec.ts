/**
 * The probes behind /accessibilite's checks (tests/e2e/accessibility-probes.ts) find what they look
 * for: each one on a page made to fail it, and on the same page fixed.
 */
import { headingProblems, keyboardProblems, reflowProblems, textAlternativeProblems } from "../accessibility-probes.ts";
import { expect, test } from "../fixtures.ts";

test("headings: one h1, no level skipped going down", async ({ page }) => {
  await page.setContent(`<h1>Titre</h1><h2>Partie</h2><h4>Sautée</h4><h2>Autre</h2><h1>Deuxième</h1>`);
  expect(await headingProblems(page)).toEqual(["2 titres de niveau 1 (un seul attendu)", "h4 « Sautée » après un h2"]);
  await page.setContent(`<h1>Titre</h1><h2>Partie</h2><h3>Sous-partie</h3><h2>Autre</h2><div hidden><h4>caché</h4></div>`);
  expect(await headingProblems(page)).toEqual([]);
});

test("text alternatives: images, svg and diagrams", async ({ page }) => {
  await page.setContent(
    `<h1>x</h1><img src="data:,"><svg width="10" height="10"></svg><figure><svg width="10" height="10" aria-hidden="true"></svg></figure>`,
  );
  expect(await textAlternativeProblems(page)).toHaveLength(3);
  await page.setContent(
    `<h1>x</h1><img src="data:," alt=""><svg role="img" aria-label="Radar des six axes" width="10" height="10"></svg><figure><svg width="10" height="10" aria-hidden="true"></svg><figcaption>Schéma : trois cercles</figcaption></figure>`,
  );
  expect(await textAlternativeProblems(page)).toEqual([]);
});

test("keyboard: every stop reached in order, focus visible", async ({ page }) => {
  const style = `<style>:focus-visible { outline: 3px solid orange; } .plain:focus { outline: none; }</style>`;
  await page.setContent(
    `${style}<a href="#a">Un</a><button class="plain">Deux</button><a href="#c" tabindex="1">Trois</a><div tabindex="-1">Non</div>`,
  );
  const problems = await keyboardProblems(page);
  expect(problems).toContain("button « Deux » : focus invisible");
  expect(problems.some((problem) => problem.includes("ordre de tabulation"))).toBe(true);
  await page.setContent(
    `${style}<a href="#a">Un</a><button>Deux</button><fieldset><label><input type="radio" name="r">A</label><label><input type="radio" name="r">B</label></fieldset><input type="date" aria-label="Début"><details><summary>Plus</summary><a href="#x">caché</a></details>`,
  );
  expect(await keyboardProblems(page)).toEqual([]);
});

test("reflow: a page wider than the screen names what sticks out", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.setContent(`<h1>x</h1><table class="large"><tr><td style="min-width: 600px">large</td></tr></table>`);
  expect((await reflowProblems(page))[0]).toMatch(/^page large de \d+ px pour un écran de 320 px : .*table\.large/);
  await page.setContent(
    `<h1>x</h1><div style="overflow-x: auto" tabindex="0"><table><tr><td style="min-width: 600px">large</td></tr></table></div>`,
  );
  expect(await reflowProblems(page)).toEqual([]);
});
