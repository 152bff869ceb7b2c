/**
 * Hostile input against every action (property-based, fast-check): missing fields, wrong types,
 * huge strings, unicode, SQL and HTML fragments, other people's ids, odd encodings. Whatever comes,
 * the server answers below 500; a refusal (4xx) carries a French message and changes nothing in the
 * database; and nothing of another person ever changes. The database is read directly (SQLite file
 * of the engine's test server) before and after each request.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import type { APIRequestContext, Browser } from "@playwright/test";
import fc from "fast-check";
import { expect, test } from "../fixtures.ts";
import { ENGINE_ORIGIN as ORIGIN } from "../servers.ts";
import { createCohort, joinWithCode, person } from "./people.ts";

const DB_FILE = path.resolve("data/e2e-moteur.db");
/** Tables a refused request may still touch: the counters of rate limits, and session expiry. */
const VOLATILE = new Set(["RateLimit", "Session", "_prisma_migrations"]);

function openDb() {
  return new Database(DB_FILE, { readonly: true, fileMustExist: true });
}

/** One hash per table (the failing tables are named when a check fails). */
function checksum(db: Database.Database, where: (table: string, columns: string[]) => string | null = () => "1=1"): Record<string, string> {
  const hashes: Record<string, string> = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    if (VOLATILE.has(name)) continue;
    const columns = (db.prepare(`PRAGMA table_info("${name}")`).all() as Array<{ name: string }>).map((c) => c.name);
    const condition = where(name, columns);
    if (!condition) continue;
    const rows = db.prepare(`SELECT * FROM "${name}" WHERE ${condition} ORDER BY rowid`).all();
    hashes[name] = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
  }
  return hashes;
}

/** Everything that belongs to the two victims (a learner and the trainer of their cohort). */
function victimsChecksum(db: Database.Database, ids: { learner: string; trainer: string; cohort: string }) {
  const users = `('${ids.learner}', '${ids.trainer}')`;
  return checksum(db, (table, columns) => {
    if (table === "User") return `id IN ${users}`;
    if (table === "Cohort") return `trainerId = '${ids.trainer}'`;
    if (table === "CohortMember") return `userId IN ${users}`;
    if (table === "QuizAnswer") return `attemptId IN (SELECT id FROM "QuizAttempt" WHERE userId IN ${users})`;
    if (table === "FinalProjectAnswer" || table === "FinalProjectCriterion" || table === "ProjectComment")
      return `projectId IN (SELECT id FROM "FinalProject" WHERE userId IN ${users})`;
    if (columns.includes("userId")) return `userId IN ${users}`;
    return null;
  });
}

const FRENCH = /[àâçéèêëîïôûùœ]|\b(vous|votre|cette|pas|est|une|les|des|aucun|aucune|ce|cet)\b/i;

async function bodyText(response: Awaited<ReturnType<APIRequestContext["post"]>>) {
  const text = await response.text();
  return text.replace(/<script[\s\S]*?<\/script>/g, " ").replace(/<[^>]+>/g, " ");
}

const hostile = (ids: string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 6_000, maxLength: 12_000 }) },
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
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(...ids) },
  );

type Endpoint = { path: string; fields: string[]; words: string[] };

async function fuzz(request: APIRequestContext, endpoint: Endpoint, victimIds: string[], check: (status: number, body: string) => void, runs: number) {
  const value = hostile([...victimIds, ...endpoint.words]);
  const payload = fc.record({
    fields: fc.dictionary(fc.constantFrom(...endpoint.fields, "champ-inconnu", "intent", "__proto__"), fc.oneof(value, fc.array(value, { minLength: 2, maxLength: 3 })), { maxKeys: endpoint.fields.length + 2 }),
    encoding: fc.constantFrom("form", "form", "form", "multipart", "json", "texte"),
  });
  await fc.assert(
    fc.asyncProperty(payload, async ({ fields, encoding }) => {
      const entries = Object.entries(fields).flatMap(([name, v]) => (Array.isArray(v) ? v.map((x) => [name, x] as const) : [[name, v] as const]));
      const headers = { Origin: ORIGIN };
      let response;
      if (encoding === "json") response = await request.post(endpoint.path, { data: Object.fromEntries(entries), headers, maxRedirects: 0 });
      else if (encoding === "texte") response = await request.post(endpoint.path, { data: entries.map(([k, v]) => `${k}=${v}`).join("&"), headers: { ...headers, "Content-Type": "text/plain" }, maxRedirects: 0 });
      else if (encoding === "multipart") response = await request.post(endpoint.path, { multipart: Object.fromEntries(entries), headers, maxRedirects: 0 });
      else {
        const body = new URLSearchParams();
        for (const [k, v] of entries) body.append(k, v);
        response = await request.post(endpoint.path, { data: body.toString(), headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
      }
      check(response.status(), await bodyText(response));
    }),
    { numRuns: runs },
  );
}

async function setUp(browser: Browser) {
  const trainer = await person(browser, { name: "Formatrice victime", profile: "Formateur·rice" });
  const { code, dashboardUrl } = await createCohort(trainer.page, "Cohorte de la victime", undefined, /Parcours avec projet/);
  const victim = await person(browser, { name: "Apprenante victime" });
  await joinWithCode(victim.page, code);
  const r = victim.page.request;
  await r.post("/parcours/essai/introduction", { form: { intent: "reflexion", reflectionId: "e1-1-defi", answer: "Le défi de la victime." }, headers: { Origin: ORIGIN } });
  await r.post("/quiz/quiz-essai", { form: { intent: "commencer", mode: "js", retour: "/parcours/essai/conclusion" }, headers: { Origin: ORIGIN } });
  await r.post("/simulations/cas-essai", { form: { intent: "commencer", mode: "js", retour: "/parcours/essai/conclusion" }, headers: { Origin: ORIGIN } });
  await r.post("/projet/projet-essai/etapes/diagnostic", { form: { intent: "enregistrer", "champ-besoins": "Les besoins de la victime." }, headers: { Origin: ORIGIN } });
  const db = openDb();
  const one = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { id: string } | undefined)?.id ?? "";
  const learner = one(`SELECT id FROM "User" WHERE name = ?`, "Apprenante victime");
  const ids = {
    learner,
    trainer: one(`SELECT id FROM "User" WHERE name = ?`, "Formatrice victime"),
    cohort: dashboardUrl.split("/").pop()!,
    attempt: one(`SELECT id FROM "QuizAttempt" WHERE userId = ?`, learner),
    run: one(`SELECT id FROM "SimulationRun" WHERE userId = ?`, learner),
    project: one(`SELECT id FROM "FinalProject" WHERE userId = ?`, learner),
    code,
  };
  db.close();
  for (const [key, id] of Object.entries(ids)) expect(id, key).toBeTruthy();
  return { ids, contexts: [trainer.context, victim.context] };
}

test("every action stays below 500, refuses in French without writing, and never touches another person's data", async ({ browser }) => {
  test.setTimeout(300_000);
  const { ids, contexts } = await setUp(browser);
  const attacker = await person(browser, { name: "Apprenant attaquant" });
  const attackerTrainer = await person(browser, { name: "Formateur attaquant", profile: "Formateur·rice" });
  const anonymous = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "192.0.2.230" } });
  const victimIds = Object.values(ids);

  const learnerEndpoints: Endpoint[] = [
    { path: "/parcours/essai/introduction", fields: ["intent", "reflectionId", "answer"], words: ["terminer", "reflexion", "e1-1-defi"] },
    { path: "/quiz/quiz-essai", fields: ["intent", "attemptId", "questionId", "reponse", "mode", "retour"], words: ["commencer", "repondre", "js", "q-essai-1", "a", "vrai"] },
    { path: "/simulations/cas-essai", fields: ["intent", "runId", "sceneId", "choix", "mode", "retour"], words: ["commencer", "choisir", "recommencer", "js", "e1", "a"] },
    { path: "/api/temps-actif", fields: ["lessonId", "pathId", "seconds"], words: ["e1-1", "parcours-essai", "15"] },
    { path: "/compte", fields: ["intent", "name", "email", "current", "password", "confirmation", "cohortId"], words: ["nom", "email", "mot-de-passe", "quitter-cohorte"] },
    { path: "/compte/supprimer", fields: ["current", "confirm"], words: ["on"] },
    { path: "/compte/double-authentification", fields: ["intent", "code", "current", "secret"], words: ["activer", "desactiver", "nouveaux-codes", "123456"] },
    { path: `/rejoindre/${ids.code}`, fields: ["intent"], words: [] },
    { path: "/formateur/cohortes/nouvelle", fields: ["name", "pathId", "startsOn", "dueOn"], words: ["parcours-essai", "2027-01-01"] },
    { path: "/projet/projet-essai", fields: ["intent"], words: ["remettre"] },
    { path: "/projet/projet-essai/etapes/diagnostic", fields: ["intent", "champ-defi", "champ-besoins", "champ-remarques"], words: ["enregistrer", "suivante", "auto"] },
    { path: "/projet/projet-essai/auto-evaluation", fields: ["intent", "niveau-c1", "justification-c1", "niveau-c2", "justification-c2"], words: ["1", "4", "5", "terminer"] },
  ];
  const trainerEndpoints: Endpoint[] = [
    { path: `/formateur/cohortes/${ids.cohort}/reglages`, fields: ["intent", "name", "startsOn", "dueOn"], words: ["modifier", "nouveau-code", "archiver"] },
    { path: `/formateur/cohortes/${ids.cohort}/apprenants/${ids.learner}`, fields: ["intent", "body"], words: ["retirer", "commenter"] },
    { path: "/formateur/cohortes/nouvelle", fields: ["name", "pathId", "startsOn", "dueOn"], words: ["parcours-essai", "parcours-projet", "2027-01-01"] },
  ];
  const anonymousEndpoints: Endpoint[] = [
    { path: "/connexion", fields: ["email", "password", "redirectTo"], words: ["//evil.example"] },
    { path: "/inscription", fields: ["name", "email", "profile", "password", "redirectTo"], words: ["ETUDIANT", "ADMIN"] },
    { path: "/mot-de-passe-oublie", fields: ["email"], words: [] },
    { path: "/mot-de-passe/nouveau", fields: ["jeton", "password", "confirmation"], words: [] },
    { path: "/connexion/code", fields: ["code"], words: ["123456"] },
    { path: "/inscription/confirmer", fields: ["jeton", "password"], words: [] },
    { path: "/quiz/quiz-essai", fields: ["intent", "attemptId", "questionId", "reponse", "mode"], words: ["repondre", "js"] },
  ];

  let requests = 0;
  const run = async (request: APIRequestContext, endpoint: Endpoint) => {
    await fuzz(
      request,
      endpoint,
      victimIds,
      (() => {
        const db = openDb();
        let before = { all: checksum(db), victims: victimsChecksum(db, ids) };
        db.close();
        return (status: number, body: string) => {
          requests += 1;
          const db = openDb();
          const after = { all: checksum(db), victims: victimsChecksum(db, ids) };
          db.close();
          expect(status, `${endpoint.path} : pas d'erreur serveur`).toBeLessThan(500);
          expect(after.victims, `${endpoint.path} : les données des autres ne changent pas`).toEqual(before.victims);
          if (status >= 400) {
            expect(body, `${endpoint.path} (${status}) : message en français`).toMatch(FRENCH);
            expect(after.all, `${endpoint.path} (${status}) : un refus n'écrit rien`).toEqual(before.all);
          }
          before = after;
        };
      })(),
      25,
    );
  };
  for (const endpoint of learnerEndpoints) await run(attacker.page.request, endpoint);
  for (const endpoint of trainerEndpoints) await run(attackerTrainer.page.request, endpoint);
  for (const endpoint of anonymousEndpoints) await run(anonymous.request, endpoint);
  expect(requests).toBeGreaterThanOrEqual(500);
  for (const c of [...contexts, attacker.context, attackerTrainer.context, anonymous]) await c.close();
});
