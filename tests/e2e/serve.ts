/**
 * A server for end-to-end tests: the production build on a brand-new database (E2E_DATABASE_URL,
 * an SQLite file by default, emptied first), migrated with the real `prisma migrate deploy`, serving
 * the course content of COURSES_DIR (courses/ by default), compiled before the server starts; its
 * e-mails go to OUTBOX_DIR, emptied first.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildApp } from "~/cli/build.ts";
import { buildIsStale } from "~/cli/freshness.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { providerOf } from "~/utils/database-url.ts";
import { withDatabase, withPgAdmin } from "../setup/test-databases.ts";
import { checkCourses } from "~/content/check-courses.server.ts";
import { clockFileOf } from "./servers.ts";

const databaseUrl = process.env.E2E_DATABASE_URL || "file:./data/e2e.db";

if (buildIsStale(ROOT)) await buildApp();
if (providerOf(databaseUrl) === "sqlite") {
  const file = path.join(ROOT, databaseUrl.replace(/^file:/, ""));
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
} else {
  // The database is created on first use (the server's `postgres` database is there on every machine).
  const name = new URL(databaseUrl).pathname.slice(1);
  await withPgAdmin(withDatabase(databaseUrl, "postgres"), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
  });
  await withPgAdmin(databaseUrl, (client) => client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;"));
}
await migrateDeploy(databaseUrl);
// The test servers' own outbox (never the default data/outbox) starts empty with the database.
if (process.env.OUTBOX_DIR) rmSync(path.resolve(ROOT, process.env.OUTBOX_DIR), { recursive: true, force: true });
if (process.env.COURSES_DIR) {
  // The engine fixture's two-decision scenario is the checker's own example of a biased scenario,
  // and its lessons of a few dozen words declare the minutes the active-time tests rely on, not
  // what the time model gives (tests/integration/course-checker.test.ts): every other rule holds.
  const report = await checkCourses(path.resolve(ROOT, process.env.COURSES_DIR), {
    cacheDir: path.join(ROOT, ".cache/lessons"),
    enforceScenarioBalance: false,
    enforceDurations: false,
  });
  if (report.problems.length > 0) throw new Error(`contenu de test invalide : ${JSON.stringify(report.problems)}`);
}

// The test clock starts at real time; tests move it forward instead of waiting (tests/e2e/test-clock.ts).
const clockFile = clockFileOf(process.env.PORT ?? "3000");
mkdirSync(path.dirname(clockFile), { recursive: true });
writeFileSync(clockFile, "0\n");

const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, AAFA_TEST_SERVER: "1", AAFA_TEST_CLOCK_FILE: clockFile },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
