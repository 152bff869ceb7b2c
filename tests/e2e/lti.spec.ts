/**
 * LTI 1.3 launches in Chromium (issue 21), the activity opened in a new window from a Moodle-shaped
 * course (tests/helpers/lti-platform.ts, registered with `npm run lti:register`): a teacher lands on
 * the course's cohort signed in, without signing up; a learner of the course accepts the consent
 * screen once; a learner whose platform withholds the name gives it once, with and without
 * JavaScript; a token signed by a stranger key, a replayed post, a post from another browser and a
 * GET on /lti/launch are refused with their French page. Axe on the consent screen and /lti/nom.
 */
import type { Page } from "@playwright/test";
import { startLtiPlatform, type LaunchOptions, type LtiTestPlatform } from "../helpers/lti-platform.ts";
import { learnerRowsOf } from "./engine/people.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "./fixtures.ts";
import {
  launchFromPlatform,
  postAgainFromPlatform,
  registerOnTool,
  TOOL_LAUNCH_URL,
  TOOL_URL,
  unregisterFromTool,
} from "./lti-launches.ts";
import { typographySlips } from "./typography-probe.ts";

const PATH_URL = `${TOOL_URL}/parcours/decouvrir`;
const COURSE = { id: "c-e2e", title: "Alliances L3 AES" };
/** A course no teacher has opened the tool from: its learners study without a cohort. */
const COURSE_WITHOUT_TEACHER = { id: "c-e2e-sans-enseignant", title: "Alliances M1 (sans enseignant)" };
const TEACHER: LaunchOptions = { role: "Instructor", sub: "prof-1", name: "Prof Durand", context: COURSE, targetLinkUri: PATH_URL };
const LEARNER: LaunchOptions = { role: "Learner", sub: "etu-1", name: "Léa Bernard", context: COURSE, targetLinkUri: PATH_URL };
const REPLAYED = "Cette connexion a expiré ou a déjà servi\u00A0: relancez l'activité depuis votre plateforme.";

let platform: LtiTestPlatform;
/** The cohort the teacher's first launch made, for the learners' steps. */
const cohort = { joinCode: "", consent: "", dashboard: "" };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  platform = await startLtiPlatform();
  platform.allowRedirect(TOOL_LAUNCH_URL);
  registerOnTool(platform, "Moodle de test (e2e)");
});

test.afterAll(async () => {
  if (!platform) return;
  expect(await unregisterFromTool(platform), "registration removed").toBe(1);
  await platform.close();
});

/** Console and page errors of a page the auto fixture does not watch (another browser context). */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource: the server responded"))
      errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

async function expectSignedOut(page: Page) {
  await page.goto("/tableau-de-bord");
  await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Ftableau-de-bord$/);
}

test("a teacher opens the activity from the course and lands on its cohort, signed in, without signing up", async ({ page }) => {
  const visited: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visited.push(frame.url());
  });
  const launch = await launchFromPlatform(page, platform, TEACHER);
  expect(launch.status).toBe(303);
  expect(launch.location).toMatch(/^\/formateur\/cohortes\/[^/?]+$/);
  await page.waitForURL(/\/formateur\/cohortes\/[^/?]+$/);
  await waitForHydration(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(COURSE.title);
  await expect(page.locator(".lede")).toContainText("Parcours Découvrir");
  await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();
  cohort.joinCode = (await page.locator(".join-box .join-code").innerText()).trim();
  cohort.dashboard = new URL(page.url()).pathname;
  expect(cohort.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
  // Launches send learners to the consent screen of the code as stored, without the dash shown here.
  cohort.consent = `/rejoindre/${cohort.joinCode.replace("-", "")}`;

  // The browser went through the platform's page, then the cohort: never a sign-up or sign-in form.
  expect([...new Set(visited.map((url) => new URL(url).pathname))]).toEqual(["/mod/lti/auth.php", cohort.dashboard]);
  await page.goto("/tableau-de-bord");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bonjour Prof Durand");
});

test("a learner of the course accepts the consent screen once, and later launches go straight to the path", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext();
  const learner = await context.newPage();
  const errors = watchErrors(learner);

  const first = await launchFromPlatform(learner, platform, LEARNER);
  expect(first.location).toBe(cohort.consent);
  await learner.waitForURL(`**${cohort.consent}`);
  await waitForHydration(learner);
  await expect(learner.getByRole("heading", { level: 1 })).toHaveText(`Rejoindre la cohorte «\u202F${COURSE.title}\u202F»`);
  await expect(learner.getByText(/Cohorte animée par Prof Durand, sur le parcours «\sDécouvrir\s»/)).toBeVisible();
  await expect(learner.getByRole("heading", { name: /^Ce que .+ verra$/ })).toBeVisible();
  expect(await seriousAxeViolations(learner)).toEqual([]);
  expect(await learner.evaluate(typographySlips)).toEqual([]);

  await learner.getByRole("button", { name: "J'accepte et je rejoins la cohorte" }).click();
  // Joining lands on the dashboard's confirmation (the join code's action), one link from the path.
  await expect(learner.getByRole("status").filter({ hasText: "Vous avez rejoint" })).toContainText(
    `Vous avez rejoint la cohorte «\u202F${COURSE.title}\u202F» de Prof Durand.`,
  );
  await learner.getByRole("link", { name: /Commencer ou reprendre «\sDécouvrir\s»/ }).click();
  await expect(learner).toHaveURL(/\/parcours\/decouvrir$/);
  await expect(learner.getByRole("heading", { level: 1 })).toContainText("Découvrir");

  // The next launch: no consent screen again.
  const second = await launchFromPlatform(learner, platform, LEARNER);
  expect(second.location).toBe("/parcours/decouvrir");
  await learner.waitForURL(/\/parcours\/decouvrir$/);
  await expect(learner.getByRole("heading", { level: 1 })).toContainText("Découvrir");
  expect(errors).toEqual([]);
  await context.close();

  // The teacher's next launch opens the cohort again, with the learner in it.
  const teacher = await launchFromPlatform(page, platform, TEACHER);
  expect(teacher.location).toBe(cohort.dashboard);
  await page.waitForURL(`**${cohort.dashboard}`);
  await expect(learnerRowsOf(page).filter({ hasText: "Léa Bernard" })).toHaveCount(1);
});

for (const javaScript of [true, false]) {
  test(`a learner whose platform withholds the name gives it once, then goes on to the path (${javaScript ? "with" : "without"} JavaScript)`, async ({
    browser,
  }) => {
    test.setTimeout(60_000);
    const context = await browser.newContext({ javaScriptEnabled: javaScript });
    const learner = await context.newPage();
    const errors = watchErrors(learner);
    const name = javaScript ? "Sacha Petit" : "Noa Lefèvre";
    const launch: LaunchOptions = {
      role: "Learner",
      sub: `etu-sans-nom-${javaScript ? "js" : "html"}`,
      name: null,
      context: COURSE_WITHOUT_TEACHER,
      targetLinkUri: PATH_URL,
    };

    const first = await launchFromPlatform(learner, platform, launch, { javaScript });
    expect(first.location).toBe("/lti/nom?suite=%2Fparcours%2Fdecouvrir");
    await learner.waitForURL(/\/lti\/nom\?/);
    if (javaScript) await waitForHydration(learner);
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText("Votre nom");

    // An empty name (a browser that ignores `required`) is refused next to the field.
    const field = learner.getByLabel("Prénom et nom");
    await field.evaluate((input) => input.removeAttribute("required"));
    await learner.getByRole("button", { name: "Continuer" }).click();
    const message = "Votre nom doit compter au moins 2 caractères.";
    await expect(learner.locator("#name-erreur")).toHaveText(message);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    // The error list's style puts a « ⚠ » before the message.
    await expect(field).toHaveAccessibleDescription(/Votre nom doit compter au moins 2 caractères\.$/);
    await expect(learner).toHaveURL(/\/lti\/nom(\?|$)/);
    if (javaScript) {
      expect(await seriousAxeViolations(learner)).toEqual([]);
      expect(await learner.evaluate(typographySlips)).toEqual([]);
    }

    await field.fill(name);
    await learner.getByRole("button", { name: "Continuer" }).click();
    await expect(learner).toHaveURL(/\/parcours\/decouvrir$/);
    await expect(learner.getByRole("heading", { level: 1 })).toContainText("Découvrir");

    // Asked once: the next launch goes straight to the path, and the name is the account's.
    const second = await launchFromPlatform(learner, platform, launch, { javaScript });
    expect(second.location).toBe("/parcours/decouvrir");
    await learner.waitForURL(/\/parcours\/decouvrir$/);
    await learner.goto("/tableau-de-bord");
    await expect(learner.getByRole("heading", { level: 1 })).toHaveText(`Bonjour ${name}`);
    expect(errors).toEqual([]);
    await context.close();
  });
}

test("a token signed by a key the platform never published (a learner forging a teacher's role) is refused, nobody signed in", async ({
  page,
}) => {
  const forged = await launchFromPlatform(page, platform, { ...LEARNER, role: "Instructor", signWith: "stranger" });
  expect(forged.status).toBe(401);
  await expect(page.getByText("La signature du jeton de lancement n'est pas celle de la plateforme.")).toBeVisible();
  expect(await page.evaluate(typographySlips)).toEqual([]);
  await expectSignedOut(page);
});

test("the platform's form posted again (same id_token and state) is refused: « déjà servi »", async ({ page }) => {
  const launch = await launchFromPlatform(page, platform, { ...LEARNER, sub: "etu-rejeu", name: "Jules Rejeu" });
  expect(launch.status).toBe(303);
  expect(launch.fields.get("id_token")).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(launch.fields.get("state")).toBeTruthy();
  await page.waitForURL(`**${cohort.consent}`);

  const replay = await postAgainFromPlatform(page, platform, launch.fields);
  expect(replay.status).toBe(400);
  await expect(page.getByText(REPLAYED)).toBeVisible();
});

test("a launch post carried to another browser is refused there, and still works in the browser that started it", async ({
  browser,
  page,
}) => {
  // The post is stopped on its way to the tool, as if someone had copied it.
  const context = await browser.newContext();
  const starter = await context.newPage();
  await starter.route(TOOL_LAUNCH_URL, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>…</title>" }),
  );
  const copied = await launchFromPlatform(starter, platform, { ...LEARNER, sub: "etu-vole", name: "Inès Volée" });

  const elsewhere = await postAgainFromPlatform(page, platform, copied.fields);
  expect(elsewhere.status).toBe(403);
  await expect(page.getByText(/Cette connexion a commencé dans un autre navigateur/)).toBeVisible();
  await expectSignedOut(page);

  await starter.unroute(TOOL_LAUNCH_URL);
  const own = await postAgainFromPlatform(starter, platform, copied.fields);
  expect(own.status).toBe(303);
  expect(own.location).toBe(cohort.consent);
  await context.close();
});

test("a GET on /lti/launch shows the 405 page", async ({ page }) => {
  const response = await page.goto("/lti/launch");
  expect(response?.status()).toBe(405);
  expect(response?.headers().allow).toBe("POST");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Action impossible");
  await expect(
    page.getByText("Cette adresse reçoit les lancements LTI de votre plateforme\u00A0: ouvrez l'activité depuis votre cours."),
  ).toBeVisible();
});
