/**
 * LTI 1.3 launches on both databases, against a small Moodle-shaped platform (tests/helpers/lti-platform.ts)
 * over HTTP: login initiation, the state bound to the browser, the id_token's checks, the account of
 * (platform, sub), the cohort of (course, path). Every attack is refused with a French reason and
 * writes nothing: no account, no identity, no cohort, no launch counted.
 */
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { findPathBySlug } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { landLaunch, launchEmail } from "~/lti/launch-account.server.ts";
import { consumeState, verifyLaunch } from "~/lti/launch.server.ts";
import { LtiError } from "~/lti/lti-error.ts";
import { browserValueOf, startLogin } from "~/lti/oidc-login.server.ts";
import { registerPlatform } from "~/lti/registrations.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";
import { startLtiPlatform, type LaunchOptions, type LtiTestPlatform } from "../helpers/lti-platform.ts";

const SITE = "https://alliances.exemple.fr";
const REDIRECT = `${SITE}/lti/launch`;
const PATH_URL = `${SITE}/parcours/decouvrir`;
let platform: LtiTestPlatform;
let clockShift = 0;

beforeAll(async () => {
  platform = await startLtiPlatform();
  platform.allowRedirect(REDIRECT);
});
afterAll(async () => platform?.close());

async function register(db: Db) {
  return registerPlatform(db, {
    name: "Moodle de test",
    issuer: platform.issuer,
    clientId: platform.clientId,
    deploymentIds: [platform.deploymentId],
    authLoginUrl: platform.authLoginUrl,
    authTokenUrl: platform.authTokenUrl,
    jwksUrl: platform.jwksUrl,
  });
}

/** What /lti/login does for a browser: the state and nonce it sent to the platform, and the browser's cookie value. */
async function login(db: Db, cookieHeader: string | null = null) {
  const { location, setCookie } = await startLogin(
    db,
    { iss: platform.issuer, login_hint: "2", target_link_uri: PATH_URL, client_id: platform.clientId },
    { redirectUri: REDIRECT, cookieHeader },
  );
  const url = new URL(location);
  return { url, state: url.searchParams.get("state")!, nonce: url.searchParams.get("nonce")!, browser: browserValueOf(setCookie)! };
}

/** A whole launch: login, a token (with these options), consumption of the state, verification, landing. */
async function launch(db: Db, options: Partial<LaunchOptions> = {}, tamper: { browser?: string; nonce?: string } = {}) {
  const { state, nonce, browser } = await login(db);
  const token = await platform.idToken({ targetLinkUri: PATH_URL, ...options, nonce: tamper.nonce ?? nonce });
  const consumed = await consumeState(db, state, tamper.browser ?? browser);
  const verified = await verifyLaunch(db, token, consumed);
  return landLaunch(db, verified, getCatalog(), SITE);
}

/** What a refused launch must leave as it was. */
async function footprint(db: Db) {
  const [users, identities, cohorts, contexts, deployments] = await Promise.all([
    db.user.count(),
    db.ltiIdentity.count(),
    db.cohort.count(),
    db.ltiContext.count(),
    db.ltiDeployment.findMany({ select: { launchCount: true } }),
  ]);
  return { users, identities, cohorts, contexts, launches: deployments.map((row) => row.launchCount) };
}

async function refusal(promise: Promise<unknown>): Promise<LtiError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LtiError);
  return error as LtiError;
}

describeEachDatabase("LTI 1.3 launches", (get) => {
  test("login initiation sends the browser to the platform with OIDC's parameters, a state and a nonce", async () => {
    const { db } = get();
    await register(db);
    const { url, state, nonce, browser } = await login(db);
    expect(url.origin + url.pathname).toBe(platform.authLoginUrl);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: REDIRECT,
      login_hint: "2",
    });
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(nonce).not.toBe(state);
    expect(browser).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // A second login in the same browser keeps its binding value: two activities opened at once both work.
    expect((await login(db, `lti-navigateur=${browser}`)).browser).toBe(browser);
    const unknown = await refusal(
      startLogin(
        db,
        { iss: "https://inconnue.exemple.fr", login_hint: "2", target_link_uri: PATH_URL },
        { redirectUri: REDIRECT, cookieHeader: null },
      ),
    );
    expect(unknown.status).toBe(404);
  });

  test("a learner's first launch makes their account (no password, name from the claims) and waits for a teacher's cohort", async () => {
    const { db } = get();
    await register(db);
    const landing = await launch(db, { role: "Learner", sub: "learner-1", name: "Camille Martin" });
    expect(landing).toMatchObject({ next: "/parcours/decouvrir", needsName: false });
    const user = await db.user.findUniqueOrThrow({ where: { id: landing.userId }, include: { password: true } });
    expect(user).toMatchObject({ name: "Camille Martin", role: "LEARNER", password: null });
    expect(user.email).toMatch(/^lti-[0-9a-f]{32}@lti\.invalid$/);
    // The same person again: the same account.
    expect((await launch(db, { role: "Learner", sub: "learner-1" })).userId).toBe(landing.userId);
    expect(await db.ltiDeployment.findFirstOrThrow()).toMatchObject({ launchCount: 2 });
  });

  test("the course's teacher makes its cohort and lands on its dashboard; learners then go through the consent screen, once", async () => {
    const { db } = get();
    await register(db);
    const teacher = await launch(db, {
      role: "Instructor",
      sub: "teacher-1",
      name: "Prof Durand",
      context: { id: "course-9", title: "Alliances L3" },
    });
    const cohort = await db.cohort.findFirstOrThrow({ where: { trainerId: teacher.userId } });
    expect(cohort).toMatchObject({ name: "Alliances L3", pathId: findPathBySlug(getCatalog(), "decouvrir")!.id });
    expect(teacher.next).toBe(`/formateur/cohortes/${cohort.id}`);
    expect(await db.user.findUniqueOrThrow({ where: { id: teacher.userId } })).toMatchObject({ role: "TRAINER" });

    const learner = await launch(db, { role: "Learner", sub: "learner-9", context: { id: "course-9", title: "Alliances L3" } });
    expect(learner.next).toBe(`/rejoindre/${cohort.joinCode}`);
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId: learner.userId } });
    expect((await launch(db, { role: "Learner", sub: "learner-9", context: { id: "course-9", title: "Alliances L3" } })).next).toBe(
      "/parcours/decouvrir",
    );
    // Another course of the same platform gets a cohort of its own; a learner of it never reaches this one.
    await launch(db, { role: "Instructor", sub: "teacher-2", context: { id: "course-10", title: "Autre cours" } });
    const other = await launch(db, { role: "Learner", sub: "learner-10", context: { id: "course-10", title: "Autre cours" } });
    expect(other.next).not.toContain(cohort.joinCode);
  });

  test("without a name in the claims, the name is asked once", async () => {
    const { db } = get();
    await register(db);
    expect(await launch(db, { sub: "anonyme", name: null })).toMatchObject({ needsName: true });
  });

  test("20 first launches of the same person at once make one account", async () => {
    const { db } = get();
    await register(db);
    const landings = await Promise.all(Array.from({ length: 20 }, () => launch(db, { sub: "pressee", name: "Lou Pressée" })));
    expect(new Set(landings.map((landing) => landing.userId)).size).toBe(1);
    expect(await db.user.count({ where: { email: launchEmail((await db.ltiPlatform.findFirstOrThrow()).id, "pressee") } })).toBe(1);
  });

  test.each([
    ["a key the platform never published (a forged Instructor role)", { role: "Instructor", signWith: "stranger" }, 401, "signature"],
    ["alg: none", { unsigned: true }, 401, "RS256"],
    ["algorithm confusion (HS256 with the public key)", { header: { alg: "HS256" } }, 401, "RS256"],
    ["another audience", { claims: { aud: "un-autre-outil" } }, 401, "aud"],
    ["another issuer", { claims: { iss: "https://moodle.ailleurs.fr" } }, 401, "iss"],
    ["expired", { claims: { exp: Math.floor(Date.now() / 1000) - 120, iat: Math.floor(Date.now() / 1000) - 300 } }, 401, "expiré"],
    ["an unknown deployment", { deploymentId: "999" }, 403, "déploiement"],
    ["another LTI version", { claims: { "https://purl.imsglobal.org/spec/lti/claim/version": "1.1" } }, 400, "1.3.0"],
    [
      "a message the tool does not handle",
      { claims: { "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiSubmissionReviewRequest" } },
      400,
      "pris en charge",
    ],
  ] as const)("refused, nothing written: %s", async (_label, options, status, reason) => {
    const { db } = get();
    await register(db);
    const before = await footprint(db);
    const error = await refusal(launch(db, options as Partial<LaunchOptions>));
    expect(error.status).toBe(status);
    expect(error.message).toContain(reason);
    expect(await footprint(db)).toEqual(before);
  });

  test("refused, nothing written: a state from another browser, a state used twice, a nonce that is not the state's", async () => {
    const { db } = get();
    await register(db);
    const before = await footprint(db);
    expect((await refusal(launch(db, {}, { browser: "A".repeat(43) }))).status).toBe(403);
    expect((await refusal(launch(db, {}, { nonce: "un-autre-nonce" }))).status).toBe(401);
    // A replay: the same token and state posted again after a successful launch.
    const { state, nonce, browser } = await login(db);
    const token = await platform.idToken({ targetLinkUri: PATH_URL, nonce, sub: "rejoue" });
    await landLaunch(db, await verifyLaunch(db, token, await consumeState(db, state, browser)), getCatalog(), SITE);
    const afterFirst = await footprint(db);
    expect(afterFirst.users).toBe(before.users + 1);
    expect((await refusal(consumeState(db, state, browser))).message).toContain("déjà servi");
    // 20 posts of one fresh state at once: one consumes it, the others are refused.
    const fresh = await login(db);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => consumeState(db, fresh.state, fresh.browser)));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  });

  test("a rotated platform key is fetched again by its new kid", async () => {
    const { db } = get();
    await register(db);
    await launch(db, { sub: "avant-rotation" });
    await platform.rotateKey({ dropOld: true });
    const fetches = platform.jwksFetches();
    // The keys are fetched again for an unknown kid at most every 30 s (a flood of forged kids must
    // not make the tool hammer the platform): the clock moves past that.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      // Further each time: the keys' cache remembers the (moved) time of its last fetch, and the
      // platform serves both databases' runs.
      clockShift += 61_000;
      vi.setSystemTime(Date.now() + clockShift);
      await expect(launch(db, { sub: "apres-rotation" })).resolves.toMatchObject({ needsName: false });
    } finally {
      vi.useRealTimers();
    }
    expect(platform.jwksFetches()).toBeGreaterThan(fetches);
  });
});
