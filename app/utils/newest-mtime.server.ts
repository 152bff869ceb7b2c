/** How recent the files under a folder are: the served catalogue reloads, and `npm start` rebuilds, when they change. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SKIPPED = new Set(["node_modules", "generated", ".cache"]);

/** The latest modification time of any file under `target` (a file or a folder). */
export function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (SKIPPED.has(entry.name)) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}
