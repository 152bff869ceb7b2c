/**
 * `npm run db:generate`: writes prisma/postgresql/schema.prisma from the source schema, then
 * generates both clients (app/generated/prisma and app/generated/prisma-pg).
 * `--if-missing` skips the work when both clients exist and are newer than the source schema
 * (npm start and npm test call it that way).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, layoutOf } from "./layout.ts";
import { expectedPostgresSchema } from "./postgres-schema.ts";
import { isMain } from "./main.ts";
import { ROOT, runPrismaOrFail } from "./prisma-cli.ts";

function isUpToDate(): boolean {
  const source = statSync(path.join(ROOT, layoutOf("sqlite").schema)).mtimeMs;
  return PROVIDERS.every((provider) => {
    const marker = path.join(ROOT, layoutOf(provider).client, "client.ts");
    return existsSync(marker) && statSync(marker).mtimeMs >= source;
  });
}

export async function generateClients({ ifMissing = false } = {}): Promise<void> {
  const pgSchemaPath = path.join(ROOT, layoutOf("postgresql").schema);
  const expected = expectedPostgresSchema();
  if (!existsSync(pgSchemaPath) || readFileSync(pgSchemaPath, "utf8") !== expected) {
    mkdirSync(path.dirname(pgSchemaPath), { recursive: true });
    writeFileSync(pgSchemaPath, expected);
    console.log(`écrit ${layoutOf("postgresql").schema}`);
  }
  if (ifMissing && isUpToDate()) return;
  await Promise.all(PROVIDERS.map((provider) => runPrismaOrFail(["generate", "--schema", layoutOf(provider).schema], { quiet: true })));
  console.log("clients Prisma générés (SQLite et PostgreSQL)");
}

if (isMain(import.meta.url)) {
  await generateClients({ ifMissing: process.argv.includes("--if-missing") });
}
