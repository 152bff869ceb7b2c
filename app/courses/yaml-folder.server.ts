/**
 * Reads every `*.yaml` file of one folder of courses/ (quizzes, scenarios, projects) and validates
 * each against its schema. A file that does not parse or validate becomes problems naming it, and
 * is left out; the caller checks what a schema cannot express.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { describeIssues } from "./course-schema.ts";
import type { Problem } from "./load-catalog.server.ts";

export function readYamlFolder<T>(coursesDir: string, folder: string, schema: z.ZodType<T>): { files: Array<{ file: string; data: T }>; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: Array<{ file: string; data: T }> = [];
  const dir = path.join(coursesDir, folder);
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort() : [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file, message: `YAML invalide\u00A0: ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      for (const message of describeIssues(result.error)) problems.push({ file, message });
      continue;
    }
    files.push({ file, data: result.data });
  }
  return { files, problems };
}
