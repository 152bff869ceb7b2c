/** Runs the Prisma CLI of this repository with an explicit DATABASE_URL. */
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PRISMA_BIN = path.join(ROOT, "node_modules/.bin/prisma");

export interface PrismaResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runPrisma(args: string[], options: { databaseUrl?: string; quiet?: boolean } = {}): Promise<PrismaResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, args, {
      cwd: ROOT,
      env: {
        ...process.env,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        PRISMA_HIDE_UPDATE_MESSAGE: "1",
        CHECKPOINT_DISABLE: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

export async function runPrismaOrFail(args: string[], options: { databaseUrl?: string; quiet?: boolean } = {}): Promise<PrismaResult> {
  const result = await runPrisma(args, options);
  if (result.code !== 0) {
    if (options.quiet) process.stderr.write(result.stdout + result.stderr);
    throw new Error(`prisma ${args.join(" ")} a échoué (code ${result.code})`);
  }
  return result;
}
