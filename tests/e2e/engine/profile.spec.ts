/**
 * The profile chooses which passages a lesson opens: it can be changed in « Mon compte », with or
 * without JavaScript, and the lessons follow at once.
 */
import { expect, test, waitForHydration } from "../fixtures.ts";
import { person } from "./people.ts";

for (const javaScript of [true, false]) {
  test(`a learner changes profile in « Mon compte » and the lesson opens the new profile's passage (JavaScript ${javaScript ? "on" : "off"})`, async ({
    browser,
  }) => {
    const { page, context } = await person(browser, { profile: "Élu·e" }, { javaScript });
    await page.goto("/parcours/essai/introduction");
    await expect(page.getByText("Passage pour les élu·es")).toBeVisible();
    await expect(page.getByText("Passage pour les étudiant·es")).toBeHidden();

    await page.goto("/compte");
    if (javaScript) await waitForHydration(page);
    const section = page.getByRole("region", { name: "Changer de profil" });
    await expect(section.getByRole("radio", { name: /Élu·e/ })).toBeChecked();
    await section.getByRole("radio", { name: /Étudiant·e/ }).check();
    await section.getByRole("button", { name: "Enregistrer le profil" }).click();
    await expect(page.getByText("Votre profil a été changé")).toBeVisible();
    await expect(page.getByRole("definition").filter({ hasText: "Étudiant·e" })).toBeVisible();

    await page.goto("/parcours/essai/introduction");
    await expect(page.getByText("Passage pour les étudiant·es")).toBeVisible();
    await expect(page.getByText("Passage pour les élu·es")).toBeHidden();
    await context.close();
  });
}

test("choosing « Formateur·rice » opens the trainer's tools", async ({ browser }) => {
  const { page, context } = await person(browser, { profile: "Agent·e public" });
  await page.goto("/compte");
  await waitForHydration(page);
  const section = page.getByRole("region", { name: "Changer de profil" });
  await section.getByRole("radio", { name: /Formateur·rice/ }).check();
  await section.getByRole("button", { name: "Enregistrer le profil" }).click();
  await expect(page.getByText("« Mes cohortes » vous permet de créer une cohorte")).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes cohortes" }).click();
  await expect(page.getByRole("link", { name: "Créer une cohorte" })).toBeVisible();
  await context.close();
});
