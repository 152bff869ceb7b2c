import type { Page } from "@playwright/test";
import { expect, newAccount, seriousAxeViolations, signIn, signUp, signUpLink, test, waitForHydration } from "./fixtures.ts";
import { linkIn, mailSentTo, mailsSentTo } from "./servers.ts";

test("sign-up through the e-mail: « Vérifiez votre boîte », the link asks the password, creates the account once, welcome", async ({
  page,
  browser,
}) => {
  const account = newAccount({ name: "Noé Lien", profile: "Formateur·rice" });
  await page.goto("/inscription");
  await waitForHydration(page);
  await page.getByLabel("Nom et prénom").fill(account.name);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByRole("radio", { name: account.profile }).check();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/inscription\/verifiez-votre-boite$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Vérifiez votre boîte de réception");
  await expect(page.getByText("valable 24 heures")).toBeVisible();
  await expect(page.getByText("courriers indésirables")).toBeVisible();
  await expect(page.getByRole("link", { name: "refaites la demande" })).toHaveAttribute("href", "/inscription");
  expect(await seriousAxeViolations(page)).toEqual([]);
  // No account yet: signing in fails as for an unknown address.
  const other = await browser.newPage();
  await signIn(other, account.email, account.password);
  await expect(other.getByRole("alert")).toHaveText(/Adresse e-mail ou mot de passe incorrect\./);

  const link = await signUpLink(account.email);
  // Opening the link shows a confirmation; it creates nothing by itself (mail scanners open links).
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1 })).toHaveText("Confirmer votre inscription");
  await signIn(other, account.email, account.password);
  await expect(other.getByRole("alert")).toHaveText(/Adresse e-mail ou mot de passe incorrect\./);
  await other.close();

  await page.goto(link);
  await waitForHydration(page);
  await expect(page.getByText(account.email)).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByLabel("Mot de passe").fill("pas celui choisi");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.getByText("Ce n'est pas le mot de passe choisi à l'inscription.")).toBeVisible();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Noé Lien");
  await expect(page.getByText("Bienvenue ! Votre adresse est confirmée et votre compte est créé.")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" })).toBeVisible();

  // The link served once.
  const again = await page.goto(link);
  expect(again?.status()).toBe(410);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ce lien n'est plus valable");
});

test("sign up, reach the dashboard, sign out, fail then succeed to sign in", async ({ page, context }) => {
  const account = newAccount({ name: "Léa Bernard" });
  await signUp(page, account);
  await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Léa Bernard");

  const cookie = (await context.cookies()).find((c) => c.name === "aafa_session");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(await page.evaluate(() => document.cookie)).not.toContain("aafa_session");

  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page.getByRole("link", { name: "Connexion" })).toBeVisible();
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Ftableau-de-bord$/);

  await signIn(page, account.email, "pas le bon mot de passe");
  await expect(page.getByRole("alert")).toHaveText(/Adresse e-mail ou mot de passe incorrect\./);
  await expect(page.getByLabel("Mot de passe")).toHaveValue("");

  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/tableau-de-bord$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Léa Bernard");
});

test("signing in starts a new session and ends the one the browser carried (no session fixation)", async ({ page, context }) => {
  const account = newAccount({ name: "Inès Roux" });
  await signUp(page, account);
  const before = (await context.cookies()).find((c) => c.name === "aafa_session")!.value;
  const origin = new URL(page.url()).origin;

  // Sign in again with the old cookie still sent: the server must issue a new id and end the old one.
  const response = await page.request.post("/connexion", {
    form: { email: account.email, password: account.password },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const after = (await context.cookies()).find((c) => c.name === "aafa_session")!.value;
  expect(after).not.toBe(before);

  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Inès Roux");
  await context.clearCookies();
  await context.addCookies([{ name: "aafa_session", value: before, url: origin }]);
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Ftableau-de-bord$/);
});

test("an unknown e-mail gets exactly the same message as a wrong password", async ({ page }) => {
  await signIn(page, "personne.inconnue@exemple.fr", "un mot de passe quelconque");
  await expect(page.getByRole("alert")).toHaveText(/Adresse e-mail ou mot de passe incorrect\./);
});

test("invalid fields show French messages next to each field", async ({ page }) => {
  await page.goto("/inscription");
  await waitForHydration(page);
  await page.getByLabel("Nom et prénom").fill("C");
  await page.getByLabel("Adresse e-mail").fill("pas-une-adresse");
  await page.getByLabel("Mot de passe").fill("court");
  await page.getByRole("button", { name: "Créer mon compte" }).click();

  const name = page.getByLabel("Nom et prénom");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await name.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const descriptions = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).innerText()));
  expect(descriptions.join(" ")).toContain("Votre nom doit compter au moins 2 caractères.");
  await expect(page.getByText("Cette adresse e-mail n'est pas valide")).toBeVisible();
  await expect(page.getByText("Choisissez le profil qui vous correspond.")).toBeVisible();
  await expect(page.getByText("Le mot de passe doit compter au moins 10 caractères.")).toBeVisible();
  await expect(page).toHaveURL(/\/inscription$/);
});

test("the trainer profile sees the trainer role on their account", async ({ page }) => {
  await signUp(page, newAccount({ profile: "Formateur·rice", name: "Yann Le Goff" }));
  await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mon compte" }).click();
  await expect(page.getByText("Formateur·rice", { exact: true }).first()).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a taken address gets exactly the answer a new one gets; its owner gets an e-mail instead of a link", async ({
    page,
    browser,
    baseURL,
  }) => {
    const owner = newAccount({ name: "Titulaire Déjà-Inscrite" });
    const first = await browser.newPage({ javaScriptEnabled: true });
    await signUp(first, owner);
    await first.close();

    const fresh = newAccount({ name: "Autre Personne" });
    await signUpWithoutHydration(page, fresh);
    const freshUrl = page.url();
    const freshText = await page.locator("main").innerText();
    await signUpWithoutHydration(page, { ...owner, name: "Autre Personne", password: "une autre phrase de passe" });
    expect(page.url()).toBe(freshUrl);
    expect(await page.locator("main").innerText()).toBe(freshText);
    expect(freshText).toContain("Vérifiez votre boîte de réception");

    // The same status and Location over HTTP.
    const post = (email: string) =>
      page.request.post("/inscription", {
        form: { name: "Autre Personne", email, profile: "STUDENT", password: "une autre phrase de passe", redirectTo: "" },
        headers: { Origin: baseURL! },
        maxRedirects: 0,
      });
    const [forNew, forTaken] = [await post(newAccount().email), await post(owner.email)];
    expect(forNew.status()).toBe(303);
    expect(forTaken.status()).toBe(forNew.status());
    expect(forTaken.headers()["location"]).toBe(forNew.headers()["location"]);
    expect(forTaken.headers()["set-cookie"]).toBeUndefined();
    expect(await forTaken.text()).toBe(await forNew.text());

    // One e-mail per request: a link for the new address, a note for the owner (no link to create).
    const notes = mailsSentTo("plateforme", owner.email).filter((mail) => /déjà un compte/.test(mail.subject));
    expect(notes).toHaveLength(2);
    expect(notes[0]!.text).toContain("Quelqu'un a demandé à créer un compte avec cette adresse");
    expect(linkIn(notes[0]!)).toBe(`${baseURL}/connexion`);
    expect(mailsSentTo("plateforme", fresh.email)).toHaveLength(1);
    // The owner's account is untouched: their password still opens it.
    await page.goto("/connexion");
    await page.getByLabel("Adresse e-mail").fill(owner.email);
    await page.getByLabel("Mot de passe").fill(owner.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${owner.name}`);
  });

  test("sign-up and its confirmation are plain forms", async ({ page }) => {
    const account = newAccount({ name: "Sans Script" });
    await signUp(page, account, { javaScript: false });
    await expect(page).toHaveURL(/\/tableau-de-bord\?bienvenue=1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Sans Script");
    expect((await mailSentTo("plateforme", account.email)).subject).toMatch(/^Confirmez la création de votre compte/);
  });
});

/** Submits the sign-up form without JavaScript (the answer is a plain page). */
async function signUpWithoutHydration(page: Page, account: ReturnType<typeof newAccount>) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénom").fill(account.name);
  await page.getByLabel("Adresse e-mail").fill(account.email);
  await page.getByRole("radio", { name: account.profile }).check();
  await page.getByLabel("Mot de passe").fill(account.password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
}

test("every response carries the security headers; the page's inline scripts carry the CSP nonce", async ({ page, request }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Every inline script of the page was allowed by the nonce (browsers hide it from the DOM once used).
  const inline = await page.locator("script:not([src])").count();
  expect(inline).toBeGreaterThan(0);
  const html = await (await request.get("/")).text();
  const tags = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
  expect(tags.length).toBeGreaterThan(0);
  for (const tag of tags) expect(tag).toMatch(/nonce="[^"]+"/);
  // A fresh nonce per response.
  const again = (await request.get("/")).headers()["content-security-policy"];
  expect(again).not.toContain(nonce!);
  for (const path of ["/favicon.svg", "/healthz", "/page-qui-n-existe-pas"]) {
    const other = await request.get(path);
    expect(other.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("a POST from another site is refused", async ({ request, baseURL }) => {
  const response = await request.post(`${baseURL}/connexion`, {
    headers: { Origin: "https://evil.example" },
    form: { email: "a@b.fr", password: "x" },
  });
  expect(response.status()).toBe(403);
});

test("a malformed form body gets a 4xx, not a 500", async ({ request, baseURL }) => {
  const response = await request.post(`${baseURL}/connexion`, {
    headers: { Origin: baseURL!, "Content-Type": "multipart/form-data; boundary=x" },
    data: "pas du multipart",
  });
  expect(response.status()).toBe(400);
  const json = await request.post(`${baseURL}/inscription`, {
    headers: { Origin: baseURL!, "Content-Type": "application/json" },
    data: { email: "a@b.fr" },
  });
  expect(json.status()).toBe(415);
});

test("an unknown address shows a French 404 in the site's layout", async ({ page }) => {
  const response = await page.goto("/nulle-part");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
});

test("home, sign-up and sign-in pages have no serious accessibility violation, at 360 px too", async ({ page }) => {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ["/", "/inscription", "/connexion"]) {
      await page.goto(path);
      await waitForHydration(page);
      expect(await seriousAxeViolations(page), `${path} à ${width} px`).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} déborde horizontalement à ${width} px`).toBeLessThanOrEqual(0);
    }
  }
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Aller au contenu" })).toBeFocused();
});
