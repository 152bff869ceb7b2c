import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when the module whose import.meta.url is given was run directly (`tsx file.ts`). */
export function isMain(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}
