/**
 * Bulk inserts for seeding the benchmark's large database, straight through the database driver:
 * one prepared statement in one transaction for SQLite, multi-row INSERTs for PostgreSQL. Prisma's
 * createMany managed 7,000 rows a second here, too slow for a million rows. Values are written the
 * way Prisma stores them (SQLite: ISO dates with « +00:00 », booleans as 0/1).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { pgConfigFromUrl, providerOf, sqliteFilePath } from "~/utils/database-url.ts";

type Row = Record<string, string | number | boolean | Date | null>;

export interface BulkWriter {
  insert(table: string, rows: Row[]): Promise<number>;
  close(): Promise<void>;
}

const sqliteValue = (value: Row[string]) =>
  value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? (value ? 1 : 0) : value;

export async function openBulkWriter(databaseUrl: string): Promise<BulkWriter> {
  if (providerOf(databaseUrl) === "sqlite") {
    const db = new Database(sqliteFilePath(databaseUrl));
    db.pragma("journal_mode = WAL");
    return {
      async insert(table, rows) {
        if (rows.length === 0) return 0;
        const columns = Object.keys(rows[0]!);
        const statement = db.prepare(
          `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
        );
        db.transaction((all: Row[]) => {
          for (const row of all) statement.run(...columns.map((c) => sqliteValue(row[c] ?? null)));
        })(rows);
        return rows.length;
      },
      async close() {
        db.close();
      },
    };
  }
  const client = new pg.Client(pgConfigFromUrl(databaseUrl));
  await client.connect();
  return {
    async insert(table, rows) {
      if (rows.length === 0) return 0;
      const columns = Object.keys(rows[0]!);
      const perStatement = Math.floor(60_000 / columns.length);
      await client.query("BEGIN");
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const values: unknown[] = [];
        const tuples = chunk.map((row) => `(${columns.map((c) => (values.push(row[c] ?? null), `$${values.length}`)).join(", ")})`);
        await client.query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES ${tuples.join(", ")}`, values);
      }
      await client.query("COMMIT");
      return rows.length;
    },
    async close() {
      await client.end();
    },
  };
}
