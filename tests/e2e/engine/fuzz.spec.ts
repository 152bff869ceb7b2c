/**
 * Hostile input against every action (property-based, fast-check), on SQLite (project « moteur »)
 * and on PostgreSQL (project « moteur-pg »): missing fields, wrong types, huge strings, unicode,
 * control characters (a NUL answered 500 on PostgreSQL only), SQL and HTML fragments, other
 * people's ids, odd encodings; field names with brackets, dots, huge indices and very deep keys (one
 * 32-byte name once froze the server); hostile Host, X-Forwarded-Host and Origin headers.
 *
 * Whatever comes, the server answers below 500, in bounded time and size; a refusal (4xx) carries a
 * French message and changes nothing in the database; nothing of another person ever changes; and
 * no control character is ever stored. The database is read directly before and after each request.
 */
import { createHash } from "node:crypto";
import type { APIRequestContext, Browser } from "@playwright/test";
import fc from "fast-check";
import { expect, test } from "../fixtures.ts";
import { createCohort, joinWithCode, person } from "./people.ts";
import { engineDatabaseUrl, openServerDatabase, type ServerDatabase } from "./server-database.ts";

/** Tables a refused request may still touch: the counters of rate limits, and session expiry. */
const VOLATILE = new Set(["RateLimit", "Session", "_prisma_migrations"]);
/**
 * Rows the server's background pruning (pruneExpired, every 10 minutes) may delete at any moment:
 * used links and spent two-factor sign-ins left by earlier tests. Only the other rows are compared.
 */
const NOT_PRUNABLE: Record<string, string> = {
  PasswordResetToken: `"usedAt" IS NULL`,
  EmailChangeToken: `"usedAt" IS NULL`,
  SignInChallenge: `"attempts" < 5`,
};
/** Control characters no text typed by a person contains (tabs and line breaks excepted). */
// eslint-disable-next-line no-control-regex -- control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A page far larger than any of ours would mean the request was echoed or amplified. */
const MAX_BODY = 1_000_000;

/** One hash per table (the failing tables are named when a check fails). */
async function checksum(
  db: ServerDatabase,
  where: (table: string, columns: string[]) => string | null = () => "1=1",
): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const table of await db.tables()) {
    if (VOLATILE.has(table)) continue;
    const condition = where(table, await db.columns(table));
    if (!condition) continue;
    const kept = NOT_PRUNABLE[table] ? `(${condition}) AND ${NOT_PRUNABLE[table]}` : condition;
    const rows = (await db.query(`SELECT * FROM "${table}" WHERE ${kept}`)).map((row) => JSON.stringify(row)).sort();
    hashes[table] = createHash("sha256").update(rows.join("\n")).digest("hex");
  }
  return hashes;
}

/** Everything that belongs to the two victims (a learner and the trainer of their cohort). */
function victimsChecksum(db: ServerDatabase, ids: { learner: string; trainer: string; cohort: string }) {
  const users = `('${ids.learner}', '${ids.trainer}')`;
  return checksum(db, (table, columns) => {
    if (table === "User") return `"id" IN ${users}`;
    if (table === "Cohort") return `"trainerId" = '${ids.trainer}'`;
    if (table === "CohortMember") return `"userId" IN ${users}`;
    if (table === "QuizAnswer") return `"attemptId" IN (SELECT "id" FROM "QuizAttempt" WHERE "userId" IN ${users})`;
    if (table === "FinalProjectAnswer" || table === "FinalProjectCriterion" || table === "ProjectComment")
      return `"projectId" IN (SELECT "id" FROM "FinalProject" WHERE "userId" IN ${users})`;
    if (columns.includes("userId")) return `"userId" IN ${users}`;
    return null;
  });
}

/** Every stored text that holds a control character, as « table.column ». */
async function storedControlCharacters(db: ServerDatabase): Promise<string[]> {
  const found = new Set<string>();
  for (const table of await db.tables()) {
    if (VOLATILE.has(table)) continue;
    for (const row of await db.query(`SELECT * FROM "${table}"`)) {
      for (const [column, value] of Object.entries(row))
        if (typeof value === "string" && CONTROL.test(value)) found.add(`${table}.${column}`);
    }
  }
  return [...found];
}

const FRENCH = /[àâçéèêëîïôûùœ]|\b(vous|votre|cette|pas|est|une|les|des|aucun|aucune|ce|cet)\b/i;

async function bodyText(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  const text = await response.text();
  return { size: text.length, text: text.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ") };
}

const hostile = (ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 6_000, maxLength: 12_000 }) },
    // Text with control characters in it, as pasted from a broken clipboard or a PDF.
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.string({ maxLength: 10 }),
          fc.constantFrom("\u0000", "\u0007", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085"),
          fc.string({ maxLength: 10 }),
        )
        .map((parts) => parts.join("")),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        "",
        " ",
        "' OR 1=1 --",
        '"; DROP TABLE "User"; --',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "../../etc/passwd",
        "\u0000",
        "null",
        "-1",
        "1e309",
        "NaN",
        "9999999999999999999",
        "[]",
        "{}",
        "%00",
        "😀👩🏽‍🚀",
        "https://evil.example/",
        "//evil.example",
        "/\t/evil.example",
        "/a\nb",
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
  );

/** Field names: the form's own, unknown ones, and the paths a form library would expand. */
const fieldName = (fields: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...fields, "champ-inconnu", "intent", "__proto__", "constructor") },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...fields),
          fc.oneof(
            fc.nat({ max: 99_999_999 }).map((index) => `[${index}]`),
            fc.constantFrom("[]", "[a][b][c]", ".a", ".__proto__.x", "[__proto__]", "[constructor][prototype]", "%5B99999999%5D"),
            fc.integer({ min: 1_000, max: 60_000 }).map((depth) => ".a".repeat(depth)),
          ),
        )
        .map(([name, suffix]) => `${name}${suffix}`),
    },
  );

/** Headers an attacker chooses: Host, X-Forwarded-Host (the engine server trusts one proxy), Origin. */
const hostileHeaders = (origin: string) =>
  fc.record(
    {
      Host: fc.constantFrom("evil.example", "evil.example:abc", "a b", "[::1", "localhost:99999"),
      "X-Forwarded-Host": fc.constantFrom("evil.example", "evil.example:abc", "a b", "autre.example, proxy", "x".repeat(300)),
      Origin: fc.constantFrom("null", "http://evil.example", origin, "pas une origine", `${origin}.evil.example`),
    },
    { requiredKeys: [] },
  );

type Endpoint = { path: string; fields: string[]; words: string[] };

async function fuzz(
  request: APIRequestContext,
  origin: string,
  endpoint: Endpoint,
  victimIds: string[],
  check: (status: number, body: { size: number; text: string }) => Promise<void>,
  runs: number,
) {
  const value = hostile([...victimIds, ...endpoint.words]);
  const payload = fc.record({
    fields: fc.dictionary(fieldName(endpoint.fields), fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), {
      maxKeys: endpoint.fields.length + 2,
    }),
    encoding: fc.constantFrom("form", "form", "form", "multipart", "json", "texte"),
    headers: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: hostileHeaders(origin) }),
  });
  await fc.assert(
    fc.asyncProperty(payload, async ({ fields, encoding, headers: extra }) => {
      const entries = Object.entries(fields).flatMap(([name, v]) =>
        Array.isArray(v) ? v.map((x) => [name, x] as const) : [[name, v] as const],
      );
      // A hang is a failure, not a slow pass: the field name that froze the server took 77 s. (The
      // bound is generous because a loaded CI machine may pause any process for seconds.)
      const options = { maxRedirects: 0, timeout: 30_000 };
      const headers: Record<string, string> = { Origin: origin, ...extra };
      let response;
      if (encoding === "json") response = await request.post(endpoint.path, { data: Object.fromEntries(entries), headers, ...options });
      else if (encoding === "texte")
        response = await request.post(endpoint.path, {
          data: entries.map(([k, v]) => `${k}=${v}`).join("&"),
          headers: { ...headers, "Content-Type": "text/plain" },
          ...options,
        });
      else if (encoding === "multipart")
        response = await request.post(endpoint.path, { multipart: Object.fromEntries(entries), headers, ...options });
      else {
        const body = new URLSearchParams();
        for (const [k, v] of entries) body.append(k, v);
        response = await request.post(endpoint.path, {
          data: body.toString(),
          headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
          ...options,
        });
      }
      try {
        await check(response.status(), await bodyText(response));
      } catch (error) {
        console.log(
          "ECHEC",
          endpoint.path,
          encoding,
          JSON.stringify(extra),
          JSON.stringify(entries).slice(0, 600),
          String(error).slice(0, 800),
        );
        throw error;
      }
    }),
    { numRuns: runs, endOnFailure: true },
  );
}

async function setUp(browser: Browser, db: ServerDatabase, origin: string) {
  const trainer = await person(browser, { name: "Formatrice victime", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Cohorte de la victime", undefined, /Parcours avec projet/);
  const victim = await person(browser, { name: "Apprenante victime" });
  await joinWithCode(victim.page, code);
  const r = victim.page.request;
  await r.post("/parcours/essai/introduction", {
    form: { intent: "reflexion", reflectionId: "e1-1-defi", answer: "Le défi de la victime." },
    headers: { Origin: origin },
  });
  await r.post("/quiz/quiz-essai", {
    form: { intent: "commencer", mode: "js", retour: "/parcours/essai/conclusion" },
    headers: { Origin: origin },
  });
  await r.post("/simulations/cas-essai", {
    form: { intent: "commencer", mode: "js", retour: "/parcours/essai/conclusion" },
    headers: { Origin: origin },
  });
  await r.post("/projet/projet-essai/etapes/diagnostic", {
    form: { intent: "enregistrer", "champ-besoins": "Les besoins de la victime." },
    headers: { Origin: origin },
  });
  const one = async (sql: string, ...args: unknown[]) => (await db.query<{ id: string }>(sql, args))[0]?.id ?? "";
  const learner = await one(`SELECT "id" FROM "User" WHERE "name" = ? ORDER BY "createdAt" DESC`, "Apprenante victime");
  const ids = {
    learner,
    trainer: await one(`SELECT "id" FROM "User" WHERE "name" = ? ORDER BY "createdAt" DESC`, "Formatrice victime"),
    cohort: dashboardUrl.split("/").pop()!,
    attempt: await one(`SELECT "id" FROM "QuizAttempt" WHERE "userId" = ?`, learner),
    run: await one(`SELECT "id" FROM "SimulationRun" WHERE "userId" = ?`, learner),
    project: await one(`SELECT "id" FROM "FinalProject" WHERE "userId" = ?`, learner),
    code,
  };
  for (const [key, id] of Object.entries(ids)) expect(id, key).toBeTruthy();
  return { ids, contexts: [trainer.context, victim.context] };
}

test("every action stays below 500, refuses in French without writing, and never touches another person's data", async ({
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(420_000);
  const origin = baseURL!;
  const db = await openServerDatabase(engineDatabaseUrl(testInfo.project.name));
  const { ids, contexts } = await setUp(browser, db, origin);
  const attacker = await person(browser, { name: "Apprenant attaquant" });
  const attackerTrainer = await person(browser, { name: "Formateur attaquant", profile: "Formateur·rice" });
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.230" } });
  const victimIds = Object.values(ids);

  const learnerEndpoints: Endpoint[] = [
    { path: "/parcours/essai/introduction", fields: ["intent", "reflectionId", "answer"], words: ["terminer", "reflexion", "e1-1-defi"] },
    {
      path: "/quiz/quiz-essai",
      fields: ["intent", "attemptId", "questionId", "reponse", "mode", "retour"],
      words: ["commencer", "repondre", "js", "q-essai-1", "a", "vrai"],
    },
    {
      path: "/quiz/quiz-entrainement",
      fields: ["intent", "attemptId", "questionId", "reponse", "mode", "retour"],
      words: ["commencer", "repondre", "js", "essai-cu", "a", "vrai"],
    },
    {
      path: "/simulations/cas-essai",
      fields: ["intent", "runId", "sceneId", "choix", "mode", "retour"],
      words: ["commencer", "choisir", "recommencer", "js", "e1", "a"],
    },
    { path: "/api/temps-actif", fields: ["lessonId", "pathId", "seconds"], words: ["e1-1", "parcours-essai", "15"] },
    {
      path: "/compte",
      fields: ["intent", "name", "email", "current", "password", "confirmation", "cohortId"],
      words: ["nom", "email", "mot-de-passe", "quitter-cohorte"],
    },
    { path: "/compte/supprimer", fields: ["current", "confirm"], words: ["on"] },
    {
      path: "/compte/double-authentification",
      fields: ["intent", "code", "current", "secret"],
      words: ["activer", "desactiver", "nouveaux-codes", "123456"],
    },
    { path: `/rejoindre/${ids.code}`, fields: ["intent"], words: [] },
    { path: "/formateur/cohortes/nouvelle", fields: ["name", "pathId", "startsOn", "dueOn"], words: ["parcours-essai", "2027-01-01"] },
    { path: "/projet/projet-essai", fields: ["intent"], words: ["remettre"] },
    {
      path: "/projet/projet-essai/etapes/diagnostic",
      fields: ["intent", "champ-defi", "champ-besoins", "champ-remarques"],
      words: ["enregistrer", "suivante", "auto"],
    },
    {
      path: "/projet/projet-essai/auto-evaluation",
      fields: ["intent", "niveau-c1", "justification-c1", "niveau-c2", "justification-c2"],
      words: ["1", "4", "5", "terminer"],
    },
  ];
  const trainerEndpoints: Endpoint[] = [
    {
      path: `/formateur/cohortes/${ids.cohort}/reglages`,
      fields: ["intent", "name", "startsOn", "dueOn"],
      words: ["modifier", "nouveau-code", "archiver"],
    },
    { path: `/formateur/cohortes/${ids.cohort}/apprenants/${ids.learner}`, fields: ["intent", "body"], words: ["retirer", "commenter"] },
    {
      path: "/formateur/cohortes/nouvelle",
      fields: ["name", "pathId", "startsOn", "dueOn"],
      words: ["parcours-essai", "parcours-projet", "2027-01-01"],
    },
  ];
  const anonymousEndpoints: Endpoint[] = [
    { path: "/connexion", fields: ["email", "password", "redirectTo"], words: ["//evil.example"] },
    { path: "/connexion?index", fields: ["email", "password", "redirectTo"], words: [] },
    { path: "/inscription", fields: ["name", "email", "profile", "password", "redirectTo"], words: ["STUDENT", "ADMIN"] },
    { path: "/mot-de-passe-oublie", fields: ["email"], words: [] },
    { path: "/mot-de-passe/nouveau", fields: ["jeton", "password", "confirmation"], words: [] },
    { path: "/connexion/code", fields: ["code"], words: ["123456"] },
    { path: "/inscription/confirmer", fields: ["jeton", "password"], words: [] },
    { path: "/quiz/quiz-essai", fields: ["intent", "attemptId", "questionId", "reponse", "mode"], words: ["repondre", "js"] },
    {
      path: "/quiz/quiz-entrainement",
      fields: ["intent", "attemptId", "questionId", "reponse", "mode"],
      words: ["repondre", "commencer", "js", "essai-cu"],
    },
  ];

  let requests = 0;
  const run = async (request: APIRequestContext, endpoint: Endpoint) => {
    let before = { all: await checksum(db), victims: await victimsChecksum(db, ids) };
    await fuzz(
      request,
      origin,
      endpoint,
      victimIds,
      async (status, body) => {
        requests += 1;
        const after = { all: await checksum(db), victims: await victimsChecksum(db, ids) };
        expect(status, `${endpoint.path} : pas d'erreur serveur`).toBeLessThan(500);
        expect(body.size, `${endpoint.path} : réponse de taille bornée`).toBeLessThan(MAX_BODY);
        expect(after.victims, `${endpoint.path} : les données des autres ne changent pas`).toEqual(before.victims);
        if (status >= 400) {
          expect(body.text, `${endpoint.path} (${status}) : message en français`).toMatch(FRENCH);
          expect(after.all, `${endpoint.path} (${status}) : un refus n'écrit rien`).toEqual(before.all);
        }
        before = after;
      },
      25,
    );
  };
  for (const endpoint of learnerEndpoints) await run(attacker.page.request, endpoint);
  for (const endpoint of trainerEndpoints) await run(attackerTrainer.page.request, endpoint);
  for (const endpoint of anonymousEndpoints) await run(anonymous.request, endpoint);
  expect(requests).toBeGreaterThanOrEqual(600);
  expect(await storedControlCharacters(db), "aucun caractère de contrôle enregistré").toEqual([]);
  // The server still answers at once after all that.
  expect((await anonymous.request.get("/healthz", { timeout: 5_000 })).status()).toBe(200);
  await db.close();
  for (const c of [...contexts, attacker.context, attackerTrainer.context, anonymous]) await c.close();
});

test("a NUL or another control character in a text field is never a 500, and never stored (each database)", async ({
  browser,
  baseURL,
}, testInfo) => {
  // PostgreSQL refuses a NUL in a text column: a sign-up name, a name change, a reflection, a
  // project field or a cohort name with one answered 500 there, and was stored as is on SQLite.
  const db = await openServerDatabase(engineDatabaseUrl(testInfo.project.name));
  const trainer = await person(browser, { profile: "Formateur·rice" });
  const learner = await person(browser);
  const origin = { Origin: baseURL! };
  const dirty = "Avant\u0000après\u0007\u001b fin";
  const posts: Array<[APIRequestContext, string, Record<string, string>]> = [
    [learner.page.request, "/compte", { intent: "nom", name: `Camille${dirty}` }],
    [learner.page.request, "/parcours/essai/introduction", { intent: "reflexion", reflectionId: "e1-1-defi", answer: dirty }],
    [learner.page.request, "/projet/projet-essai/etapes/diagnostic", { intent: "enregistrer", "champ-besoins": dirty }],
    [trainer.page.request, "/formateur/cohortes/nouvelle", { name: `Cohorte${dirty}`, pathId: "parcours-essai" }],
  ];
  for (const [request, path, form] of posts) {
    const response = await request.post(path, { form, headers: origin, maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
  const stored = await db.query<{ answer: string }>(`SELECT "answer" FROM "ReflectionAnswer" WHERE "answer" LIKE ?`, ["Avant%"]);
  expect(stored.map((row) => row.answer)).toContain("Avantaprès fin");
  expect(await storedControlCharacters(db)).toEqual([]);
  await db.close();
  await trainer.context.close();
  await learner.context.close();
});
