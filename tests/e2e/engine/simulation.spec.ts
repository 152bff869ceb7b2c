/**
 * Case simulations on the fixture scenario « Cas d'essai » (e1 → [e1e if confiance ≤ 1] → e2 → fin).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Locator, Page } from "@playwright/test";
import { parse } from "yaml";
import { orderFromSeed } from "~/simulations/choice-order.ts";
import { ScenarioSchema } from "~/simulations/scenario-schema.ts";
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "../fixtures.ts";

const PAGE = "/simulations/cas-essai";
const ENGINE_DB = path.resolve("data/e2e-moteur.db");

function runsOf(email: string) {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT r.choices, r.endingId, r.finishedAt, r.abandonedAt FROM SimulationRun r JOIN User u ON u.id = r.userId WHERE u.email = ? ORDER BY r.startedAt`,
      )
      .all(email) as Array<{ choices: string; endingId: string | null; finishedAt: number | null; abandonedAt: number | null }>;
  } finally {
    db.close();
  }
}

/**
 * Enrols a learner in the fixture path, as visiting its lessons would: on the simulation's own page,
 * the debrief links to lessons of the path the learner follows. Dates copied from the account, in
 * whatever form the database stores them.
 */
function enrolInEssai(email: string) {
  const db = new Database(ENGINE_DB);
  try {
    db.prepare(
      `INSERT INTO PathEnrollment (id, userId, pathId, startedAt, lastLessonId, lastVisitedAt)
       SELECT 'inscription-' || id, id, 'parcours-essai', createdAt, NULL, createdAt FROM User WHERE email = ?`,
    ).run(email);
  } finally {
    db.close();
  }
}

function storedOrders(email: string): Array<Record<string, string[]>> {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT r.choiceOrder FROM SimulationRun r JOIN User u ON u.id = r.userId WHERE u.email = ? ORDER BY r.startedAt`)
      .all(email) as Array<{ choiceOrder: string }>;
    return rows.map((row) => JSON.parse(row.choiceOrder) as Record<string, string[]>);
  } finally {
    db.close();
  }
}

const scenario = ScenarioSchema.parse(parse(readFileSync(path.resolve("tests/fixtures/courses/scenarios/cas-essai.yaml"), "utf8")));
/** The texts of a scene's options in a given order. */
const textsIn = (sceneId: string, ids: string[]) =>
  ids.map((id) => scenario.scenes.find((scene) => scene.id === sceneId)!.choices.find((choice) => choice.id === id)!.text);
const shownChoices = (sim: Locator) => sim.locator(".choice-button").allInnerTexts();

async function playToTheEnd(page: Page) {
  const sim = page.locator("#simulation-cas-essai");
  await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeVisible();
  await sim.getByRole("button", { name: "Agir seul." }).click();
  await expect(sim.getByText("RETRO-E1-B Personne n'est associé.")).toBeVisible();
  await expect(sim.getByText(/1 sur 10 \(fragile\)/)).toBeVisible();
  await expect(sim.getByRole("heading", { name: "Un partenaire claque la porte" })).toBeVisible();
  await expect(sim.getByText("Événement", { exact: true })).toBeVisible();
  await sim.getByRole("button", { name: "Rouvrir le dialogue." }).click();
  await expect(sim.getByRole("heading", { name: "Animer" })).toBeVisible();
  await sim.getByText("Journal de vos décisions (2)").click();
  await expect(sim.getByText("Un partenaire claque la porte : Rouvrir le dialogue.")).toBeVisible();
  await sim.getByRole("button", { name: "Gouvernance partagée." }).click();
  await expect(sim.getByRole("heading", { name: "Projet utile mais fragile" })).toBeVisible();
  await expect(sim.getByText("FIN-F2 Il manque un ingrédient.")).toBeVisible();
}

test("play a full run to an ending, read the debrief, replay", async ({ page }) => {
  const account = newAccount({ profile: "Élu·e" });
  await signUp(page, account);
  enrolInEssai(account.email);
  await page.goto(PAGE);
  await waitForHydration(page);
  const sim = page.locator("#simulation-cas-essai");
  await expect(sim.getByText("Vous êtes adjoint·e au maire d'une commune d'essai.")).toBeVisible(); // role for the profile
  await sim.getByRole("button", { name: "Commencer la simulation" }).click();
  await playToTheEnd(page);

  // The debrief: trajectory, each decision (folded) with the option taken and every other option's trade-off, reality.
  await sim.getByText("Vos indicateurs, décision après décision").click();
  const table = sim.getByRole("table");
  await expect(table.getByRole("row", { name: /Confiance/ })).toContainText("3");
  const first = sim.locator(".debrief__steps > li").first();
  await expect(first.locator("summary")).toHaveText("Par où commencer ? — Confiance −2, Impact +1");
  await first.locator("summary").click();
  await expect(first.getByText("Votre choix : Agir seul.")).toBeVisible();
  await expect(first.getByText("RETRO-E1-A Vous partez des besoins.")).toBeVisible();
  await expect(first.getByText("(Confiance +3)")).toBeVisible();
  // The lesson of the learner's path citing the decision's concept: one link, to that path.
  await expect(first.getByRole("link")).toHaveCount(1);
  await expect(first.getByRole("link", { name: "Conclusion" })).toHaveAttribute("href", "/parcours/essai/conclusion");
  await sim.getByText("Ce qui s'est passé dans la réalité").click();
  await expect(sim.getByText("Dans le cas réel, tout a commencé par une étude des besoins.")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  await expect.poll(() => runsOf(account.email)[0]?.endingId).toBe("essai-f2");
  expect(JSON.parse(runsOf(account.email)[0]!.choices)).toEqual([
    { sceneId: "e1", choiceId: "b" },
    { sceneId: "e1e", choiceId: "a" },
    { sceneId: "e2", choiceId: "a" },
  ]);

  await sim.getByRole("button", { name: "Rejouer la simulation" }).click();
  await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeVisible();
  await expect.poll(() => runsOf(account.email).length).toBe(2);
});

test("the simulation inside a lesson, and its page, have no serious accessibility violation", async ({ page }) => {
  await signUp(page, newAccount());
  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  const sim = page.locator("#simulation-cas-essai");
  await sim.getByRole("button", { name: "Commencer la simulation" }).click();
  await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  // Its debrief never sends the learner back to the lesson they are reading.
  await playToTheEnd(page);
  await expect(sim.locator(".debrief a")).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.goto("/simulations");
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("on a phone (360 px), a whole run fits the screen: no horizontal scrolling, gauges and debrief included", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signUp(page, newAccount());
  await page.goto(PAGE);
  await waitForHydration(page);
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.locator("#simulation-cas-essai").getByRole("button", { name: "Commencer la simulation" }).click();
  expect(await overflow(), "scène").toBeLessThanOrEqual(0);
  await playToTheEnd(page);
  expect(await overflow(), "débriefing").toBeLessThanOrEqual(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
});

test("forged requests: a claimed ending and an impossible choice are refused", async ({ page, baseURL }) => {
  await signUp(page, newAccount());
  // As the browser's fetchers do: the route's data, not its page (Remix's `_data` parameter).
  const post = (fields: Record<string, string>) =>
    page.request.post(`${baseURL}${PAGE}?_data=${encodeURIComponent("routes/simulations.$id")}`, {
      headers: { Origin: baseURL! },
      form: { mode: "js", retour: PAGE, ...fields },
    });
  const { run } = await (await post({ intent: "commencer" })).json();
  const claimed = await post({ intent: "choisir", runId: run.id, sceneId: "e1", choix: "a", endingId: "essai-f1" });
  expect(claimed.status()).toBe(400);
  expect(await claimed.json()).toEqual({
    error: "champ-inattendu",
    message: "Cette demande contient des données inattendues\u00A0: elle a été ignorée.",
  });
  const impossible = await post({ intent: "choisir", runId: run.id, sceneId: "e2", choix: "a" });
  expect(impossible.status()).toBe(409);
  expect((await post({ intent: "choisir", runId: run.id, sceneId: "e1", choix: "a" })).status()).toBe(200);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a learner plays with plain forms, the run is stored", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account, { redirectTo: PAGE, javaScript: false });
    await page.locator("#simulation-cas-essai").getByRole("button", { name: "Commencer la simulation" }).click();
    await playToTheEnd(page);
    expect(runsOf(account.email)[0]?.endingId).toBe("essai-f2");
  });

  test("a visitor plays with the choices in the address; nothing is stored", async ({ page }) => {
    await page.goto(PAGE);
    await page.locator("#simulation-cas-essai").getByRole("button", { name: "Commencer la simulation" }).click();
    await playToTheEnd(page);
    expect(new URL(page.url()).searchParams.get("choix")).toBe("e1-b.e1e-a");
    // The order of options travels with the choices: a seed drawn by the server, the same at every step.
    expect(new URL(page.url()).searchParams.get("ordre")).toMatch(/^[a-z0-9]{10}$/);
  });
});

test.describe("the order of options", () => {
  test("drawn for each run and stored: the page with and without JavaScript, and a reload, show the same order", async ({
    page,
    browser,
    baseURL,
  }) => {
    const account = newAccount();
    await signUp(page, account);
    await page.goto(PAGE);
    await waitForHydration(page);
    const sim = page.locator("#simulation-cas-essai");
    await sim.getByRole("button", { name: "Commencer la simulation" }).click();
    await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeVisible();
    const [stored] = storedOrders(account.email);
    expect(await shownChoices(sim)).toEqual(textsIn("e1", stored!["e1"]!));

    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState(), baseURL });
    try {
      const plain = await noScript.newPage();
      await plain.goto(PAGE);
      const plainSim = plain.locator("#simulation-cas-essai");
      expect(await shownChoices(plainSim)).toEqual(textsIn("e1", stored!["e1"]!));
      // A choice made without JavaScript; the next scene, back with JavaScript, keeps the run's order.
      await plainSim.getByRole("button", { name: "Réunir tout le monde." }).click();
      await expect(plainSim.getByRole("heading", { name: "Animer" })).toBeVisible();
      expect(await shownChoices(plainSim)).toEqual(textsIn("e2", stored!["e2"]!));
    } finally {
      await noScript.close();
    }
    await page.reload();
    await waitForHydration(page);
    await expect(sim.getByRole("heading", { name: "Animer" })).toBeVisible();
    expect(await shownChoices(sim)).toEqual(textsIn("e2", stored!["e2"]!));
  });

  test("two runs can differ: over 16 new runs the server draws more than one order", async ({ page, baseURL }) => {
    const account = newAccount();
    await signUp(page, account);
    const post = (fields: Record<string, string>) =>
      page.request.post(`${baseURL}${PAGE}?_data=${encodeURIComponent("routes/simulations.$id")}`, {
        headers: { Origin: baseURL! },
        form: { mode: "js", retour: PAGE, ...fields },
      });
    const orders = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const { run } = (await (await post({ intent: i === 0 ? "commencer" : "recommencer" })).json()) as {
        run: { order: Record<string, string[]> };
      };
      orders.add(JSON.stringify(run.order));
    }
    // Two scenes of two options and one event of two: 8 orders; 16 identical draws would have a chance of 8⁻¹⁵.
    expect(orders.size).toBeGreaterThan(1);
    expect(storedOrders(account.email).map((order) => JSON.stringify(order))).toEqual(expect.arrayContaining([...orders]));
    // The page shows the last run's order.
    const last = storedOrders(account.email).at(-1)!;
    await page.goto(PAGE);
    expect(await shownChoices(page.locator("#simulation-cas-essai"))).toEqual(textsIn("e1", last["e1"]!));
  });

  test("a visitor's order follows the seed in the address, with or without JavaScript", async ({ page, browser, baseURL }) => {
    // Two seeds that order the first scene differently.
    const seeds = ["graine0001", "graine0002", "graine0003", "graine0004", "graine0005", "graine0006"];
    const firstOf = (seed: string) => orderFromSeed(scenario, seed)["e1"]!;
    const one = seeds[0]!;
    const other = seeds.find((seed) => firstOf(seed).join() !== firstOf(one).join())!;
    for (const seed of [one, other]) {
      const url = `${PAGE}?${new URLSearchParams({ simulation: "cas-essai", choix: "", ordre: seed })}`;
      await page.goto(url);
      await waitForHydration(page);
      const withScript = await shownChoices(page.locator("#simulation-cas-essai"));
      expect(withScript).toEqual(textsIn("e1", firstOf(seed)));
      const noScript = await browser.newContext({ javaScriptEnabled: false, baseURL });
      try {
        const plain = await noScript.newPage();
        await plain.goto(url);
        expect(await shownChoices(plain.locator("#simulation-cas-essai"))).toEqual(withScript);
      } finally {
        await noScript.close();
      }
    }
  });
});

test.describe("keyboard focus", () => {
  /** Tabs forward to the button named `name` and presses Enter, as a keyboard user does. */
  async function chooseWithKeyboard(page: Page, name: string) {
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === name) {
        await page.keyboard.press("Enter");
        return;
      }
    }
    throw new Error(`« ${name} » introuvable au clavier`);
  }

  for (const who of ["learner", "visitor"] as const) {
    test(`a ${who} plays with the keyboard: focus goes to the first scene, to each choice's result, to the ending, to the replay`, async ({
      page,
    }) => {
      if (who === "learner") await signUp(page, newAccount());
      await page.goto(PAGE);
      await waitForHydration(page);
      const sim = page.locator("#simulation-cas-essai");
      await sim.getByRole("button", { name: "Commencer la simulation" }).focus();
      await page.keyboard.press("Enter");
      await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeFocused();
      await chooseWithKeyboard(page, "Agir seul.");
      await expect(sim.getByRole("heading", { name: "Votre choix : Agir seul." })).toBeFocused();
      await chooseWithKeyboard(page, "Rouvrir le dialogue.");
      await expect(sim.getByRole("heading", { name: "Votre choix : Rouvrir le dialogue." })).toBeFocused();
      await chooseWithKeyboard(page, "Gouvernance partagée.");
      await expect(sim.getByRole("heading", { name: "Projet utile mais fragile" })).toBeFocused();
      await chooseWithKeyboard(page, "Rejouer la simulation");
      await expect(sim.getByRole("heading", { name: "Par où commencer ?" })).toBeFocused();
    });
  }

  test("loading a page with a run under way does not move focus", async ({ page }) => {
    await signUp(page, newAccount());
    await page.goto(PAGE);
    await waitForHydration(page);
    await page.locator("#simulation-cas-essai").getByRole("button", { name: "Commencer la simulation" }).click();
    await expect(page.getByRole("heading", { name: "Par où commencer ?" })).toBeVisible();
    await page.reload();
    await waitForHydration(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("BODY");
  });
});
