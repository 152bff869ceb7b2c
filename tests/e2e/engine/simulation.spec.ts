/**
 * Case simulations on the fixture scenario « Cas d'essai » (e1 → [e1e if confiance ≤ 1] → e2 → fin).
 */
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration } from "../fixtures.ts";

const PAGE = "/simulations/cas-essai";
const ENGINE_DB = path.resolve("data/e2e-moteur.db");

function runsOf(email: string) {
  const db = new Database(ENGINE_DB, { readonly: true });
  try {
    return db
      .prepare(`SELECT r.choices, r.endingId, r.finishedAt, r.abandonedAt FROM SimulationRun r JOIN User u ON u.id = r.userId WHERE u.email = ? ORDER BY r.startedAt`)
      .all(email) as Array<{ choices: string; endingId: string | null; finishedAt: number | null; abandonedAt: number | null }>;
  } finally {
    db.close();
  }
}

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
  await page.goto(PAGE);
  await waitForHydration(page);
  const sim = page.locator("#simulation-cas-essai");
  await expect(sim.getByText("Vous êtes adjoint·e au maire d'une commune d'essai.")).toBeVisible(); // role for the profile
  await sim.getByRole("button", { name: "Commencer la simulation" }).click();
  await playToTheEnd(page);

  // The debrief: trajectory, each decision with the other options, concepts, reality.
  const table = sim.getByRole("table");
  await expect(table.getByRole("row", { name: /Confiance/ })).toContainText("3");
  await expect(sim.getByText("Votre choix : Agir seul.")).toBeVisible();
  await sim.getByText("Ce que les autres options auraient produit").first().click();
  await expect(sim.getByText("RETRO-E1-A Vous partez des besoins.")).toBeVisible();
  await expect(sim.getByRole("link", { name: "Conclusion" }).first()).toHaveAttribute("href", "/parcours/essai/conclusion"); // the lesson citing R-06
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
  expect(await claimed.json()).toEqual({ error: "champ-inattendu", message: "Cette demande contient des données inattendues : elle a été ignorée." });
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
  });
});
