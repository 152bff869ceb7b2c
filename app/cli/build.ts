/**
 * `npm run build`: the Remix build (build/index.js and public/build/) and the HTTP server
 * (build/server.js, our Express entry, compiled by esbuild with node_modules left external).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build as esbuild } from "esbuild";
import { generateClients } from "../../prisma/tools/generate.ts";
import { isMain } from "../../prisma/tools/main.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";

export async function buildApp(): Promise<void> {
  await generateClients({ ifMissing: true });
  const remix = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (remix.status !== 0) throw new Error("remix build a échoué");
  await esbuild({
    entryPoints: [path.join(ROOT, "app/server/main.ts")],
    outfile: path.join(ROOT, "build/server.js"),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    logLevel: "warning",
  });
}

if (isMain(import.meta.url)) await buildApp();
