/**
 * `npm run bench:lessons`: how fast lessons compile (cold, then from the cache), how long the
 * lesson page's loader takes (its Server-Timing header), and how much JavaScript a lesson page
 * ships (gzip). Prints a table; no assertion (timings are not tests).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildApp } from "~/cli/build.ts";
import { createLessonCompiler } from "~/courses/compile-lesson.server.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import { lessonUrl, pathLessons } from "~/courses/catalog.ts";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { pageJavaScript } from "./lesson-js.ts";

const coursesDir = path.join(ROOT, "courses");
const { catalog, lessonFiles } = loadCatalog(coursesDir);

async function compileAll(cacheDir: string | null) {
  const compiler = createLessonCompiler({ cacheDir });
  const started = performance.now();
  for (const lesson of catalog.lessons) await compiler.compile(lessonFiles.get(lesson.id)!, lesson.contentHash);
  return { compiler, ms: performance.now() - started };
}

const scratch = mkdtempSync(path.join(tmpdir(), "aafa-bench-"));
const cold = await compileAll(path.join(scratch, "cache"));
const warmStarted = performance.now();
for (const lesson of catalog.lessons) await cold.compiler.compile(lessonFiles.get(lesson.id)!, lesson.contentHash);
const warmMs = performance.now() - warmStarted;
const fromDisk = await compileAll(path.join(scratch, "cache"));

await buildApp();
const databaseUrl = `file:${path.join(scratch, "bench.db")}`;
await migrateDeploy(databaseUrl);
const port = 3190;
const server = spawn(process.execPath, [path.join(ROOT, "build/server.js")], {
  cwd: ROOT,
  env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATABASE_URL: databaseUrl },
  stdio: "ignore",
});
const base = `http://localhost:${port}`;
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

const path1h = catalog.paths.find((p) => p.id === "parcours-1h")!;
const lesson = pathLessons(catalog, path1h)[1]?.lesson ?? pathLessons(catalog, path1h)[0]!.lesson;
const url = `${base}${lessonUrl(path1h, lesson)}`;
const totals: number[] = [];
for (let i = 0; i < 200; i++) {
  const response = await fetch(url);
  const timing = response.headers.get("server-timing") ?? "";
  await response.text();
  const total = /total;dur=([\d.]+)/.exec(timing);
  if (i >= 20 && total) totals.push(Number(total[1]));
}
totals.sort((a, b) => a - b);
const quantile = (q: number) => totals[Math.min(totals.length - 1, Math.floor(q * totals.length))]!;

const js = await pageJavaScript(base, await (await fetch(url)).text());
server.kill();
rmSync(scratch, { recursive: true, force: true });

const rows: Array<[string, string]> = [
  [`compilation à froid de ${catalog.lessons.length} leçons`, `${cold.ms.toFixed(0)} ms`],
  ["compilation en mémoire (cache chaud)", `${warmMs.toFixed(2)} ms`],
  ["compilation depuis le cache disque (nouveau processus)", `${fromDisk.ms.toFixed(1)} ms`],
  [
    `temps du loader d'une page de leçon, visiteur anonyme (p50 / p95, ${totals.length} requêtes)`,
    `${quantile(0.5).toFixed(2)} ms / ${quantile(0.95).toFixed(2)} ms`,
  ],
  [
    `JavaScript d'une page de leçon (${js.files} fichiers)`,
    `${(js.gzipBytes / 1024).toFixed(1)} Ko gzip (${(js.rawBytes / 1024).toFixed(0)} Ko bruts)`,
  ],
];
const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
