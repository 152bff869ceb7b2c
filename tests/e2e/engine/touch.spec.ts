/**
 * On a touch screen (a phone), hover styles stick after a tap: the next scene's first choice, under
 * the finger, looked already chosen. Choices only change colour on hover where a pointer hovers.
 */
import { devices } from "@playwright/test";
import { expect, test } from "../fixtures.ts";

test.use({ ...devices["Pixel 7"], browserName: "chromium" });

test("after a tap, the next scene's choice under the finger does not look chosen", async ({ page }) => {
  await page.goto("/simulations/cas-essai");
  const sim = page.locator(".simulation");
  await sim.getByRole("button", { name: "Commencer la simulation" }).tap();
  const first = sim.locator(".choice-button").first();
  await expect(first).toBeVisible();
  const resting = await sim
    .locator(".choice-button")
    .last()
    .evaluate((button) => getComputedStyle(button).backgroundColor);
  await first.tap();
  await expect(sim.locator(".simulation__journal summary", { hasText: "(1)" }).or(sim.getByText("Fin de la simulation"))).toBeVisible();
  const next = sim.locator(".choice-button").first();
  if (await next.isVisible()) {
    expect(await next.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(resting);
  }
});
