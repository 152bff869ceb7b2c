/**
 * The shims of prisma/tools/adapters.ts, against real servers. The most important: a PostgreSQL
 * "shadow" database must never be the real one (migrations replayed into production data).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { postgresMigrationAdapter, sqliteMigrationAdapter } from "../../prisma/tools/adapters.ts";
import { createPgDatabaseFromTemplate, dropPgDatabase, postgresTestUrl, withPgAdmin } from "../setup/test-databases.ts";
import { inject } from "vitest";

const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });

describe("SQLite migration adapter", () => {
  test("the shadow database accepts a whole multi-statement migration", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aafa-shadow-"));
    const shadow = await sqliteMigrationAdapter(`file:${path.join(dir, "main.db")}`).connectToShadowDb();
    await shadow.executeRaw(sql("CREATE TABLE a (id INTEGER); CREATE TABLE b (id INTEGER); INSERT INTO a VALUES (1);"));
    const result = await shadow.queryRaw(sql("SELECT count(*) AS n FROM a"));
    expect(Number(result.rows[0]?.[0])).toBe(1);
    await shadow.dispose();
  });
});

const pgUrl = postgresTestUrl();
describe.skipIf(!pgUrl)("PostgreSQL migration adapter", () => {
  test("the shadow database is a new database, never the one in the URL, and is dropped afterwards", async () => {
    const server = pgUrl!;
    const mainUrl = await createPgDatabaseFromTemplate(server, inject("postgresTemplate")!);
    const mainName = new URL(mainUrl).pathname.slice(1);
    try {
      const shadow = await postgresMigrationAdapter(mainUrl).connectToShadowDb();
      const current = await shadow.queryRaw(sql("SELECT current_database()"));
      const shadowName = String(current.rows[0]?.[0]);
      expect(shadowName).not.toBe(mainName);
      expect(shadowName).toMatch(/^prisma_migrate_shadow_db_/);

      // What a migration replay does in the shadow must not appear in the main database.
      await shadow.executeScript("CREATE TABLE shadow_only (id int); INSERT INTO shadow_only VALUES (1);");
      await shadow.dispose();
      const leaked = await withPgAdmin(mainUrl, (client) => client.query("SELECT to_regclass('public.shadow_only') AS t"));
      expect(leaked.rows[0].t).toBeNull();
      const remaining = await withPgAdmin(server, (client) => client.query("SELECT 1 FROM pg_database WHERE datname = $1", [shadowName]));
      expect(remaining.rowCount).toBe(0);
    } finally {
      await dropPgDatabase(server, mainName);
    }
  });

  test("a script with a semicolon inside a string literal runs as written", async () => {
    const server = pgUrl!;
    const url = await createPgDatabaseFromTemplate(server, inject("postgresTemplate")!);
    const adapter = await postgresMigrationAdapter(url).connect();
    try {
      await adapter.executeScript("CREATE TABLE notes (t text); INSERT INTO notes VALUES ('a;b');");
      const result = await adapter.queryRaw(sql("SELECT t FROM notes"));
      expect(result.rows).toEqual([["a;b"]]);
    } finally {
      await adapter.dispose();
      await dropPgDatabase(server, new URL(url).pathname.slice(1));
    }
  });

  test("catalog columns of type name can be read (prisma#27403)", async () => {
    const server = pgUrl!;
    const adapter = await postgresMigrationAdapter(server).connect();
    try {
      const result = await adapter.queryRaw(sql("SELECT datname FROM pg_database WHERE datname = current_database()"));
      expect(result.rows[0]?.[0]).toBe(new URL(server).pathname.slice(1));
    } finally {
      await adapter.dispose();
    }
  });
});
