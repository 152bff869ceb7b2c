/**
 * `npm run db:check`: fails when the committed migrations do not produce the current schema, for
 * SQLite always and for PostgreSQL when a server is given (TEST_POSTGRES_URL or
 * MIGRATION_POSTGRES_URL), and when prisma/postgresql/schema.prisma is stale.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { PROVIDERS, layoutOf } from "./layout.ts";
import { isMain } from "./main.ts";
import { diffDatabaseUrl } from "./new-migration.ts";
import { expectedPostgresSchema } from "./postgres-schema.ts";
import { ROOT, runPrisma } from "./prisma-cli.ts";
import type { Provider } from "./adapters.ts";

export async function checkDrift(provider: Provider): Promise<"ok" | "drift"> {
  const layout = layoutOf(provider);
  const result = await runPrisma(
    ["migrate", "diff", "--from-migrations", layout.migrations, "--to-schema-datamodel", layout.schema, "--exit-code"],
    { databaseUrl: diffDatabaseUrl(provider), quiet: true },
  );
  if (result.code === 0) return "ok";
  if (result.code === 2) return "drift";
  process.stderr.write(result.stdout + result.stderr);
  throw new Error(`${provider} : la vérification des migrations a échoué (code ${result.code})`);
}

async function main() {
  let failed = false;
  const pgSchema = readFileSync(path.join(ROOT, layoutOf("postgresql").schema), "utf8");
  if (pgSchema !== expectedPostgresSchema()) {
    console.error("✗ prisma/postgresql/schema.prisma est périmé : lancez npm run db:generate");
    failed = true;
  }
  const pgAvailable = Boolean(process.env.TEST_POSTGRES_URL || process.env.MIGRATION_POSTGRES_URL);
  for (const provider of PROVIDERS) {
    if (provider === "postgresql" && !pgAvailable) {
      console.log("- migrations PostgreSQL non vérifiées : TEST_POSTGRES_URL n'est pas défini");
      continue;
    }
    const status = await checkDrift(provider);
    if (status === "ok") console.log(`✓ migrations ${provider} conformes au schéma`);
    else {
      console.error(`✗ migrations ${provider} en retard sur le schéma : lancez npm run db:migration -- <nom>`);
      failed = true;
    }
  }
  if (failed) process.exit(1);
}

if (isMain(import.meta.url)) await main();
