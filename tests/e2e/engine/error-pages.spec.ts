/**
 * Every error, whatever its status and whoever answers it (the request guards before Remix, a page's
 * error boundary, a resource route), is a page in the site's layout with its stylesheet and a way
 * back — and JSON with a French message for a script that asks for JSON.
 */
import { expect, seriousAxeViolations, test } from "../fixtures.ts";
import { person } from "./people.ts";

type Case = {
  what: string;
  method: "GET" | "POST";
  url: string;
  status: number;
  headers?: Record<string, string>;
  data?: string;
  signedIn?: boolean;
};

test("every error is a French page in the site's layout, or JSON when JSON is asked for", async ({ browser, baseURL, request }) => {
  const learner = await person(browser);
  const origin = { Origin: baseURL! };
  const cases: Case[] = [
    { what: "page inconnue", method: "GET", url: "/cette-page-n-existe-pas", status: 404 },
    { what: "leçon inconnue", method: "GET", url: "/parcours/essai/inconnue", status: 404 },
    { what: "adresse d'un quiz (route de ressource)", method: "GET", url: "/quiz/quiz-essai", status: 404 },
    { what: "script de leçon inconnu", method: "GET", url: "/lecons/00000000000000000000.js", status: 404 },
    { what: "temps d'activité en GET", method: "GET", url: "/api/temps-actif", status: 405 },
    { what: "PDF d'un certificat inconnu", method: "GET", url: "/certificats/inconnu.pdf", status: 404, signedIn: true },
    {
      what: "export de cohorte demandé par un·e apprenant·e",
      method: "GET",
      url: "/formateur/cohortes/inconnue/export.csv",
      status: 403,
      signedIn: true,
    },
    { what: "POST sans Origin (garde)", method: "POST", url: "/connexion", status: 403, data: "email=a" },
    {
      what: "POST trop volumineux (garde)",
      method: "POST",
      url: "/connexion",
      status: 413,
      headers: origin,
      data: "a".repeat(1024 * 1024 + 10),
    },
    {
      what: "corps qui n'est pas un formulaire",
      method: "POST",
      url: "/connexion",
      status: 415,
      headers: { ...origin, "Content-Type": "text/plain" },
      data: "x",
    },
    {
      what: "champ inattendu",
      method: "POST",
      url: "/connexion",
      status: 400,
      headers: { ...origin, "Content-Type": "application/x-www-form-urlencoded" },
      data: "email%5B0%5D=1",
    },
  ];
  for (const c of cases) {
    const client = c.signedIn ? learner.page.request : request;
    for (const accept of ["text/html", "application/json"]) {
      const response = await client.fetch(c.url, {
        method: c.method,
        headers: { Accept: accept, "Content-Type": "application/x-www-form-urlencoded", ...c.headers },
        data: c.data,
        maxRedirects: 0,
      });
      expect(response.status(), `${c.what} (${accept})`).toBe(c.status);
      const body = await response.text();
      if (accept === "application/json") {
        expect(response.headers()["content-type"], c.what).toMatch(/application\/json/);
        const json = JSON.parse(body) as { message?: string };
        expect(json.message, c.what).toMatch(/[a-zéèà]/i);
      } else {
        expect(response.headers()["content-type"], c.what).toMatch(/text\/html/);
        expect(body, c.what).toContain('<html lang="fr"');
        expect(body, c.what).toMatch(/<link rel="stylesheet" href="\/build\/[^"]+\.css"/);
        expect(body, c.what).toContain("site-header");
        expect(body, c.what).toMatch(/Revenir à l(&#x27;|&#39;|')accueil/);
        expect(body, c.what).toMatch(/<title>[^<]+ — Apprendre à faire alliance<\/title>/);
      }
    }
  }
  await learner.context.close();
});

test("the guards' pages are styled by the site (no inline style the CSP would block) and pass axe", async ({ page, baseURL }) => {
  const messages: string[] = [];
  page.on("console", (message) => messages.push(message.text()));
  // A real browser form posted from another origin reaches the guard's 403 page.
  await page.setContent(`<form method="post" action="${baseURL}/connexion"><input name="email" value="a"><button>Envoyer</button></form>`);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Requête refusée" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Revenir à l'accueil" })).toBeVisible();
  expect(messages.filter((text) => /Content Security Policy|Refused to apply inline style/i.test(text))).toEqual([]);
  expect(await seriousAxeViolations(page)).toEqual([]);
  // The site's stylesheet applies: the header has its background.
  const background = await page.locator(".site-header").evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
});
