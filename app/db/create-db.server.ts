/**
 * Opens a Prisma client on SQLite or PostgreSQL, chosen by the URL (see README « Décisions », D4).
 *
 * Prisma clients are generated per provider, so there are two (app/generated/prisma and
 * app/generated/prisma-pg) built from one schema. The app is typed against the SQLite client: the
 * models are identical, and only the provider's query compiler differs at run time.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "~/generated/prisma/client.ts";
import { PrismaClient as PostgresClient } from "~/generated/prisma-pg/client.ts";
import { pgConfigFromUrl, providerOf, sqliteFilePath, type Provider } from "~/utils/database-url.ts";

export type Db = SqliteClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

export interface Database {
  db: Db;
  provider: Provider;
}

/**
 * Under a burst of writes, transactions queue for a connection (PostgreSQL's pool) or for the file
 * lock (SQLite). Prisma's default wait, 2 s, turned such a queue into errors in the load benchmark;
 * a request waiting a little longer is better than a request failing.
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

/** Connections of PostgreSQL's pool when the caller does not say (the server passes DATABASE_POOL_SIZE, read by env.server.ts). */
const DEFAULT_POOL_SIZE = 10;

export function createDb(databaseUrl: string, { poolSize = DEFAULT_POOL_SIZE }: { poolSize?: number } = {}): Database {
  const provider = providerOf(databaseUrl);
  if (provider === "postgresql") {
    const adapter = new PrismaPg({ ...pgConfigFromUrl(databaseUrl), max: poolSize });
    return { provider, db: new PostgresClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db };
  }
  const file = sqliteFilePath(databaseUrl);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // timeout = how long a writer waits for another process's lock (tests and CLI scripts share the
  // file with the server) before failing with SQLITE_BUSY.
  const adapter = new PrismaBetterSQLite3({ url: file, timeout: 10_000 });
  return { provider, db: new SqliteClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) };
}
