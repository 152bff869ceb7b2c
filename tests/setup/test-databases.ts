/**
 * Real databases for integration tests. Global setup migrates one template per provider with the
 * real `prisma migrate deploy`; each test suite then gets its own copy (a copied SQLite file, or a
 * PostgreSQL database created from the template), so suites never see each other's rows.
 */
import { randomBytes } from "node:crypto";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { pgConfigFromUrl } from "~/utils/database-url.ts";

export const PG_TEST_PREFIX = "aafa_test_";

export function postgresTestUrl(): string | undefined {
  return process.env.TEST_POSTGRES_URL || undefined;
}

/** The URL of `databaseUrl`'s server with another database name. */
export function withDatabase(databaseUrl: string, database: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withPgAdmin<T>(databaseUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A database name that says when it was made, so that leftovers of a crashed run can be dropped. */
export function newPgDatabaseName(kind: "template" | "suite"): string {
  return `${PG_TEST_PREFIX}${kind}_${Date.now()}_${randomBytes(3).toString("hex")}`;
}

export function copySqliteTemplate(templateFile: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-suite-"));
  const file = path.join(dir, "test.db");
  copyFileSync(templateFile, file);
  return `file:${file}`;
}

export async function createPgDatabaseFromTemplate(serverUrl: string, template: string): Promise<string> {
  const name = newPgDatabaseName("suite");
  await withPgAdmin(serverUrl, (client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(serverUrl, name);
}

export async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  await withPgAdmin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Drops test databases left by runs that crashed more than an hour ago. */
export async function dropStalePgDatabases(serverUrl: string): Promise<void> {
  const hourAgo = Date.now() - 3_600_000;
  const { rows } = await withPgAdmin(serverUrl, (client) =>
    client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${PG_TEST_PREFIX}%`]),
  );
  for (const { datname } of rows) {
    const made = Number(datname.split("_").at(-2));
    if (Number.isFinite(made) && made < hourAgo) await dropPgDatabase(serverUrl, datname);
  }
}
