/**
 * Shared e2e fixtures: every test fails on a console error or an uncaught page error (hydration
 * mismatches show up there), and helpers create accounts the way a visitor would.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test as base, type Page } from "@playwright/test";
import { linkIn, mailSentTo, type ServerName } from "./servers.ts";

export const test = base.extend<{ failOnConsoleErrors: void }>({
  failOnConsoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx answer as an error, including the ones a test provokes on
        // purpose (a refused sign-in is a 401); broken assets are caught below instead.
        if (message.type() === "error" && !message.text().startsWith("Failed to load resource: the server responded")) {
          errors.push(message.text());
        }
      });
      page.on("response", (response) => {
        const type = response.request().resourceType();
        if (response.status() >= 400 && ["script", "stylesheet", "image", "font"].includes(type)) {
          errors.push(`${response.status()} ${response.url()}`);
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use();
      expect(errors, "erreurs dans la console du navigateur").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

let counter = 0;
/** An e-mail address no other test uses. */
export function uniqueEmail(prefix = "apprenant"): string {
  counter += 1;
  return `${prefix}.${Date.now()}.${counter}@exemple.fr`;
}

export async function waitForHydration(page: Page) {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  profile: "Étudiant·e" | "Élu·e" | "Agent·e public" | "Formateur·rice" | "Autre";
}

export function newAccount(overrides: Partial<NewAccount> = {}): NewAccount {
  return { name: "Camille Martin", email: uniqueEmail(), password: "une phrase de passe solide", profile: "Élu·e", ...overrides };
}

/** The server the running test talks to (each Playwright project has its own). */
export function currentServer(): ServerName {
  const name = test.info().project.name;
  return name === "moteur" || name === "moteur-pg" ? name : "plateforme";
}

/** The confirmation link e-mailed for a sign-up, read from the server's outbox. */
export async function signUpLink(email: string): Promise<string> {
  return linkIn(await mailSentTo(currentServer(), email, { subject: /^Confirmez la création de votre compte/ }));
}

/**
 * Signs up as a visitor would: the form, then the link of the confirmation e-mail and the password
 * again. `javaScript: false` for pages of a context without JavaScript (no hydration to wait for).
 */
export async function signUp(
  page: Page,
  account: NewAccount,
  { redirectTo, javaScript = true }: { redirectTo?: string; javaScript?: boolean } = {},
) {
  await page.goto(redirectTo ? `/inscription?${new URLSearchParams({ redirectTo })}` : "/inscription");
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Nom et prénom").fill(account.name);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByRole("radio", { name: account.profile }).check();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await confirmSignUp(page, account, { javaScript });
}

/** After the sign-up form: the link of the e-mail, the password again, and the account exists. */
export async function confirmSignUp(page: Page, account: NewAccount, { javaScript = true }: { javaScript?: boolean } = {}) {
  await page.waitForURL((url) => url.pathname === "/inscription/verifiez-votre-boite");
  await page.goto(await signUpLink(account.email));
  if (javaScript) await waitForHydration(page);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  // Signed up once the browser has left the confirmation (for the dashboard, or where it started).
  await page.waitForURL((url) => !url.pathname.startsWith("/inscription"));
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/connexion");
  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
}

/** Axe violations of serious or critical impact (WCAG 2.1 A and AA rules). */
export async function seriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
}
