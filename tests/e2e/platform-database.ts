/**
 * Writes to the platform server's database (E2E_DATABASE_URL, SQLite by default or PostgreSQL) for
 * the few steps no person takes through the interface: clearing the organisation settings that every
 * spec on this server shares, or removing an issued document so that it has to be issued again.
 * Queries use `?` placeholders on both databases.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

export const PLATFORM_DATABASE_URL = process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db";

/** Runs one statement; returns the number of rows it changed. */
export async function executeOnPlatform(sql: string, params: unknown[] = []): Promise<number> {
  if (PLATFORM_DATABASE_URL.startsWith("file:")) {
    const db = new Database(path.resolve(PLATFORM_DATABASE_URL.slice("file:".length)), { fileMustExist: true });
    try {
      return db.prepare(sql).run(...params).changes;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: PLATFORM_DATABASE_URL });
  await client.connect();
  try {
    let index = 0;
    const result = await client.query(
      sql.replace(/\?/g, () => `$${++index}`),
      params,
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Removes the organisation settings an admin stored: the environment's defaults (none on the test server) apply again. */
export function clearOrganisationSettings(): Promise<number> {
  return executeOnPlatform('DELETE FROM "OrganisationSetting"');
}

/** Names an account admin the way an operator does, with `npm run user:role` (app/cli/user-role.ts). */
export function makeAdmin(email: string) {
  execFileSync("npx", ["tsx", "app/cli/user-role.ts", email, "ADMIN"], {
    env: { ...process.env, DATABASE_URL: PLATFORM_DATABASE_URL },
    stdio: "pipe",
  });
}
