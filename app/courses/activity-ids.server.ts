/**
 * Ids of the scenarios defined in courses/, so that `<Simulation id>` can be checked before the
 * simulation module loads them in full. (Quizzes are loaded and checked by app/quizzes/.)
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { KnownIds } from "./check-rules.ts";

function idsIn(dir: string): Set<string> {
  const ids = new Set<string>();
  if (!existsSync(dir)) return ids;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".yaml")) continue;
    try {
      const data = parse(readFileSync(path.join(dir, name), "utf8")) as { id?: unknown } | null;
      if (typeof data?.id === "string") ids.add(data.id);
    } catch {
      // An unreadable definition is reported by its own checker; here it just defines no id.
    }
  }
  return ids;
}

export function loadActivityIds(coursesDir: string): Pick<KnownIds, "scenarios"> {
  return { scenarios: idsIn(path.join(coursesDir, "scenarios")) };
}
