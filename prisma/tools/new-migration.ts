/**
 * `npm run db:migration -- <name>`: after editing prisma/schema.prisma, writes the migration that
 * brings each provider's migration history up to the schema, for SQLite and for PostgreSQL.
 *
 * It uses `prisma migrate diff --from-migrations` (Prisma replays the history into a shadow database
 * and diffs it with the schema) rather than `migrate dev`, which is broken on SQLite with driver
 * adapters (see README, « Base de données »). PostgreSQL needs a running server for its shadow
 * database: MIGRATION_POSTGRES_URL, else TEST_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/test.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { generateClients } from "./generate.ts";
import { PROVIDERS, layoutOf } from "./layout.ts";
import { isMain } from "./main.ts";
import { migrationPostgresUrl } from "./postgres-url.ts";
import { ROOT, runPrisma, runPrismaOrFail } from "./prisma-cli.ts";
import type { Provider } from "./adapters.ts";

export function diffDatabaseUrl(provider: Provider): string {
  // SQLite replays into an in-memory shadow database; the main URL is only opened, never written.
  return provider === "postgresql" ? migrationPostgresUrl() : "file::memory:";
}

function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage : npm run db:migration -- <nom_en_snake_case>");
    process.exit(2);
  }
  await generateClients();
  const stamp = timestamp();
  for (const provider of PROVIDERS) {
    const layout = layoutOf(provider);
    const databaseUrl = diffDatabaseUrl(provider);
    const common = ["migrate", "diff", "--from-migrations", layout.migrations, "--to-schema-datamodel", layout.schema];
    const check = await runPrisma([...common, "--exit-code"], { databaseUrl, quiet: true });
    if (check.code === 0) {
      console.log(`${provider} : aucun changement, pas de migration`);
      continue;
    }
    if (check.code !== 2) {
      process.stderr.write(check.stdout + check.stderr);
      throw new Error(`${provider} : impossible de comparer les migrations au schéma`);
    }
    const file = path.join(layout.migrations, `${stamp}_${name}`, "migration.sql");
    // -o creates the folder; creating it first makes Prisma fail with P3015.
    await runPrismaOrFail([...common, "--script", "-o", file], { databaseUrl, quiet: true });
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} n'a pas été écrit`);
    console.log(`${provider} : ${file}`);
  }
}

if (isMain(import.meta.url)) await main();
