/**
 * Reads the YAML files of courses/ (the catalogue's, and every `*.yaml` of one folder: quizzes,
 * scenarios, projects) and validates each against its schema. A file that does not parse or validate becomes problems naming it, and
 * is left out; the caller checks what a schema cannot express.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { z } from "zod";
import { describeIssues } from "./course-schema.ts";
import type { Problem } from "./load-catalog.server.ts";

/**
 * One YAML file validated against its schema; `file` names it in problems (relative to courses/).
 * Undefined, with the problems pushed, when it does not parse or validate.
 */
export function readYamlFile<T>(absolutePath: string, file: string, schema: z.ZodType<T>, problems: Problem[]): T | undefined {
  let raw: unknown;
  try {
    raw = parse(readFileSync(absolutePath, "utf8"));
  } catch (error) {
    problems.push({ file, message: `YAML invalide\u00A0: ${(error as Error).message.split("\n")[0]}` });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    for (const message of describeIssues(result.error)) problems.push({ file, message });
    return undefined;
  }
  return result.data;
}

export function readYamlFolder<T>(coursesDir: string, folder: string, schema: z.ZodType<T>): { files: Array<{ file: string; data: T }>; problems: Problem[] } {
  const problems: Problem[] = [];
  const files: Array<{ file: string; data: T }> = [];
  const dir = path.join(coursesDir, folder);
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort() : [];
  for (const name of names) {
    const file = `${folder}/${name}`;
    const data = readYamlFile(path.join(dir, name), file, schema, problems);
    if (data !== undefined) files.push({ file, data });
  }
  return { files, problems };
}
