/**
 * Reads courses/placement/*.yaml: one file per path, naming a path of the catalogue, with 3 to 5
 * diagnostic questions of distinct ids. `npm run courses:check` reports the problems; the running
 * app refuses to serve content with any (as it does for the rest of courses/).
 */
import type { Catalog } from "~/courses/catalog.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFolder } from "~/courses/yaml-folder.server.ts";
import { PlacementFileSchema, type PlacementDefinition } from "./placement-schema.ts";

export function loadPlacements(coursesDir: string, catalog: Catalog): { placements: Map<string, PlacementDefinition>; problems: Problem[] } {
  const { files, problems } = readYamlFolder(coursesDir, "placement", PlacementFileSchema);
  const placements = new Map<string, PlacementDefinition>();
  for (const { file, data } of files) {
    const path = catalog.paths.find((candidate) => candidate.id === data.path);
    if (!path) {
      problems.push({ file, message: `parcours inconnu : ${data.path}` });
      continue;
    }
    if (placements.has(data.path)) {
      problems.push({ file, message: `le parcours ${data.path} a déjà ses questions de positionnement (${placements.get(data.path)!.file})` });
      continue;
    }
    const ids = new Set<string>();
    for (const question of data.questions) {
      if (ids.has(question.id)) problems.push({ file, message: `question en double : ${question.id}` });
      ids.add(question.id);
      if (question.options && new Set(question.options).size !== question.options.length)
        problems.push({ file, message: `option en double dans la question ${question.id}` });
    }
    placements.set(data.path, { ...data, file });
  }
  return { placements, problems };
}
