/** The diagnostic questions the running app serves, read once per catalogue (re-read when it is). */
import { coursesDir, getCatalog } from "~/content/catalog.server.ts";
import type { Catalog } from "~/courses/catalog.ts";
import { typesetEach } from "~/courses/typeset-content.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { loadPlacements } from "./load-placement.server.ts";
import type { PlacementDefinition } from "./placement-schema.ts";

const cache = singleton("placement-definitions", () => new WeakMap<Catalog, Map<string, PlacementDefinition>>());

/** The questions of a path, typeset for display; none (an empty list) when the path has no file. */
export function getDiagnosticQuestions(pathId: string): PlacementDefinition["questions"] {
  const catalog = getCatalog();
  let placements = cache.get(catalog);
  if (!placements) {
    const loaded = loadPlacements(coursesDir(), catalog);
    if (loaded.problems.length > 0) {
      // Like the rest of courses/: the server refuses content the checker would refuse.
      throw new Error(`Contenu invalide\u00A0:\n${loaded.problems.map((p) => `  ${p.file}\u00A0: ${p.message}`).join("\n")}`);
    }
    placements = typesetEach(loaded.placements);
    cache.set(catalog, placements);
  }
  return placements.get(pathId)?.questions ?? [];
}
