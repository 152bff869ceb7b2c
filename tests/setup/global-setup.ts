/**
 * Migrates one template database per provider before the integration tests. PostgreSQL is used
 * when TEST_POSTGRES_URL is set (`.ci/run` always sets it); otherwise one line says it is skipped.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDeploy } from "../../prisma/tools/deploy.ts";
import { generateClients } from "../../prisma/tools/generate.ts";
import { dropPgDatabase, dropStalePgDatabases, newPgDatabaseName, postgresTestUrl, withDatabase, withPgAdmin } from "./test-databases.ts";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  await generateClients({ ifMissing: true });
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-template-"));
  const sqliteTemplate = path.join(dir, "template.db");
  const pgUrl = postgresTestUrl();
  let pgTemplate: string | null = null;

  const tasks: Promise<void>[] = [migrateDeploy(`file:${sqliteTemplate}`)];
  if (pgUrl) {
    pgTemplate = newPgDatabaseName("template");
    const name = pgTemplate;
    tasks.push(
      (async () => {
        await dropStalePgDatabases(pgUrl);
        await withPgAdmin(pgUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
        await migrateDeploy(withDatabase(pgUrl, name));
      })(),
    );
    console.log(`Tests d'intégration sur SQLite et sur PostgreSQL (${new URL(pgUrl).host})`);
  } else {
    console.log("PostgreSQL : tests d'intégration ignorés (TEST_POSTGRES_URL n'est pas défini)");
  }
  await Promise.all(tasks);
  project.provide("sqliteTemplate", sqliteTemplate);
  project.provide("postgresTemplate", pgTemplate);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pgUrl && pgTemplate) await dropPgDatabase(pgUrl, pgTemplate);
  };
}
