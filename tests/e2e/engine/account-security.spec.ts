/**
 * Accounts end to end: a forgotten password reset through the e-mail (read from the outbox, as a
 * newcomer without SMTP would), the account page (name, address confirmed from the new address,
 * password), the data export, two-factor sign-in with an authenticator (enrolment with the
 * password, recovery codes shown once, sign-in with one), and account deletion.
 */
import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { expect, newAccount, seriousAxeViolations, signIn, signUp, test, waitForHydration, type NewAccount } from "../fixtures.ts";
import { linkIn, mailSentTo } from "../servers.ts";

/** The link of the latest e-mail sent to this address. */
async function linkSentTo(to: string): Promise<string> {
  return linkIn(await mailSentTo("moteur", to));
}

const navAccount = (page: Page) =>
  page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" });

test("a forgotten password: the same answer for any address, a link that works once, every session ended", async ({ page, browser }) => {
  const account = newAccount();
  await signUp(page, account);
  // Another device stays signed in... until the reset.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account.email, account.password);
  await otherPage.waitForURL(/tableau-de-bord/);

  const visitor = await browser.newContext();
  const v = await visitor.newPage();
  await v.goto("/connexion");
  await v.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  // A client-side navigation: the page was already hydrated, so wait for the new one's heading
  // (filling earlier could type into the sign-in form that is still on screen).
  await expect(v.getByRole("heading", { level: 1, name: "Mot de passe oublié" })).toBeVisible();
  await v.getByLabel("Adresse e-mail").fill("personne.inconnue@exemple.fr");
  await v.getByRole("button", { name: "Recevoir le lien" }).click();
  const unknownAnswer = await v.getByRole("status").innerText();
  await v.getByLabel("Adresse e-mail").fill(account.email);
  await v.getByRole("button", { name: "Recevoir le lien" }).click();
  await expect(v.getByRole("status")).toHaveText(unknownAnswer);
  expect(await seriousAxeViolations(v)).toEqual([]);

  const link = await linkSentTo(account.email);
  await v.goto(link);
  await waitForHydration(v);
  await v.getByLabel("Nouveau mot de passe", { exact: true }).fill("une toute nouvelle phrase");
  await v.getByLabel("Confirmez le mot de passe").fill("une autre phrase");
  await v.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(v.getByText("Les deux mots de passe ne sont pas identiques.")).toBeVisible();
  await v.getByLabel("Nouveau mot de passe", { exact: true }).fill("une toute nouvelle phrase");
  await v.getByLabel("Confirmez le mot de passe").fill("une toute nouvelle phrase");
  await v.getByRole("button", { name: "Enregistrer le nouveau mot de passe" }).click();
  await expect(v.getByText("Votre mot de passe a été changé et toutes vos sessions ont été fermées.")).toBeVisible();

  // The other device is signed out; the link does not work twice; the new password does.
  await otherPage.goto("/tableau-de-bord");
  await expect(otherPage).toHaveURL(/\/connexion/);
  const again = await v.goto(link);
  expect(again?.status()).toBe(410);
  await expect(v.getByText("Ce lien n'est plus valable")).toBeVisible();
  await signIn(v, account.email, "une toute nouvelle phrase");
  await v.waitForURL(/tableau-de-bord/);
  await other.close();
  await visitor.close();
});

test("the account page: name, address confirmed from the new one, password; the data export", async ({ page }) => {
  const account = newAccount({ name: "Avant Changement" });
  await signUp(page, account);
  await navAccount(page).click();
  await waitForHydration(page);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByLabel("Nom et prénom").fill("Après Changement");
  await page.getByRole("button", { name: "Enregistrer le nom" }).click();
  await expect(page.getByText("Votre nom a été changé.")).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText("Après Changement");

  const newEmail = account.email.replace("@", ".nouvelle@");
  await page.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
  await page.getByLabel("Mot de passe actuel").first().fill("pas le bon");
  await page.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(page.getByText("Ce mot de passe n'est pas le bon.")).toBeVisible();
  await page.getByLabel("Nouvelle adresse e-mail").fill(newEmail);
  await page.getByLabel("Mot de passe actuel").first().fill(account.password);
  await page.getByRole("button", { name: "Envoyer le lien de confirmation" }).click();
  await expect(page.getByText("Un lien de confirmation vient d'être envoyé à la nouvelle adresse.")).toBeVisible();
  await page.goto(await linkSentTo(newEmail));
  await expect(page.getByText("Votre nouvelle adresse e-mail est confirmée")).toBeVisible();
  await expect(page.locator(".summary-list")).toContainText(newEmail);

  await page.getByLabel("Mot de passe actuel").nth(1).fill(account.password);
  await page.getByLabel("Nouveau mot de passe", { exact: true }).fill("ma nouvelle phrase de passe");
  await page.getByLabel("Confirmez le nouveau mot de passe").fill("ma nouvelle phrase de passe");
  await page.getByRole("button", { name: "Changer le mot de passe" }).click();
  await expect(page.getByText("Votre mot de passe a été changé. Vos autres sessions ont été fermées.")).toBeVisible();

  const exported = await page.request.get("/compte/mes-donnees.json");
  expect(exported.headers()["content-disposition"]).toContain("mes-donnees-apprendre-a-faire-alliance.json");
  const data = await exported.json();
  expect(data.account).toMatchObject({ name: "Après Changement", email: newEmail });
  expect(Object.keys(data)).toEqual(
    expect.arrayContaining(["lessonProgress", "quizAttempts", "simulationRuns", "reflections", "finalProjects", "certificates", "cohorts"]),
  );
  expect(JSON.stringify(data)).not.toMatch(/argon2/);
});

/** Turns two-factor on from the account page; returns the app's generator and the recovery codes shown. */
async function enrolTwoFactor(page: Page, account: NewAccount) {
  await page.goto("/compte");
  await page.getByRole("link", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Double authentification" })).toBeVisible();
  const secret = (await page.locator(".secret-key").innerText()).replace(/\s/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  // The password is asked with the first code: a session alone cannot turn it on.
  await page.getByLabel("Code à 6 chiffres").fill(totp.generate());
  await page.getByLabel("Mot de passe").fill("pas le bon mot de passe");
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByText("Ce mot de passe n'est pas le bon.")).toBeVisible();
  // The secret on screen is still the one scanned.
  expect((await page.locator(".secret-key").innerText()).replace(/\s/g, "")).toBe(secret);
  const enrolCode = totp.generate();
  await page.getByLabel("Code à 6 chiffres").fill(enrolCode);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByText("La double authentification est activée.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vos codes de secours" })).toBeVisible();
  await expect(page.getByText("Ils ne seront plus jamais affichés")).toBeVisible();
  const recoveryCodes = (await page.locator(".recovery-codes code").allInnerTexts()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  expect(await seriousAxeViolations(page)).toEqual([]);
  return { totp, enrolCode, recoveryCodes };
}

test("two-factor sign-in with an authenticator app, then account deletion", async ({ page }) => {
  // Waits for the next 30-second step of the app.
  test.setTimeout(75_000);
  const account = newAccount({ profile: "Formateur·rice" });
  await signUp(page, account);
  await page.goto("/compte");
  await expect(page.getByText("Recommandée pour votre rôle")).toBeVisible();
  await page.getByRole("link", { name: "Activer la double authentification" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Double authentification" })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const secret = (await page.locator(".secret-key").innerText()).replace(/\s/g, "");
  const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
  await page.getByLabel("Code à 6 chiffres").fill("000000");
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByText("Ce code n'est pas le bon.")).toBeVisible();
  const enrolCode = totp.generate();
  await page.getByLabel("Code à 6 chiffres").fill(enrolCode);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Activer la double authentification" }).click();
  await expect(page.getByText("La double authentification est activée.")).toBeVisible();
  await expect(page.locator(".recovery-codes code")).toHaveCount(10);

  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  // « Le seul cookie est celui de la session (et, pendant une connexion à double authentification,
  // un cookie de 5 minutes) » (/confidentialite).
  const pending = await page.context().cookies();
  expect(pending.map((cookie) => cookie.name)).toEqual(["aafa_2fa"]);
  expect(pending[0]!.expires * 1000 - Date.now()).toBeLessThanOrEqual(5 * 60 * 1000);
  expect(pending[0]).toMatchObject({ httpOnly: true, path: "/connexion" });
  // The code used to enrol cannot be used again; wait for the next one.
  const next = () => {
    const now = Date.now();
    return new Promise<string>((resolve) => setTimeout(() => resolve(totp.generate()), 30_000 - (now % 30_000) + 200));
  };
  await page.getByLabel("Code à 6 chiffres").fill(enrolCode);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Ce code n'est pas le bon, ou il a déjà servi.")).toBeVisible();
  await page.getByLabel("Code à 6 chiffres").fill(await next());
  await page.getByRole("button", { name: "Valider" }).click();
  await page.waitForURL(/tableau-de-bord/);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toEqual(["aafa_session"]);

  await page.goto("/compte/supprimer");
  await waitForHydration(page);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByText("Cochez la case pour confirmer")).toBeVisible();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByLabel(/Je comprends que mon compte/).check();
  await page.getByRole("button", { name: "Supprimer définitivement mon compte" }).click();
  await expect(page.getByText("Votre compte et vos données ont été supprimés.")).toBeVisible();
  await signIn(page, account.email, account.password);
  await expect(page.getByText("Adresse e-mail ou mot de passe incorrect.")).toBeVisible();
});

test("two-factor needs the password to turn on; a recovery code signs in once and says how many are left", async ({ page }) => {
  const account = newAccount({ profile: "Formateur·rice" });
  await signUp(page, account);
  const { recoveryCodes } = await enrolTwoFactor(page, account);
  await page.getByRole("link", { name: "J'ai mis mes codes de secours à l'abri" }).click();
  await expect(page.getByText("Gardez vos codes de secours à l'abri")).toBeVisible();
  // Shown once: the page no longer lists them.
  await page.goto("/compte/double-authentification");
  await expect(page.locator(".recovery-codes")).toHaveCount(0);
  await expect(page.getByText("Il vous reste 10 codes de secours.")).toBeVisible();

  // Phone lost: a recovery code, typed loosely, opens the sign-in, and the page says what is left.
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await page.goto("/connexion?redirectTo=/formateur");
  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await waitForHydration(page);
  await page.getByLabel("Code à 6 chiffres").fill(recoveryCodes[0]!.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page).toHaveURL(/\/compte\/double-authentification\?/);
  await expect(page.getByText("Vous vous êtes connecté·e avec un code de secours")).toBeVisible();
  await expect(page.getByText("Il vous reste 9 codes de secours.").first()).toBeVisible();
  await page.getByRole("link", { name: "continuez" }).click();
  await expect(page).toHaveURL(/\/formateur$/);

  // The same code does not open a second sign-in.
  await page.getByRole("button", { name: "Se déconnecter" }).first().click();
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/connexion\/code$/);
  await waitForHydration(page);
  await page.getByLabel("Code à 6 chiffres").fill(recoveryCodes[0]!);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Ce code de secours n'est pas le bon, ou il a déjà servi.")).toBeVisible();
  await page.getByLabel("Code à 6 chiffres").fill(recoveryCodes[1]!);
  await page.getByRole("button", { name: "Valider" }).click();
  await expect(page.getByText("Il vous reste 8 codes de secours.").first()).toBeVisible();

  // New codes need the password; the old ones stop working.
  await page.getByRole("region", { name: "Codes de secours" }).getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer de nouveaux codes de secours" }).click();
  await expect(page.getByText("Voici vos nouveaux codes de secours : les précédents ne fonctionnent plus.")).toBeVisible();
  await expect(page.locator(".recovery-codes code")).toHaveCount(10);
});

test("sign-in attempts are limited, with a French message", async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.201" } });
  const page = await context.newPage();
  const email = `limite.${Date.now()}@exemple.fr`;
  for (let i = 0; i < 5; i++) {
    const response = await page.request.post("/connexion", { form: { email, password: "mauvais" }, headers: { Origin: origin } });
    expect(response.status()).toBe(401);
  }
  const limited = await page.request.post("/connexion", { form: { email, password: "mauvais" }, headers: { Origin: origin } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  // From another address, the same account can still be tried (its owner is not locked out).
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.202" } });
  expect(
    (
      await (await elsewhere.newPage()).request.post("/connexion", { form: { email, password: "mauvais" }, headers: { Origin: origin } })
    ).status(),
  ).toBe(401);
  await context.close();
  await elsewhere.close();
});

test("30 wrong passwords sent at once from one address: 5 are checked, 25 refused with Retry-After", async ({ browser, baseURL }) => {
  const owner = newAccount();
  const signUpContext = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.203" } });
  await signUp(await signUpContext.newPage(), owner);
  await signUpContext.close();
  const attacker = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.204" } });
  const origin = new URL(baseURL!).origin;
  const responses = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      attacker.request.post("/connexion", { form: { email: owner.email, password: `essai ${i}` }, headers: { Origin: origin } }),
    ),
  );
  const statuses = responses.map((response) => response.status());
  expect(statuses.filter((status) => status === 401)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(25);
  for (const response of responses.filter((r) => r.status() === 429)) expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  await attacker.close();
});
