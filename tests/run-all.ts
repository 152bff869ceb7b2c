/**
 * `npm test`: the whole suite, in the order that fails fastest. Each step prints its own output;
 * a summary with durations ends the run. The first failing step stops it.
 *
 * PostgreSQL: integration tests and the PostgreSQL drift check run when TEST_POSTGRES_URL is set
 * (`.ci/run` sets it); otherwise they say they are skipped.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ROOT } from "../prisma/tools/prisma-cli.ts";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);

const steps: Array<{ name: string; command: string; args: string[] }> = [
  { name: "clients Prisma", command: bin("tsx"), args: ["prisma/tools/generate.ts", "--if-missing"] },
  { name: "types (tsc)", command: bin("tsc"), args: [] },
  { name: "lint (ESLint)", command: bin("eslint"), args: [".", "--max-warnings", "0"] },
  { name: "mise en forme (Prettier)", command: bin("prettier"), args: ["--check", ".", "--log-level", "warn"] },
  { name: "migrations (dérive)", command: bin("tsx"), args: ["prisma/tools/check-drift.ts"] },
  { name: "contenu des cours (courses:check)", command: bin("tsx"), args: ["app/cli/courses-check.ts"] },
  { name: "unitaires et intégration (Vitest)", command: bin("vitest"), args: ["run"] },
  { name: "build de production", command: bin("tsx"), args: ["app/cli/build.ts"] },
  { name: "bout en bout (Playwright)", command: bin("playwright"), args: ["test"] },
];

const only = process.argv.slice(2);
const summary: string[] = [];
const started = Date.now();
for (const step of steps) {
  if (only.length > 0 && !only.some((word) => step.name.includes(word))) continue;
  console.log(`\n▶ ${step.name}`);
  const begin = Date.now();
  const result = spawnSync(step.command, step.args, { cwd: ROOT, stdio: "inherit" });
  const seconds = ((Date.now() - begin) / 1000).toFixed(1);
  const ok = result.status === 0;
  summary.push(`${ok ? "✓" : "✗"} ${step.name} (${seconds} s)`);
  if (!ok) {
    console.error(`\n${summary.join("\n")}\n\nÉchec à l'étape « ${step.name} ».`);
    process.exit(result.status ?? 1);
  }
}
console.log(`\n${summary.join("\n")}\nTout est passé en ${((Date.now() - started) / 1000).toFixed(1)} s.`);
