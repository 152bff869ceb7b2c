/**
 * Direct, read-only access to the database of the engine's test server, SQLite or PostgreSQL, for
 * tests that check what a request wrote (or did not). Queries use `?` placeholders on both.
 */
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { enginePgUrl } from "../servers.ts";

export interface ServerDatabase {
  provider: "sqlite" | "postgresql";
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  close(): Promise<void>;
}

/** The database behind the project this test runs in (see playwright.config.ts). */
export function engineDatabaseUrl(projectName: string): string {
  if (projectName === "moteur-pg") {
    const url = enginePgUrl();
    if (!url) throw new Error("TEST_POSTGRES_URL manquant pour le projet moteur-pg");
    return url;
  }
  return `file:${path.resolve("data/e2e-moteur.db")}`;
}

export async function openServerDatabase(url: string): Promise<ServerDatabase> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length), { readonly: true, fileMustExist: true });
    return {
      provider: "sqlite",
      query: async <Row>(sql: string, params: unknown[] = []) => db.prepare(sql).all(...params) as Row[],
      tables: async () =>
        (
          db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{
            name: string;
          }>
        ).map((t) => t.name),
      columns: async (table) => (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map((c) => c.name),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const toPg = (sql: string) => {
    let n = 0;
    return sql.replace(/\?/g, () => `$${++n}`);
  };
  return {
    provider: "postgresql",
    query: async <Row>(sql: string, params: unknown[] = []) => (await client.query(toPg(sql), params)).rows as Row[],
    tables: async () =>
      (
        await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
        )
      ).rows.map((t) => t.name),
    columns: async (table) =>
      (
        await client.query<{ name: string }>(
          "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
          [table],
        )
      ).rows.map((c) => c.name),
    close: () => client.end(),
  };
}
