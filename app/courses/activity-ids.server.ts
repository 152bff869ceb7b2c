/**
 * Ids of the quizzes and scenarios defined in courses/, so that `<Quiz id>` and `<Simulation id>`
 * can be checked. Their full definitions are loaded by the quiz and simulation modules.
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

export function loadActivityIds(coursesDir: string): KnownIds {
  return {
    quizzes: idsIn(path.join(coursesDir, "quizzes")),
    scenarios: idsIn(path.join(coursesDir, "scenarios")),
  };
}
