/**
 * Runs the wording rules (wording-rules.ts) over every content file of courses/: lessons, quizzes,
 * scenarios, projects, paths, glossary and sources, as written.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Problem } from "./load-catalog.server.ts";
import { wordingProblems } from "./wording-rules.ts";

function contentFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith("."))
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return contentFiles(file);
      return /\.(mdx|ya?ml)$/.test(name) ? [file] : [];
    });
}

export function checkWording(coursesDir: string): Problem[] {
  return contentFiles(coursesDir).flatMap((file) =>
    wordingProblems(readFileSync(file, "utf8")).map((problem) => ({
      file: path.relative(coursesDir, file),
      message: `${problem.message} (ligne ${problem.line})`,
    })),
  );
}
