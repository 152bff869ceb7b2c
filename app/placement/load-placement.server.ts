/**
 * Reads courses/placement/*.yaml: one file per path, naming a path of the catalogue, with 3 to 5
 * diagnostic questions of distinct ids. `npm run courses:check` reports the problems; the running
 * app refuses to serve content with any (as it does for the rest of courses/).
 */
import type { Catalog } from "~/courses/catalog.ts";
import { loadCatalog, type Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFolder } from "~/courses/yaml-folder.server.ts";
import { PlacementFileSchema, type PlacementDefinition } from "./placement-schema.ts";

export function loadPlacements(
  coursesDir: string,
  catalog: Catalog,
): { placements: Map<string, PlacementDefinition>; problems: Problem[] } {
  const { files, problems } = readYamlFolder(coursesDir, "placement", PlacementFileSchema);
  const placements = new Map<string, PlacementDefinition>();
  for (const { file, data } of files) {
    const path = catalog.paths.find((candidate) => candidate.id === data.path);
    if (!path) {
      problems.push({ file, message: `parcours inconnu\u00A0: ${data.path}` });
      continue;
    }
    if (placements.has(data.path)) {
      problems.push({
        file,
        message: `le parcours ${data.path} a déjà ses questions de positionnement (${placements.get(data.path)!.file})`,
      });
      continue;
    }
    const ids = new Set<string>();
    for (const question of data.questions) {
      if (ids.has(question.id)) problems.push({ file, message: `question en double\u00A0: ${question.id}` });
      ids.add(question.id);
      if (question.options && new Set(question.options).size !== question.options.length)
        problems.push({ file, message: `option en double dans la question ${question.id}` });
    }
    placements.set(data.path, { ...data, file });
  }
  return { placements, problems };
}

/**
 * `npm run courses:check`'s part for courses/placement: the files' problems, and, with
 * `requireEveryPath`, a problem for each published path without its questions (the real courses/
 * has them all; the engine's fixture course has none, and its paths open with the levels only).
 */
export function checkPlacementContent(coursesDir: string, { requireEveryPath = true }: { requireEveryPath?: boolean } = {}): Problem[] {
  const { catalog, problems: catalogProblems } = loadCatalog(coursesDir);
  if (catalogProblems.length > 0) return []; // the catalogue's own check reports them
  const { placements, problems } = loadPlacements(coursesDir, catalog);
  if (requireEveryPath) {
    for (const path of catalog.paths) {
      if (!path.draft && !placements.has(path.id))
        problems.push({
          file: `paths/${path.slug}.yaml`,
          message: `pas de questions de positionnement (courses/placement/${path.slug}.yaml)`,
        });
    }
  }
  return problems;
}
