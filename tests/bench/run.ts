/**
 * `npm run bench`: how far one machine goes. Builds the production server, seeds a realistic
 * database (10,000 learners, 300 cohorts, progress on all three paths) on SQLite and on PostgreSQL,
 * and measures with autocannon on loopback:
 *
 * 1. a signed-in lesson page at 10 and 100 connections, against the same HTML served as a static
 *    file by Node's http server (the ceiling);
 * 2. a mixed workload (lesson reads, heartbeats, quiz starts, lesson completions): the highest
 *    throughput whose p99 stays under 100 ms;
 * 3. progress under load: concurrent completions and heartbeats give exactly the expected rows;
 *    then the server is killed (SIGKILL) in the middle of a write burst, restarted, and the database
 *    checked for consistency;
 * 4. the server's RSS after the run, and the JavaScript a lesson page ships (gzip);
 * 5. search: 1,000 queries over the whole course (search.ts, also `npm run bench:search`).
 *
 * Prints a table and writes tests/bench/results.json (the fixed top level has no bench/ folder).
 * Measurements, not tests: nothing here fails on a number. Options: --learners N, --duration S.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildApp } from "~/cli/build.ts";
import { lessonUrl, pathLessons } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { createDb, type Db } from "~/db/create-db.server.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { dropPgDatabase, newPgDatabaseName, withDatabase, withPgAdmin } from "../setup/test-databases.ts";
import { pageJavaScript } from "./lesson-js.ts";
import { serverSigningKey } from "~/certificates/signing.server.ts";
import { completionToken, completionTokenKey } from "~/progress/lesson-completion.server.ts";
import { lessonTimeOf } from "~/content/lesson-time.server.ts";
import { seedLarge } from "./seed-large.ts";
import { benchSearch, describeSearchBench } from "./search.ts";

process.env.NODE_ENV = "production";
const option = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const LEARNERS = option("learners", 10_000);
const DURATION = option("duration", 8);
const PG_SERVER = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

type Cannon = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

function cannon(options: autocannon.Options): Promise<Cannon> {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, ...options }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts,
        non2xx: result.non2xx,
      });
    });
  });
}

// Servers this run started: killed when it ends, even on a crash, so that none keeps its port.
const servers = new Set<ChildProcess>();
process.on("exit", () => servers.forEach((server) => server.kill("SIGKILL")));

async function startServer(databaseUrl: string, port: number): Promise<ChildProcess> {
  if (
    await fetch(`http://localhost:${port}/healthz`).then(
      () => true,
      () => false,
    )
  )
    throw new Error(`le port ${port} est déjà occupé`);
  const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      PUBLIC_URL: `http://localhost:${port}`,
      SIGNIN_LIMIT_PER_ADDRESS: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.add(server);
  server.on("exit", () => servers.delete(server));
  for (let i = 0; i < 200; i++) {
    if (
      await fetch(`http://localhost:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("le serveur ne démarre pas");
}

async function retry<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
}

async function consistency(db: Db) {
  // The ledger and the running totals must agree, and no unique pair may repeat.
  const totals = await db.lessonProgress.findMany({ select: { userId: true, lessonId: true, activeSeconds: true } });
  const sums = await db.activeTimeEntry.groupBy({ by: ["userId", "lessonId"], _sum: { seconds: true } });
  const sumOf = new Map(sums.map((s) => [`${s.userId}:${s.lessonId}`, s._sum.seconds ?? 0]));
  const mismatches = totals.filter((t) => (sumOf.get(`${t.userId}:${t.lessonId}`) ?? 0) !== t.activeSeconds).length;
  const orphans = sums.filter((s) => !totals.some((t) => t.userId === s.userId && t.lessonId === s.lessonId)).length;
  return { progressRows: totals.length, ledgerGroups: sums.length, mismatches, orphans };
}

async function measure(name: string, databaseUrl: string, port: number) {
  await migrateDeploy(databaseUrl);
  const { db } = createDb(databaseUrl);
  const seeded = await seedLarge(databaseUrl, { learners: LEARNERS });
  console.log(
    `  ${name} : ${seeded.learners} apprenant·es, ${seeded.cohorts} cohortes, ${seeded.rows} lignes, semées en ${seeded.seconds.toFixed(0)} s`,
  );
  const base = `http://localhost:${port}`;
  let server = await startServer(databaseUrl, port);

  const catalog = getCatalog();
  const path4h = catalog.paths.find((p) => p.id === "parcours-4h")!;
  const lessons = pathLessons(catalog, path4h).map(({ lesson }) => lesson);
  const lesson = lessons[4]!;
  const lessonPath = lessonUrl(path4h, lesson);
  const cookie = (i: number) => `aafa_session=${seeded.sessions[i % seeded.sessions.length]!.sessionId}`;
  // « J'ai terminé » needs its page's signed render time, old enough for the lesson's minimum time:
  // the bench signs it an hour back with the server's key (the same key file, same directory).
  const tokenKey = completionTokenKey(serverSigningKey());
  const hourAgo = new Date(Date.now() - 3_600_000);
  const completion = (userId: string, lessonId: string) => ({
    intent: "terminer",
    jeton: completionToken(tokenKey, userId, lessonId, hourAgo),
  });
  const headers = { cookie: cookie(0) };

  // 1. A signed-in lesson page, and the same HTML as a static file.
  const page = await fetch(`${base}${lessonPath}`, { headers });
  const html = await page.text();
  if (!html.includes("Se déconnecter"))
    throw new Error(`la page de leçon n'est pas celle d'un·e apprenant·e connecté·e (HTTP ${page.status})`);
  const lesson10 = await cannon({ url: `${base}${lessonPath}`, connections: 10, headers });
  const lesson100 = await cannon({ url: `${base}${lessonPath}`, connections: 100, headers });
  const staticServer = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => staticServer.listen(port + 50, resolve));
  const static10 = await cannon({ url: `http://localhost:${port + 50}/`, connections: 10 });
  const static100 = await cannon({ url: `http://localhost:${port + 50}/`, connections: 100 });
  staticServer.close();

  // 2. Mixed workload: 70 % lesson reads, 15 % heartbeats, 10 % lesson completions, 5 % quiz starts,
  // spread over 100 signed-in learners.
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const post = { "content-type": "application/x-www-form-urlencoded", origin: base };
  const quizLesson = lessons.find((l) => l.id === "l2-1")!;
  const requests: autocannon.Request[] = [];
  for (let i = 0; i < 100; i++) {
    const who = { cookie: cookie(i) };
    const target = lessons[i % lessons.length]!;
    const kind = i % 20;
    if (kind < 14) requests.push({ method: "GET", path: lessonUrl(path4h, target), headers: who });
    else if (kind < 17)
      requests.push({
        method: "POST",
        path: "/api/temps-actif",
        headers: { ...who, ...post },
        body: form({ lessonId: target.id, pathId: path4h.id, seconds: "15" }),
      });
    else if (kind < 19)
      requests.push({
        method: "POST",
        path: `${lessonUrl(path4h, target)}?_data=${encodeURIComponent("routes/parcours.$parcours.$lecon")}`,
        headers: { ...who, ...post },
        body: form(completion(seeded.sessions[i % seeded.sessions.length]!.userId, target.id)),
      });
    else
      requests.push({
        method: "POST",
        path: "/quiz/quiz-l2-1",
        headers: { ...who, ...post },
        body: form({ intent: "commencer", mode: "js", retour: lessonUrl(path4h, quizLesson) }),
      });
  }
  const mixed: Array<{ connections: number } & Cannon> = [];
  for (const connections of [1, 2, 5, 10, 20, 40, 80]) {
    const result = await cannon({ url: base, connections, requests });
    mixed.push({ connections, ...result });
    if (result.p99 >= 100) break;
  }
  const bestMixed = [...mixed].filter((m) => m.p99 < 100).sort((a, b) => b.rps - a.rps)[0] ?? null;

  // 3a. Concurrent completions and heartbeats: each of 200 learners completes one lesson twice at
  // once and sends three heartbeats at once.
  const target = lessons[20]!;
  const burstUsers = seeded.sessions.slice(100, 300);
  await db.lessonProgress.deleteMany({ where: { lessonId: target.id, userId: { in: burstUsers.map((s) => s.userId) } } });
  await db.activeTimeEntry.deleteMany({ where: { lessonId: target.id, userId: { in: burstUsers.map((s) => s.userId) } } });
  await db.activeTimeClock.deleteMany({ where: { userId: { in: burstUsers.map((s) => s.userId) } } });
  const send = (session: { sessionId: string }, path: string, body: Record<string, string>) =>
    fetch(`${base}${path}`, { method: "POST", headers: { cookie: `aafa_session=${session.sessionId}`, ...post }, body: form(body) }).then(
      (r) => r.status,
    );
  const burstStarted = performance.now();
  const statuses = await Promise.all(
    burstUsers.flatMap((s) => [
      send(
        s,
        `${lessonUrl(path4h, target)}?_data=${encodeURIComponent("routes/parcours.$parcours.$lecon")}`,
        completion(s.userId, target.id),
      ),
      send(
        s,
        `${lessonUrl(path4h, target)}?_data=${encodeURIComponent("routes/parcours.$parcours.$lecon")}`,
        completion(s.userId, target.id),
      ),
      send(s, "/api/temps-actif", { lessonId: target.id, pathId: path4h.id, seconds: "15" }),
      send(s, "/api/temps-actif", { lessonId: target.id, pathId: path4h.id, seconds: "15" }),
      send(s, "/api/temps-actif", { lessonId: target.id, pathId: path4h.id, seconds: "15" }),
    ]),
  );
  const burstSeconds = (performance.now() - burstStarted) / 1000;
  const burstIds = burstUsers.map((s) => s.userId);
  const completedRows = await db.lessonProgress.count({
    where: { lessonId: target.id, userId: { in: burstIds }, completedAt: { not: null } },
  });
  const progressRows = await db.lessonProgress.count({ where: { lessonId: target.id, userId: { in: burstIds } } });
  const ledgerRows = await db.activeTimeEntry.count({ where: { lessonId: target.id, userId: { in: burstIds } } });
  const credited =
    (await db.activeTimeEntry.aggregate({ where: { lessonId: target.id, userId: { in: burstIds } }, _sum: { seconds: true } }))._sum
      .seconds ?? 0;
  // The first credited of these five requests gets its claim: 15 s for a heartbeat, or for a
  // completion the time since its page was shown up to the lesson's model time (issue 16); the
  // others only the seconds that have really passed since (the clock's compare-and-set). So a
  // learner's credit lies between 15 s and the lesson's model time + the burst's duration, in one to
  // five ledger entries.
  const perLearner = await db.activeTimeEntry.groupBy({
    by: ["userId"],
    where: { lessonId: target.id, userId: { in: burstIds } },
    _sum: { seconds: true },
    _count: { _all: true },
  });
  const targetTime = await lessonTimeOf(target, null);
  const ceiling = Math.max(15, targetTime.readingSeconds + targetTime.activitySeconds) + Math.ceil(burstSeconds);
  const outOfBounds =
    burstIds.length -
    perLearner.filter((p) => p._count._all >= 1 && p._count._all <= 5 && (p._sum.seconds ?? 0) >= 15 && (p._sum.seconds ?? 0) <= ceiling)
      .length;
  const underLoad = {
    learners: burstUsers.length,
    requests: statuses.length,
    burstSeconds: +burstSeconds.toFixed(1),
    failures: statuses.filter((s) => s >= 400).length,
    completedRows,
    progressRows,
    ledgerRows,
    creditedSeconds: credited,
    learnersOutOfBounds: outOfBounds,
    expected: {
      completedRows: burstUsers.length,
      progressRows: burstUsers.length,
      ledgerRows: `${burstUsers.length}–${burstUsers.length * 5}`,
      creditedSecondsPerLearner: `15–${ceiling}`,
    },
  };

  // 3b. SIGKILL in the middle of a write burst, restart, consistency.
  let stop = false;
  let sent = 0;
  const workers = Array.from({ length: 20 }, async (_, w) => {
    while (!stop) {
      const s = seeded.sessions[(w * 13 + sent) % seeded.sessions.length]!;
      const l = lessons[(w + sent) % lessons.length]!;
      sent += 1;
      await Promise.all([
        send(
          s,
          `${lessonUrl(path4h, l)}?_data=${encodeURIComponent("routes/parcours.$parcours.$lecon")}`,
          completion(s.userId, l.id),
        ).catch(() => 0),
        send(s, "/api/temps-actif", { lessonId: l.id, pathId: path4h.id, seconds: "15" }).catch(() => 0),
      ]);
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  server.kill("SIGKILL");
  stop = true;
  await Promise.all(workers);
  const restartStarted = performance.now();
  server = await startServer(databaseUrl, port);
  const restartMs = performance.now() - restartStarted;
  const afterKill = await consistency(db);
  const integrity = databaseUrl.startsWith("file:")
    ? ((await db.$queryRawUnsafe("PRAGMA integrity_check")) as Array<{ integrity_check: string }>)[0]!.integrity_check
    : "n/a";
  // A keep-alive socket to the killed process may still sit in fetch's pool: retry on a new one.
  const healthy = await retry(() => fetch(`${base}${lessonPath}`, { headers }).then((r) => r.status));

  // 4. Memory and JavaScript.
  await cannon({ url: `${base}${lessonPath}`, connections: 20, headers, duration: 3 });
  const rss = rssMegabytes(server.pid!);
  const js = await pageJavaScript(base, html, headers);
  server.kill();
  await db.$disconnect();
  return {
    database: name,
    seed: { learners: seeded.learners, cohorts: seeded.cohorts, rows: seeded.rows, seconds: Math.round(seeded.seconds) },
    lessonPage: {
      lesson: lessonPath,
      at10: lesson10,
      at100: lesson100,
      static10,
      static100,
      ratio10: lesson10.rps / static10.rps,
      ratio100: lesson100.rps / static100.rps,
    },
    mixed: { steps: mixed, bestUnder100msP99: bestMixed },
    underLoad,
    kill: { requestsBeforeKill: sent, restartMs: Math.round(restartMs), ...afterKill, integrity, lessonPageAfterRestart: healthy },
    rssMegabytes: Math.round(rss),
    lessonJavaScript: { files: js.files, gzipKilobytes: +(js.gzipBytes / 1024).toFixed(1), rawKilobytes: Math.round(js.rawBytes / 1024) },
  };
}

const started = performance.now();
console.log(`Banc d'essai : ${cpus().length} cœurs, ${(totalmem() / 2 ** 30).toFixed(0)} Gio, Node ${process.version}`);
await buildApp();
const scratch = mkdtempSync(path.join(tmpdir(), "aafa-bench-"));
const pgName = newPgDatabaseName("suite");
await withPgAdmin(PG_SERVER, (client) => client.query(`CREATE DATABASE "${pgName}"`));
const results = [];
try {
  results.push(await measure("SQLite", `file:${path.join(scratch, "bench.db")}`, 3200));
  results.push(await measure("PostgreSQL", withDatabase(PG_SERVER, pgName), 3300));
} finally {
  await dropPgDatabase(PG_SERVER, pgName);
  rmSync(scratch, { recursive: true, force: true });
}

const f = (n: number, digits = 0) => n.toLocaleString("fr-FR", { maximumFractionDigits: digits, minimumFractionDigits: digits });
for (const r of results) {
  console.log(
    `\n${r.database} — ${f(r.seed.learners)} apprenant·es, ${r.seed.cohorts} cohortes, ${f(r.seed.rows)} lignes (semées en ${r.seed.seconds} s)`,
  );
  const rows: Array<[string, string]> = [
    [
      "page de leçon connectée, 10 connexions",
      `${f(r.lessonPage.at10.rps)} req/s · p50 ${r.lessonPage.at10.p50} ms · p99 ${r.lessonPage.at10.p99} ms`,
    ],
    [
      "page de leçon connectée, 100 connexions",
      `${f(r.lessonPage.at100.rps)} req/s · p50 ${r.lessonPage.at100.p50} ms · p99 ${r.lessonPage.at100.p99} ms`,
    ],
    ["même HTML en fichier statique (plafond), 10 / 100", `${f(r.lessonPage.static10.rps)} / ${f(r.lessonPage.static100.rps)} req/s`],
    ["rapport application / plafond, 10 / 100", `${f(r.lessonPage.ratio10 * 100, 1)} % / ${f(r.lessonPage.ratio100 * 100, 1)} %`],
    [
      "charge mixte, meilleur débit à p99 < 100 ms",
      r.mixed.bestUnder100msP99
        ? `${f(r.mixed.bestUnder100msP99.rps)} req/s à ${r.mixed.bestUnder100msP99.connections} connexions (p99 ${r.mixed.bestUnder100msP99.p99} ms)`
        : "jamais sous 100 ms",
    ],
    [
      `sous charge : ${r.underLoad.learners} apprenant·es × (2 fins de leçon + 3 signaux)`,
      `${r.underLoad.completedRows}/${r.underLoad.expected.completedRows} leçons terminées, ${r.underLoad.progressRows} lignes de progression, ${r.underLoad.ledgerRows} entrées de temps (attendu ${r.underLoad.expected.ledgerRows}), ${r.underLoad.learnersOutOfBounds} apprenant·e(s) hors de ${r.underLoad.expected.creditedSecondsPerLearner} s crédités, ${r.underLoad.failures} échecs`,
    ],
    [
      "SIGKILL pendant une rafale d'écritures, puis redémarrage",
      `${r.kill.requestsBeforeKill} envois ; redémarré en ${r.kill.restartMs} ms ; ${r.kill.mismatches} écart(s) entre registre et totaux, ${r.kill.orphans} orphelin(s) ; intégrité ${r.kill.integrity} ; page ${r.kill.lessonPageAfterRestart}`,
    ],
    ["mémoire du serveur (RSS) après la course", `${r.rssMegabytes} Mo`],
    [
      "JavaScript d'une page de leçon",
      `${r.lessonJavaScript.gzipKilobytes} Ko gzip (${r.lessonJavaScript.rawKilobytes} Ko bruts, ${r.lessonJavaScript.files} fichiers)`,
    ],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`  ${label.padEnd(width)}  ${value}`);
}
// Search does not touch the database: measured once, on the index the build above wrote.
const searchResult = await benchSearch();
console.log(`\nRecherche : ${describeSearchBench(searchResult)}`);
const total = (performance.now() - started) / 1000;
writeFileSync(
  path.join(ROOT, "tests/bench/results.json"),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: { cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, durationSeconds: Math.round(total), results, search: searchResult }, null, 2)}\n`,
);
console.log(`\nTerminé en ${f(total)} s ; résultats dans tests/bench/results.json`);
