/**
 * Runs a block of integration tests once on SQLite and once on PostgreSQL (when TEST_POSTGRES_URL
 * is set), each time on a fresh database of its own.
 *
 * @example
 * describeEachDatabase("accounts", (getDb) => {
 *   test("…", async () => { const db = getDb(); … });
 * });
 */
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, type Db } from "~/db/create-db.server.ts";
import type { Provider } from "~/utils/database-url.ts";
import { copySqliteTemplate, createPgDatabaseFromTemplate, dropPgDatabase, postgresTestUrl } from "../setup/test-databases.ts";

export interface TestDatabase {
  db: Db;
  provider: Provider;
  url: string;
}

export async function openTestDatabase(provider: Provider): Promise<TestDatabase & { close(): Promise<void> }> {
  if (provider === "sqlite") {
    const url = copySqliteTemplate(inject("sqliteTemplate"));
    const { db } = createDb(url);
    return {
      db,
      provider,
      url,
      async close() {
        await db.$disconnect();
        rmSync(path.dirname(url.replace(/^file:/, "")), { recursive: true, force: true });
      },
    };
  }
  const server = postgresTestUrl();
  const template = inject("postgresTemplate");
  if (!server || !template) throw new Error("PostgreSQL n'est pas configuré pour les tests");
  const url = await createPgDatabaseFromTemplate(server, template);
  const { db } = createDb(url);
  return {
    db,
    provider,
    url,
    async close() {
      await db.$disconnect();
      await dropPgDatabase(server, new URL(url).pathname.slice(1));
    },
  };
}

export function testProviders(): Provider[] {
  return postgresTestUrl() ? ["sqlite", "postgresql"] : ["sqlite"];
}

export function describeEachDatabase(title: string, body: (get: () => TestDatabase) => void): void {
  for (const provider of testProviders()) {
    describe(`${title} [${provider}]`, () => {
      let current: (TestDatabase & { close(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(provider);
      });
      afterAll(async () => {
        await current?.close();
      });
      body(() => {
        if (!current) throw new Error("base de test non ouverte");
        return current;
      });
    });
  }
}
