/** Whether the production build is older than the sources it is made from. */
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

export function buildIsStale(root: string): boolean {
  const outputs = ["build/index.js", "build/server.js", "public/build"].map((file) => path.join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = ["app", "courses", "remix.config.js", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}
