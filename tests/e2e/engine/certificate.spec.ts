/**
 * Certificates on the fixture course: a learner completes « Parcours d'essai » (3 lessons, the final
 * assessment « Quiz d'essai », the simulation « Cas d'essai »), downloads the PDF, and an anonymous
 * visitor verifies the code. Then the verification pages for revoked, unknown and malformed codes.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readAttachments } from "~/certificates/pdf-attachments.ts";
import { expect, newAccount, seriousAxeViolations, signUp, test, waitForHydration, type NewAccount } from "../fixtures.ts";
import { completeLesson, passFinalAssessment, playSimulation } from "./fixture-course.ts";
import { markLessonDone, spendActiveTime } from "../test-clock.ts";

const run = promisify(execFile);
let addressCounter = 0;
/** A visitor address of its own (the test server trusts X-Forwarded-For, as behind a proxy). */
function visitorAddress() {
  addressCounter += 1;
  return `198.51.100.${(Date.now() % 200) + addressCounter}`;
}

async function pdfText(bytes: Uint8Array) {
  const document = await getDocument({ data: bytes, verbosity: 0, useSystemFonts: false }).promise;
  const content = await (await document.getPage(1)).getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  await document.destroy();
  return text.replace(/\s+/g, " ");
}

/** Completes the whole fixture path; returns the printed verification code. */
async function earnCertificate(page: Page, account: NewAccount): Promise<{ code: string; url: string }> {
  await signUp(page, account);
  await completeLesson(page, "introduction");
  await completeLesson(page, "carte-des-acteurs");
  await page.goto("/parcours/essai");
  await expect(page.getByText("Le certificat est délivré automatiquement quand tout ceci est fait :")).toBeVisible();
  await expect(page.getByText("Passer « Quiz d'essai »")).toBeVisible();
  await expect(page.getByText("Jouer la simulation « Cas d'essai » jusqu'à une fin")).toBeVisible();
  await expect(page.getByText(/^Temps d'activité enregistré\s: .+ sur les 10\smin requises$/)).toBeVisible();

  await page.goto("/parcours/essai/conclusion");
  await waitForHydration(page);
  await passFinalAssessment(page);
  await playSimulation(page);
  // Half of the path's 20 minutes, recorded as the lesson page records it.
  await spendActiveTime(page, { lessonId: "e2-1", pathId: "parcours-essai", seconds: 10 * 60 });
  await markLessonDone(page);
  await expect(page.getByText("Leçon marquée comme terminée.")).toBeVisible();

  await page.goto("/tableau-de-bord");
  await page.getByRole("link", { name: "Certificat « Parcours d'essai »" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Certificat « Parcours d'essai »" })).toBeVisible();
  const code = (await page.locator(".certificate-facts .verification-code").innerText()).trim();
  expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{4}$/);
  return { code, url: page.url() };
}

async function anonymousPage(browser: Browser) {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": visitorAddress() } });
  return { context, page: await context.newPage() };
}

test("complete the path, download the PDF, and an anonymous visitor verifies the code", async ({ page, browser }) => {
  const account = newAccount({ name: "Hélène Lefèvre" });
  const { code } = await earnCertificate(page, account);
  await expect(page.getByText("Hélène Lefèvre", { exact: true })).toBeVisible();
  await expect(page.getByText("Score à l'évaluation finale")).toBeVisible();
  await expect(page.locator(".certificate-facts")).toContainText("100 %");
  await expect(page.getByText("Le nom est imprimé tel qu'il a été enregistré à la délivrance du certificat")).toBeVisible();
  await expect(page.getByText("La police du PDF n'a pas tous les caractères de ce nom")).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^certificat-parcours-d-essai-[0-9a-z]{8}\.pdf$/);
  const pdfBytes = new Uint8Array(readFileSync((await download.path())!));
  const text = await pdfText(pdfBytes.slice());
  expect(text).toContain("Hélène Lefèvre");
  expect(text).toMatch(/Durée réalisée 1\d min \(temps d'activité enregistré\)/);
  expect(text).not.toContain("20 min");
  expect(text).toContain(code);

  // The path page and the dashboard now point to it.
  await page.goto("/parcours/essai");
  await expect(page.getByText(/Parcours achevé\s: votre certificat a été délivré le/)).toBeVisible();

  const visitor = await anonymousPage(browser);
  await visitor.page.goto("/");
  await visitor.page.getByRole("link", { name: "Vérifier un certificat" }).click();
  await waitForHydration(visitor.page);
  await visitor.page.getByLabel("Code de vérification").fill(` ${code.toLowerCase().replace(/-/g, " ")} `);
  await visitor.page.getByRole("button", { name: "Vérifier" }).click();
  await expect(visitor.page).toHaveURL(new RegExp(`/verifier/${code}$`));
  await expect(visitor.page.getByRole("heading", { name: "Certificat valide" })).toBeVisible();
  await expect(visitor.page.getByText("Hélène Lefèvre")).toBeVisible();
  await expect(visitor.page.getByText("Parcours d'essai")).toBeVisible();
  // The page shows the signed data to compare with, and says what offline verification proves.
  await expect(visitor.page.getByText("Voici les données que la plateforme a signées en délivrant ce certificat.")).toBeVisible();
  await expect(visitor.page.getByText(/Elle ne prouve rien sur la page imprimée/)).toBeVisible();
  const signed = (await readAttachments(pdfBytes)).find((attachment) => attachment.name === "certificat.json")!;
  await expect(visitor.page.locator(".verification-hash")).toHaveText(createHash("sha256").update(signed.bytes).digest("hex"));
  await expect(visitor.page.locator(".certificate-facts")).toContainText("100 %");
  expect(await seriousAxeViolations(visitor.page)).toEqual([]);
  await visitor.context.close();
});

test("a name the PDF's font cannot fully print: the page says how it prints, the PDF shows « ? », the signed data keeps it", async ({
  page,
}) => {
  const name = "Zoë 王小明 😀";
  await earnCertificate(page, newAccount({ name }));
  await expect(page.getByText("Le nom est imprimé tel qu'il a été enregistré à la délivrance du certificat")).toBeVisible();
  await expect(page.getByText("« 王 », « 小 », « 明 » et « 😀 » sont imprimés « ? »")).toBeVisible();
  await expect(page.getByText("Le PDF affiche donc « Zoë ??? ? »")).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
  const bytes = new Uint8Array(readFileSync((await download.path())!));
  expect(await pdfText(bytes.slice())).toContain("Zoë ??? ?");
  const signed = (await readAttachments(bytes)).find((attachment) => attachment.name === "certificat.json")!;
  expect(JSON.parse(new TextDecoder().decode(signed.bytes))).toMatchObject({ titulaire: name });
});

test("revoked, unknown and malformed codes each get their answer and status", async ({ page, browser }) => {
  const { code } = await earnCertificate(page, newAccount());
  const visitor = await anonymousPage(browser);
  await run("node_modules/.bin/tsx", ["app/cli/certificate-revoke.ts", code, "Délivré par erreur."], {
    env: { ...process.env, DATABASE_URL: "file:./data/e2e-moteur.db" },
  });
  const revoked = await visitor.page.goto(`/verifier/${code}`);
  expect(revoked?.status()).toBe(200);
  await expect(visitor.page.getByRole("heading", { name: "Certificat révoqué" })).toBeVisible();
  await expect(visitor.page.getByText(/Ce certificat a été révoqué le \d{1,2}(?:er)?\s\S+ \d{4}/)).toBeVisible();

  const unknownCode = code.startsWith("0") ? `1${code.slice(1)}` : `0${code.slice(1)}`;
  const unknown = await visitor.page.goto(`/verifier/${unknownCode}`);
  expect(unknown?.status()).toBe(404);
  await expect(visitor.page.getByRole("heading", { name: "Code inconnu" })).toBeVisible();

  const malformed = await visitor.page.goto("/verifier/ABC-123");
  expect(malformed?.status()).toBe(400);
  await expect(visitor.page.getByText("Ce code n'a pas le bon format")).toBeVisible();
  await expect(visitor.page.getByLabel("Code de vérification")).toHaveAttribute("aria-invalid", "true");
  expect(await seriousAxeViolations(visitor.page)).toEqual([]);
  await visitor.context.close();
});

test("only the owner sees a certificate and its PDF", async ({ page, browser }) => {
  const { url } = await earnCertificate(page, newAccount());
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signUp(otherPage, newAccount());
  expect((await otherPage.goto(url))?.status()).toBe(404);
  expect((await otherPage.request.get(`${url}/pdf`)).status()).toBe(404);
  await other.close();

  const anonymous = await browser.newContext();
  const response = await anonymous.request.get(`${url}/pdf`, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toMatch(/^\/connexion/);
  await anonymous.close();
});

test("the public key is published for offline verification", async ({ request }) => {
  const response = await request.get("/certificats/cle-publique.pem");
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
});

test("verification is rate-limited per visitor address, with a French 429", async ({ browser }) => {
  const visitor = await anonymousPage(browser);
  for (let i = 0; i < 30; i++) {
    expect((await visitor.page.request.get(`/verifier/0000-0000-0000-0000-0000-0000-000${i % 10}`)).status()).toBe(404);
  }
  const limited = await visitor.page.goto("/verifier/0000-0000-0000-0000-0000-0000-0000");
  expect(limited?.status()).toBe(429);
  expect(Number(limited?.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(
    visitor.page.getByText(/Trop de vérifications en peu de temps depuis cette connexion. Réessayez dans \d+ minutes?\./),
  ).toBeVisible();
  await visitor.context.close();

  // Another address is not affected.
  const other = await anonymousPage(browser);
  expect((await other.page.goto("/verifier/0000-0000-0000-0000-0000-0000-0000"))?.status()).toBe(404);
  await other.context.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });

  test("the verification form is a plain GET form", async ({ page }) => {
    await page.goto("/verifier");
    await page.getByLabel("Code de vérification").fill("pas un code");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page.getByText("Ce code n'a pas le bon format")).toBeVisible();
    await page.getByLabel("Code de vérification").fill("0000 0000 0000 0000 0000 0000 000o");
    await page.getByRole("button", { name: "Vérifier" }).click();
    await expect(page).toHaveURL(/\/verifier\/0000-0000-0000-0000-0000-0000-0000$/);
    await expect(page.getByRole("heading", { name: "Code inconnu" })).toBeVisible();
  });
});

/**
 * The server's clock cannot be set from a test: the certificate's dates are moved to the first of
 * a month in its (SQLite) database, in the format the server wrote them, as if it had been issued
 * then. Every place that shows them formats them at request time.
 */
function moveCertificateDatesTo(code: string, when: Date) {
  const db = new Database("data/e2e-moteur.db");
  try {
    const compact = code.replace(/-/g, "");
    const row = db.prepare('SELECT "completedAt" AS value FROM "Certificate" WHERE "code" = ?').get(compact) as { value: number | string };
    // Prisma's SQLite adapter writes a number (milliseconds) or an ISO text: keep whichever it used.
    const value = typeof row.value === "number" ? when.getTime() : `${when.toISOString().slice(0, 23)}${String(row.value).slice(23)}`;
    const changed = db
      .prepare('UPDATE "Certificate" SET "firstActivityAt" = ?, "completedAt" = ?, "issuedAt" = ? WHERE "code" = ?')
      .run(value, value, value, compact).changes;
    expect(changed).toBe(1);
  } finally {
    db.close();
  }
}

test("a certificate completed on the first of a month reads « 1er » on its page, its PDF and its verification", async ({
  page,
  browser,
}) => {
  const { code, url } = await earnCertificate(page, newAccount());
  // 23:30 UTC on 30 November is 1 December in Paris, where the dates are written.
  moveCertificateDatesTo(code, new Date("2026-11-30T23:30:00.000Z"));

  await page.goto(url);
  await expect(page.locator(".certificate-facts")).toContainText("Parcours achevé le");
  await expect(page.locator(".certificate-facts")).toContainText("1er décembre 2026");
  await expect(page.locator(".certificate-facts")).not.toContainText(/(^|\D)1\sdécembre/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le PDF" }).click()]);
  const text = await pdfText(new Uint8Array(readFileSync((await download.path())!)));
  expect(text).toContain("Parcours achevé le 1er décembre 2026");
  expect(text).toContain("Délivré le 1er décembre 2026");

  const visitor = await anonymousPage(browser);
  await visitor.page.goto(`/verifier/${code}`);
  await expect(visitor.page.locator(".certificate-facts")).toContainText("1er décembre 2026");
  await visitor.context.close();
});
