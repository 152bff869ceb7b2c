/**
 * Reads courses/scenarios/*.yaml: each file validated, its references checked, and its machine
 * walked completely (graph-check.ts). Problems name the file and the scene.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describeIssues } from "~/courses/course-schema.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { checkGraph, type GraphReport } from "./graph-check.ts";
import { ScenarioSchema, type Scenario } from "./scenario-schema.ts";

export interface LoadedScenarios {
  scenarios: Map<string, Scenario>;
  reports: Map<string, GraphReport>;
  problems: Problem[];
}

export function loadScenarios(coursesDir: string, sourceIds: Set<string>, { prove = true } = {}): LoadedScenarios {
  const problems: Problem[] = [];
  const scenarios = new Map<string, Scenario>();
  const reports = new Map<string, GraphReport>();
  const dir = path.join(coursesDir, "scenarios");
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort() : [];
  for (const name of names) {
    const file = `scenarios/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file, message: `YAML invalide : ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const result = ScenarioSchema.safeParse(raw);
    if (!result.success) {
      for (const message of describeIssues(result.error)) problems.push({ file, message });
      continue;
    }
    const scenario = result.data;
    if (scenarios.has(scenario.id)) {
      problems.push({ file, message: `id de simulation en double : ${scenario.id}` });
      continue;
    }
    for (const source of scenario.sources) {
      if (!sourceIds.has(source.ref)) problems.push({ file, message: `source inconnue « ${source.ref} »` });
    }
    if (prove) {
      const report = checkGraph(scenario);
      reports.set(scenario.id, report);
      for (const message of report.problems) problems.push({ file, message });
    }
    scenarios.set(scenario.id, scenario);
  }
  return { scenarios, reports, problems };
}
