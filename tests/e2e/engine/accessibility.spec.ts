/**
 * The accessibility sweep: every page type of the platform (app/accessibility/checks.ts), anonymous
 * and signed in, as a learner and as a trainer, at 320 px (reflow), at 360 px (a phone) and at
 * 1280 px (a desktop screen), then without JavaScript. Each check of the declared list runs where
 * the list says, and the test fails if a page type the list claims was not visited: what
 * /accessibilite publishes is what ran here.
 */
import type { Page } from "@playwright/test";
import {
  ACCESSIBILITY_CHECKS,
  checkById,
  KNOWN_ISSUES,
  WIDTHS,
  type AccessibilityCheck,
  type KnownIssue,
  type PageType,
} from "~/accessibility/checks.ts";
import { FOCUS_INVISIBLE, headingProblems, keyboardProblems, reflowProblems, textAlternativeProblems } from "../accessibility-probes.ts";
import { expect, seriousAxeViolations, test, waitForHydration } from "../fixtures.ts";
import { completeLesson, passFinalAssessment, playSimulation, spendPathActiveTime } from "./fixture-course.ts";
import { markLessonDone } from "../test-clock.ts";
import { typographySlips } from "../typography-probe.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

type CheckId = AccessibilityCheck["id"];
/**
 * A page to check. `sample`: one of the pages that stand for their type (at least one of each),
 * which get every check at every width; the others get every check but axe, at 320 and 360 px
 * (axe takes a second or more a page, and the other specs run it on most pages at 1280 px).
 */
type Visit = { type: PageType; url: string; state?: (page: Page) => Promise<void>; sample?: boolean };

/** What each check found, by page, and which page types it ran on. */
class Sweep {
  problems: Record<string, string[]> = {};
  covered = new Map<CheckId, Set<PageType>>();
  /** The known issues (app/accessibility/checks.ts) met during the sweep. */
  met = new Set<KnownIssue>();

  async run(id: CheckId, type: PageType, where: string, probe: () => Promise<string[]>) {
    const started = Date.now();
    const found = await probe();
    if (process.env.A11Y_DEBUG) console.log(`${Date.now() - started} ms ${id} ${where} ${found.join(" | ")}`);
    if (!this.covered.has(id)) this.covered.set(id, new Set());
    this.covered.get(id)!.add(type);
    if (found.length === 0) return;
    const known = KNOWN_ISSUES.find((issue) => issue.checks.includes(id) && issue.where.test(where));
    if (known) this.met.add(known);
    else (this.problems[`${id} — ${where}`] ??= []).push(...found);
  }

  /** The page types a check claims but this sweep did not visit for it. */
  missing() {
    const missing: Partial<Record<CheckId, PageType[]>> = {};
    for (const check of ACCESSIBILITY_CHECKS) {
      const types = check.pageTypes.filter((type) => !this.covered.get(check.id)?.has(type));
      if (types.length > 0) missing[check.id] = types;
    }
    return missing;
  }

  /** Known issues the statement publishes but that no check found any more. */
  fixed() {
    return KNOWN_ISSUES.filter((issue) => !this.met.has(issue)).map((issue) => issue.description);
  }
}

/** The checks of one page, at the page's current width. */
async function audit(sweep: Sweep, page: Page, type: PageType, label: string, { axe }: { axe: boolean }) {
  const width = page.viewportSize()!.width;
  const runsHere = (id: CheckId) => checkById(id).widths.includes(width);
  const where = `${label} à ${width} px`;
  if (runsHere("reflow-320")) await sweep.run("reflow-320", type, where, () => reflowProblems(page));
  if (axe && runsHere("axe")) await sweep.run("axe", type, where, () => seriousAxeViolations(page));
  if (runsHere("titres")) await sweep.run("titres", type, where, () => headingProblems(page));
  if (runsHere("alternatives")) await sweep.run("alternatives", type, where, () => textAlternativeProblems(page));
  if (runsHere("clavier")) {
    // One walk holds both: every stop reached in order, and each one visibly focused.
    const started = Date.now();
    const found = await keyboardProblems(page);
    if (process.env.A11Y_DEBUG) console.log(`${Date.now() - started} ms marche au clavier ${where}`);
    await sweep.run("clavier", type, where, async () => found.filter((problem) => !problem.endsWith(FOCUS_INVISIBLE)));
    await sweep.run("focus-visible", type, where, async () => found.filter((problem) => problem.endsWith(FOCUS_INVISIBLE)));
  }
}

test("every page type passes the checks of the accessibility statement at 320, 360 and 1280 px, and without JavaScript", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const sweep = new Sweep();
  // French typography of the interface (issue 17), read at 360 px on every page and state: the
  // interface's own strings (dashboard, trainer pages, account, messages), not only the content.
  const typography: string[] = [];

  // A trainer with a cohort, a learner of that cohort who holds the certificate of the path.
  const trainer = await person(browser, { name: "Odile Formatrice", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Cohorte accessible");
  const learner = await person(browser, { name: "Camille Accessible" });
  await joinWithCode(learner.page, code);
  await completeLesson(learner.page, "introduction");
  await completeLesson(learner.page, "carte-des-acteurs");
  await learner.page.goto("/parcours/essai/conclusion");
  await waitForHydration(learner.page);
  await passFinalAssessment(learner.page);
  await playSimulation(learner.page);
  await spendPathActiveTime(learner.page);
  await markLessonDone(learner.page);
  await expect(learner.page.getByText("Leçon marquée comme terminée.")).toBeVisible();
  await learner.page.goto("/tableau-de-bord");
  const certificateUrl = await learner.page.getByRole("link", { name: "Certificat « Parcours d'essai »" }).getAttribute("href");
  await learner.page.goto(certificateUrl!);
  const verificationCode = (await learner.page.locator(".certificate-facts .verification-code").innerText()).trim();
  await trainer.page.goto(dashboardUrl);
  const learnerUrl = await trainer.page.locator(".data-table a", { hasText: "Camille Accessible" }).first().getAttribute("href");
  const visitor = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.77" } });
  const anonymous = await visitor.newPage();

  // The practice quiz: started (or resumed, after the first width), then one answer validated.
  const practice = (page: Page) => page.locator("#quiz-quiz-entrainement");
  const startQuiz = async (page: Page) => {
    const start = practice(page).getByRole("button", { name: /^(Commencer|Recommencer) le quiz$/ });
    if (await start.isVisible()) await start.click();
    await expect(practice(page).locator("legend")).toBeVisible();
  };
  const answerQuiz = async (page: Page) => {
    await startQuiz(page);
    const validate = practice(page).getByRole("button", { name: "Valider ma réponse" });
    // At the next width the attempt resumes on the correction already shown: nothing to answer.
    if (await validate.isVisible()) {
      await practice(page).getByRole("radio").first().check();
      await validate.click();
      await expect(validate).toHaveCount(0);
    }
  };
  // A signed-in learner's unfinished run resumes where it stopped; a finished one offers to replay.
  const startSimulation = async (page: Page) => {
    const start = page.getByRole("button", { name: /^(Commencer|Rejouer) la simulation$/ });
    if (await start.isVisible()) await start.click();
    await expect(page.locator(".choice-button").first()).toBeVisible();
  };
  const finishSimulation = async (page: Page) => {
    await startSimulation(page);
    for (let step = 0; step < 20 && (await page.locator(".choice-button").count()) > 0; step++)
      await page.locator(".choice-button").first().click();
    await expect(page.getByText("Fin de la simulation")).toBeVisible();
  };

  const visits: Array<[Page, Visit[]]> = [
    [
      anonymous,
      [
        { type: "accueil", url: "/", sample: true },
        { type: "catalogue", url: "/parcours", sample: true },
        { type: "parcours", url: "/parcours/essai", sample: true },
        { type: "lecon", url: "/parcours/essai/introduction", sample: true },
        { type: "lecon", url: "/parcours/essai/carte-des-acteurs" },
        { type: "simulation", url: "/simulations" },
        { type: "glossaire", url: "/glossaire", sample: true },
        { type: "recherche", url: "/recherche?q=catalyseur", sample: true },
        { type: "recherche", url: "/recherche?q=introuvablexyz" },
        { type: "verification", url: "/verifier" },
        { type: "verification", url: `/verifier/${verificationCode}`, sample: true },
        { type: "informations", url: "/confidentialite" },
        { type: "informations", url: "/accessibilite", sample: true },
        { type: "authentification", url: "/connexion" },
        { type: "authentification", url: "/inscription", sample: true },
        { type: "authentification", url: "/mot-de-passe-oublie" },
        { type: "authentification", url: `/rejoindre/${code}` },
        { type: "erreur", url: "/page-inconnue", sample: true },
      ],
    ],
    [
      learner.page,
      [
        { type: "tableau-de-bord", url: "/tableau-de-bord", sample: true },
        { type: "quiz", url: "/parcours/essai/conclusion" },
        { type: "quiz", url: "/parcours/essai/conclusion", state: startQuiz },
        { type: "quiz", url: "/parcours/essai/conclusion", state: answerQuiz, sample: true },
        { type: "simulation", url: "/simulations/cas-essai" },
        { type: "simulation", url: "/simulations/cas-essai", state: startSimulation },
        { type: "simulation", url: "/simulations/cas-essai", state: finishSimulation, sample: true },
        { type: "projet", url: "/projet/projet-essai" },
        { type: "projet", url: "/projet/projet-essai/etapes/diagnostic", sample: true },
        { type: "certificat", url: certificateUrl!, sample: true },
        { type: "compte", url: "/compte", sample: true },
        { type: "compte", url: "/compte/double-authentification" },
        { type: "compte", url: "/compte/supprimer" },
        { type: "erreur", url: "/formateur" },
      ],
    ],
    [
      trainer.page,
      [
        { type: "formateur", url: "/formateur" },
        { type: "formateur", url: "/formateur/cohortes/nouvelle" },
        { type: "formateur", url: dashboardUrl, sample: true },
        { type: "formateur", url: `${dashboardUrl}/reglages` },
        { type: "formateur", url: learnerUrl! },
      ],
    ],
  ];

  const timer = Date.now();
  const lap = (what: string) => process.env.A11Y_DEBUG && console.log(`${Math.round((Date.now() - timer) / 1000)} s : ${what}`);
  lap("comptes et certificat prêts");
  // Every page at 320 px (reflow) and 360 px (everything); the representative ones at 1280 px.
  for (const width of [WIDTHS.reflow, WIDTHS.phone, WIDTHS.desktop]) {
    for (const [page, list] of visits) {
      await page.setViewportSize({ width, height: 800 });
      for (const visit of list.filter((visit) => width !== WIDTHS.desktop || visit.sample)) {
        await page.goto(visit.url);
        await waitForHydration(page);
        if (visit.state) await visit.state(page);
        const label = `${visit.url}${visit.state ? ` (${visit.state.name})` : ""}`;
        await audit(sweep, page, visit.type, label, { axe: Boolean(visit.sample) });
        if (width === WIDTHS.phone) for (const slip of await page.evaluate(typographySlips)) typography.push(`${label} : ${slip}`);
      }
    }
    lap(`${width} px`);
  }

  // Without JavaScript: what the server sends, for a visitor, a learner and a trainer.
  for (const [context, list] of [
    [await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.78" } }), visits[0]![1]],
    [await browser.newContext({ javaScriptEnabled: false, storageState: await learner.context.storageState() }), visits[1]![1]],
    [await browser.newContext({ javaScriptEnabled: false, storageState: await trainer.context.storageState() }), visits[2]![1]],
  ] as const) {
    const page = await context.newPage();
    await page.setViewportSize({ width: WIDTHS.phone, height: 800 });
    for (const visit of list.filter((visit) => !visit.state)) {
      await page.goto(visit.url);
      await sweep.run("sans-javascript", visit.type, `${visit.url} sans JavaScript`, async () => [
        ...((await page.locator("main h1").count()) === 1 ? [] : ["pas de titre de niveau 1 dans le contenu"]),
        ...(await headingProblems(page)),
        ...(await reflowProblems(page)),
      ]);
    }
    await context.close();
  }
  lap("sans JavaScript");

  expect(sweep.problems).toEqual({});
  expect(typography, "typographie française de l'interface").toEqual([]);
  expect(sweep.missing(), "types de pages annoncés par app/accessibility/checks.ts mais non visités").toEqual({});
  expect(sweep.fixed(), "corrigé : à retirer de KNOWN_ISSUES (app/accessibility/checks.ts)").toEqual([]);
  await visitor.close();
  await trainer.context.close();
  await learner.context.close();
});
