/**
 * `npm run build`: the Remix build (build/index.js and public/build/) and the HTTP server
 * (build/server.js, our Express entry, compiled by esbuild with node_modules left external).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { build as esbuild, stop as stopEsbuild } from "esbuild";
import { generateClients } from "../../prisma/tools/generate.ts";
import { isMain } from "../../prisma/tools/main.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { checkCourses } from "~/content/check-courses.server.ts";
import { searchIndexFile, writeSearchIndex } from "~/search/search-index.server.ts";

export async function buildApp(): Promise<void> {
  await generateClients({ ifMissing: true });
  // Checking the content compiles every lesson into .cache/lessons: the server never compiles at
  // request time, and invalid content stops the build with the list of problems.
  const coursesDir = path.resolve(ROOT, process.env.COURSES_DIR || "courses");
  const cacheDir = path.join(ROOT, ".cache/lessons");
  const report = await checkCourses(coursesDir, { cacheDir });
  if (report.problems.length > 0) {
    for (const problem of report.problems) console.error(`  ${problem.file} : ${problem.message}`);
    throw new Error(`contenu invalide (${report.problems.length} problème(s)) : voir npm run courses:check`);
  }
  // The search index (/recherche) is made from the lessons just compiled: the server only loads it.
  await writeSearchIndex(coursesDir, { cacheDir, file: searchIndexFile(ROOT) });
  const remix = spawnSync(path.join(ROOT, "node_modules/.bin/remix"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    // @remix-run/dev loads Vite's CommonJS entry, which prints a deprecation notice on every build.
    env: { ...process.env, NODE_ENV: "production", VITE_CJS_IGNORE_WARNING: "true" },
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
  // mdx-bundler and this build share esbuild's service process; stop it so that it does not outlive
  // us (left running, it aborts noisily when this process exits).
  await stopEsbuild();
}

if (isMain(import.meta.url)) await buildApp();
