/**
 * What a DATABASE_URL means to us. Pure functions, shared by the app (app/db/db.server.ts) and by the
 * Prisma CLI configuration (prisma/tools/adapters.ts).
 */
import type { ClientConfig } from "pg";
import { parseIntoClientConfig } from "pg-connection-string";

export type Provider = "sqlite" | "postgresql";

/** The embedded database `npm start` uses when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = "file:./data/app.db";

/**
 * `postgres://…` and `postgresql://…` select PostgreSQL; anything else is an SQLite file.
 * @example providerOf("postgresql://u@h/db") // "postgresql"
 * @example providerOf("file:./data/app.db") // "sqlite"
 */
export function providerOf(databaseUrl: string): Provider {
  return /^postgres(ql)?:\/\//i.test(databaseUrl) ? "postgresql" : "sqlite";
}

/**
 * The file path of an SQLite URL. Relative paths are relative to the working directory (the
 * repository root under npm scripts), not to the Prisma schema as with Prisma's own engine.
 * @example sqliteFilePath("file:./data/app.db") // "./data/app.db"
 */
export function sqliteFilePath(databaseUrl: string): string {
  return databaseUrl.replace(/^file:/, "");
}

/**
 * A pg config with host, port, user, password and database as separate fields, never a
 * `connectionString`.
 *
 * Why: node-postgres lets a `connectionString` win over `database`. Code that derives a config for
 * another database with `{ ...config, database: other }` (Prisma's shadow database does) would then
 * silently connect to the original database. Without a connection string the override works.
 */
export function pgConfigFromUrl(databaseUrl: string): ClientConfig {
  const config: ClientConfig & { connectionString?: string } = parseIntoClientConfig(databaseUrl);
  delete config.connectionString;
  return config;
}
