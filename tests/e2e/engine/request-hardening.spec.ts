/**
 * What an attacker found with real requests, kept closed (issue « Close every hole »): hostile field
 * names that made the form library allocate gigabytes, links built from the request's Host, open
 * redirects through `redirectTo` and `retour`, malformed Host and X-Forwarded-Host headers, and the
 * headers that keep signed-in pages private and HTTPS sticky. The engine's test server trusts one
 * proxy (TRUST_PROXY=1), as behind a reverse proxy.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, newAccount, signIn, signUp, test, waitForHydration } from "../fixtures.ts";
import { mailsSentTo } from "../servers.ts";
import { createCohort, person } from "./people.ts";

const FRENCH = /[àâçéèêëîïôûùœ]|\b(vous|votre|cette|pas|est|une|les|des)\b/i;

function formBody(fields: Array<[string, string]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of fields) body.append(name, value);
  return body.toString();
}

async function postForm(request: APIRequestContext, url: string, body: string, headers: Record<string, string> = {}) {
  return request.post(url, {
    data: body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    maxRedirects: 0,
    timeout: 10_000,
  });
}

test("a hostile field name is refused at once, in French, on every anonymous form; the server stays responsive", async ({
  request,
  baseURL,
}) => {
  const origin = { Origin: baseURL! };
  const hostile = [
    "email%5B99999999%5D=1&password=x",
    "email[0][1][2]=1&password=x",
    `email${".a".repeat(400_000)}=1&password=x`,
    "__proto__%5Bpolluted%5D=1&email=a%40b.fr",
  ];
  for (const url of ["/connexion?index", "/inscription", "/mot-de-passe-oublie", "/mot-de-passe/nouveau"]) {
    for (const body of hostile) {
      const response = await postForm(request, url, body, origin);
      const text = await response.text();
      expect(response.status(), `${url} ${body.slice(0, 40)}`).toBe(400);
      expect(text, url).toMatch(FRENCH);
      expect(text.length, `${url} : la réponse ne renvoie pas le champ`).toBeLessThan(100_000);
    }
  }
  expect((await request.get("/healthz", { timeout: 5_000 })).status()).toBe(200);
});

test("a large body answered before it is read (not a form, not signed in) does not block the connection's next request", async ({
  request,
  baseURL,
}) => {
  // Found by the fuzz test: the rest of the body stayed in the socket, and the next request sent on
  // that keep-alive connection waited forever.
  for (let i = 0; i < 3; i++) {
    const notAForm = await request.post("/quiz/quiz-entrainement", {
      data: "x".repeat(300_000),
      headers: { Origin: baseURL!, "Content-Type": "text/plain" },
      maxRedirects: 0,
      timeout: 10_000,
    });
    expect(notAForm.status()).toBe(415);
    const signedOut = await request.post("/compte", {
      data: `name=${"y".repeat(900_000)}`,
      headers: { Origin: baseURL!, "Content-Type": "application/x-www-form-urlencoded" },
      maxRedirects: 0,
      timeout: 10_000,
    });
    expect(signedOut.status()).toBe(302);
    expect((await request.get("/healthz", { timeout: 10_000 })).status()).toBe(200);
  }
});

test("links in e-mails and on pages come from configuration, never from the request's Host", async ({ browser, baseURL }) => {
  const owner = await person(browser, {}, { javaScript: true });
  const configured = baseURL!; // the test server has no PUBLIC_URL: http://localhost:PORT
  const context = await browser.newContext();
  const response = await postForm(context.request, `${configured}/mot-de-passe-oublie`, formBody([["email", owner.account.email]]), {
    Host: "evil.example",
    Origin: "http://evil.example",
  });
  expect(response.status()).toBeLessThan(400);
  const resetMails = () => mailsSentTo("moteur", owner.account.email).filter((mail) => /mot de passe/i.test(mail.subject));
  let mails = resetMails();
  for (let i = 0; i < 50 && mails.length === 0; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    mails = resetMails();
  }
  expect(mails.length).toBeGreaterThan(0);
  for (const mail of mails) {
    expect(mail.text).not.toContain("evil.example");
    expect(mail.text).toContain(`${configured}/mot-de-passe/nouveau?jeton=`);
  }
  await context.close();

  // A trainer's join link, shown on the cohort page, is built the same way.
  const trainer = await person(browser, { profile: "Formateur·rice" });
  const { dashboardUrl } = await createCohort(trainer.page, "Cohorte des liens");
  const page = await trainer.page.request.get(dashboardUrl, { headers: { Host: "evil.example" } });
  const html = await page.text();
  expect(html).not.toContain("evil.example");
  expect(html).toContain(`${configured}/rejoindre/`);
  await owner.context.close();
  await trainer.context.close();
});

test("a redirect target never leaves the site, however it is written (in Chromium)", async ({ browser, baseURL }) => {
  const account = newAccount();
  const first = await browser.newPage();
  await signUp(first, account);
  await first.context().close();
  const variants = [
    "/%09/evil.example",
    "/%0A/evil.example",
    "/%5Cevil.example",
    "/\\evil.example",
    "//evil.example",
    "/%2F/evil.example",
    "https://evil.example/",
  ];
  for (const variant of variants) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/connexion?${new URLSearchParams({ redirectTo: variant })}`);
    await signIn(page, account.email, account.password);
    await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
    expect(new URL(page.url()).origin, variant).toBe(baseURL);
    await context.close();
  }
  // `retour` of the quiz and simulation forms goes through the same judge.
  const { page, context } = await person(browser);
  for (const action of ["/quiz/quiz-essai", "/simulations/cas-essai"]) {
    for (const variant of ["/\t/evil.example", "/%09/evil.example", "/\\evil.example", "/a\nb"]) {
      const response = await postForm(
        page.request,
        action,
        formBody([
          ["intent", "commencer"],
          ["retour", variant],
        ]),
        { Origin: baseURL! },
      );
      expect(response.status(), `${action} ${JSON.stringify(variant)}`).toBe(303);
      const location = response.headers().location ?? "";
      expect(location.startsWith("/") && !location.startsWith("//"), location).toBe(true);
      expect(location).not.toMatch(/evil|[\t\n\\]/);
    }
  }
  await context.close();
});

test("a line break in redirectTo, or a malformed Host or X-Forwarded-Host, is a clear 4xx, never a 500", async ({
  request,
  browser,
  baseURL,
}) => {
  const account = newAccount();
  const page = await browser.newPage();
  await signUp(page, account);
  await page.context().close();
  const signInWith = (redirectTo: string) =>
    postForm(
      request,
      "/connexion",
      formBody([
        ["email", account.email],
        ["password", account.password],
        ["redirectTo", redirectTo],
      ]),
      { Origin: baseURL! },
    );
  const newline = await signInWith("/tableau-de-bord\r\nSet-Cookie: x=1");
  expect(newline.status()).toBe(302);
  expect(newline.headers().location).toBe("/tableau-de-bord");

  for (const forwarded of ["evil.example:abc", "a b", "evil.example:1, oth er"]) {
    const response = await postForm(
      request,
      "/connexion",
      formBody([
        ["email", account.email],
        ["password", "x"],
      ]),
      {
        Origin: baseURL!,
        "X-Forwarded-Host": forwarded,
      },
    );
    expect(response.status(), forwarded).toBe(400);
    // The page is HTML: its apostrophe may be written as an entity.
    expect((await response.text()).replaceAll("&#39;", "'")).toContain("L'adresse du site demandée dans cette requête est mal formée.");
  }
  // A well-formed forwarded host that differs from the Origin (Remix's own check answered 500 with
  // an empty body) is refused like any request from another site.
  for (const forwarded of ["autre.example", "autre.example:8443, proxy.interne"]) {
    const other = await postForm(
      request,
      "/connexion",
      formBody([
        ["email", account.email],
        ["password", "x"],
      ]),
      {
        Origin: baseURL!,
        "X-Forwarded-Host": forwarded,
      },
    );
    expect(other.status(), forwarded).toBe(403);
    expect(await other.text()).toContain("Ce formulaire ne vient pas de notre site.");
  }
});

test("HSTS only over HTTPS; every signed-in page is private and never stored", async ({ request, browser }) => {
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
  const overHttps = await request.get("/", { headers: { "X-Forwarded-Proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=31536000");

  const trainer = await person(browser, { profile: "Formateur·rice" });
  const { dashboardUrl } = await createCohort(trainer.page, "Cohorte privée");
  const signedIn = [
    "/tableau-de-bord",
    "/compte",
    "/compte/double-authentification",
    "/formateur",
    dashboardUrl,
    "/parcours/essai",
    "/parcours/essai/introduction",
    "/",
  ];
  for (const url of signedIn) {
    const response = await trainer.page.request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["cache-control"], url).toMatch(/private/);
    expect(response.headers()["cache-control"], url).toMatch(/no-store/);
  }
  // Client-side navigations fetch the same data: private too.
  await trainer.page.goto("/tableau-de-bord");
  await waitForHydration(trainer.page);
  const data = await trainer.page.request.get("/compte?_data=routes%2Fcompte");
  expect(data.headers()["cache-control"]).toMatch(/no-store/);
  await trainer.context.close();
});
