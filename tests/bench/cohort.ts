/**
 * `npm run bench:cohort`: a cohort of 500 learners on the 12 h path, seeded with realistic
 * activity (lessons, quiz attempts with every answer, simulation runs, certificates), then the
 * trainer's dashboard measured: queries per load (must not grow with the cohort), server time of
 * the dashboard's data in-process, and the whole page over HTTP from the production server.
 * SQLite always; PostgreSQL too when TEST_POSTGRES_URL is set. Prints a table; no assertion.
 *
 * Options: --learners N (500), --runs N (20).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hashPassword } from "~/auth/password.server.ts";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { createCohort, getTrainerCohort } from "~/cohorts/cohorts.server.ts";
import { createDb, type Db } from "~/db/create-db.server.ts";
import { buildApp } from "~/cli/build.ts";
import { planPath, seededRandom, writeLearnerActivity } from "../../prisma/demo/synthetic-activity.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { dropPgDatabase, newPgDatabaseName, postgresTestUrl, withDatabase, withPgAdmin } from "../setup/test-databases.ts";

// As in production: the catalogue is loaded once (in development it is re-checked on every read).
process.env.NODE_ENV = "production";

const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const LEARNERS = option("learners", 500);
const RUNS = option("runs", 20);
const PATH_ID = "parcours-12h";
const PASSWORD = "mot de passe du banc d'essai";

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))]!;

async function seed(db: Db) {
  const started = performance.now();
  const trainer = await db.user.create({
    data: {
      name: "Formatrice du banc",
      email: "banc@exemple.fr",
      profile: "TRAINER",
      role: "TRAINER",
      password: { create: { hash: await hashPassword(PASSWORD) } },
    },
  });
  const { id: cohortId } = await createCohort(db, trainer.id, {
    name: "Banc d'essai",
    pathId: PATH_ID,
    startsOn: "2026-09-01",
    dueOn: "2027-01-31",
  });
  const plan = await planPath(PATH_ID);
  const random = seededRandom(500);
  await db.user.createMany({
    data: Array.from({ length: LEARNERS }, (_, i) => ({
      id: `banc-${i}`,
      name: `Apprenant·e ${i + 1}`,
      email: `banc.${i}@exemple.fr`,
      profile: "STUDENT",
    })),
  });
  await db.cohortMember.createMany({ data: Array.from({ length: LEARNERS }, (_, i) => ({ cohortId, userId: `banc-${i}` })) });
  let rows = 0;
  for (let i = 0; i < LEARNERS; i += 1) {
    const profile = {
      progress: random() ** 0.7,
      skill: 0.5 + random() * 0.45,
      startedDaysAgo: 20 + random() * 60,
      lastDaysAgo: random() * 15,
    };
    // One transaction per learner: SQLite writes it once instead of once per statement.
    await db.$transaction(async (tx) => writeLearnerActivity(tx as Db, `banc-${i}`, plan, profile, random), { timeout: 60_000 });
  }
  for (const table of ["lessonProgress", "quizAttempt", "quizAnswer", "simulationRun"] as const)
    rows += await (db[table] as { count(): Promise<number> }).count();
  return { trainerId: trainer.id, cohortId, seconds: (performance.now() - started) / 1000, rows, lessons: plan.lessons.length };
}

async function measureInProcess(db: Db, trainerId: string, cohortId: string) {
  let queries = 0;
  const counted = db.$extends({
    query: {
      async $allOperations({ args, query }) {
        queries += 1;
        return query(args);
      },
    },
  }) as unknown as Db;
  const cohort = (await getTrainerCohort(db, trainerId, cohortId))!;
  const path = findPath(getCatalog(), PATH_ID)!;
  const times: number[] = [];
  let perLoad = 0;
  for (let i = 0; i < RUNS + 2; i += 1) {
    queries = 0;
    const started = performance.now();
    await buildCohortDashboard(counted, cohort, path);
    if (i >= 2) times.push(performance.now() - started);
    perLoad = queries;
  }
  return { perLoad, p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
}

async function measureHttp(databaseUrl: string, cohortId: string, port: number) {
  const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl, PUBLIC_URL: `http://localhost:${port}` },
    stdio: "ignore",
  });
  const base = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const signIn = await fetch(`${base}/connexion`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: base },
      body: new URLSearchParams({ email: "banc@exemple.fr", password: PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < RUNS + 2; i += 1) {
      const started = performance.now();
      const response = await fetch(`${base}/formateur/cohortes/${cohortId}`, { headers: { Cookie: cookie } });
      const html = await response.text();
      if (response.status !== 200) throw new Error(`tableau de bord : HTTP ${response.status}`);
      if (i >= 2) times.push(performance.now() - started);
      bytes = html.length;
    }
    return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), kilobytes: bytes / 1024 };
  } finally {
    server.kill();
  }
}

await buildApp();
const scratch = mkdtempSync(path.join(tmpdir(), "aafa-bench-cohort-"));
const targets: Array<{ name: string; url: string; cleanup?: () => Promise<void> }> = [
  { name: "SQLite", url: `file:${path.join(scratch, "bench.db")}` },
];
const pgServer = postgresTestUrl();
if (pgServer) {
  const name = newPgDatabaseName("suite");
  await withPgAdmin(pgServer, (client) => client.query(`CREATE DATABASE "${name}"`));
  targets.push({ name: "PostgreSQL", url: withDatabase(pgServer, name), cleanup: () => dropPgDatabase(pgServer, name) });
}

const results = [];
let port = 3195;
for (const target of targets) {
  await migrateDeploy(target.url);
  const { db } = createDb(target.url);
  try {
    const seeded = await seed(db);
    const inProcess = await measureInProcess(db, seeded.trainerId, seeded.cohortId);
    const http = await measureHttp(target.url, seeded.cohortId, port++);
    results.push({ database: target.name, ...seeded, inProcess, http });
  } finally {
    await db.$disconnect();
    await target.cleanup?.();
  }
}
rmSync(scratch, { recursive: true, force: true });

for (const r of results) {
  console.log(
    `\n${r.database} — cohorte de ${LEARNERS} apprenant·es sur le parcours 12 h (${r.lessons} leçons), ${r.rows} lignes d'activité, semées en ${r.seconds.toFixed(0)} s`,
  );
  const rows: Array<[string, string]> = [
    ["requêtes par chargement du tableau de bord", String(r.inProcess.perLoad)],
    [
      `données du tableau de bord, en processus (p50 / p95, ${RUNS} chargements)`,
      `${r.inProcess.p50.toFixed(0)} ms / ${r.inProcess.p95.toFixed(0)} ms`,
    ],
    [`page complète par HTTP, serveur de production (p50 / p95)`, `${r.http.p50.toFixed(0)} ms / ${r.http.p95.toFixed(0)} ms`],
    ["taille du HTML", `${r.http.kilobytes.toFixed(0)} Ko`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
