/**
 * Reads courses/scenarios/*.yaml: each file validated, its references checked, and its machine
 * walked completely (graph-check.ts). Problems name the file and the scene.
 */
import type { Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFolder } from "~/courses/yaml-folder.server.ts";
import { checkGraph, type GraphReport } from "./graph-check.ts";
import { ScenarioSchema, type Scenario } from "./scenario-schema.ts";

interface LoadedScenarios {
  scenarios: Map<string, Scenario>;
  reports: Map<string, GraphReport>;
  problems: Problem[];
}

export function loadScenarios(coursesDir: string, sourceIds: Set<string>, { prove = true } = {}): LoadedScenarios {
  const { files, problems } = readYamlFolder(coursesDir, "scenarios", ScenarioSchema);
  const scenarios = new Map<string, Scenario>();
  const reports = new Map<string, GraphReport>();
  for (const { file, data: scenario } of files) {
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
