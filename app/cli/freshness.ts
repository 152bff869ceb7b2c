/** Whether the production build is older than the sources it is made from. */
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { newestMtime } from "~/utils/newest-mtime.server.ts";

export function buildIsStale(root: string): boolean {
  const outputs = ["build/index.js", "build/server.js", "public/build"].map((file) => path.join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const sources = ["app", "courses", "remix.config.js", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((source) => newestMtime(path.join(root, source)) > built);
}
