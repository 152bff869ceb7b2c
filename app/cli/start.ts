/**
 * `npm start`: everything a newcomer needs in one command. Generates the database clients and the
 * production build when they are missing or stale, applies pending migrations (creating the
 * embedded SQLite file under data/ on first run), then serves on PORT (3000 by default).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_DATABASE_URL } from "../../prisma/tools/layout.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { generateClients } from "../../prisma/tools/generate.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { buildApp } from "./build.ts";
import { buildIsStale } from "./freshness.ts";

await generateClients({ ifMissing: true });
if (buildIsStale(ROOT)) {
  console.log("Construction de l'application…");
  await buildApp();
}
const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
await migrateDeploy(databaseUrl);

const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV || "production", DATABASE_URL: databaseUrl },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
