/**
 * `npm run dev`: rebuilds on every change (`remix watch`) and serves in development mode, where
 * the server picks up each new build on the next request. Edit a lesson or a route, then reload.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { DEFAULT_DATABASE_URL } from "../../prisma/tools/layout.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { buildApp } from "./build.ts";

const databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
await buildApp();
await migrateDeploy(databaseUrl);
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "development", DATABASE_URL: databaseUrl };
const children = [
  spawn(path.join(ROOT, "node_modules/.bin/remix"), ["watch"], { cwd: ROOT, stdio: "inherit", env }),
  // The server re-imports build/index.js after each rebuild (see app/server/main.ts); changes to
  // app/server/ itself need a restart.
  spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["app/server/main.ts"], { cwd: ROOT, stdio: "inherit", env }),
];
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(0);
  });
}
