/**
 * `npm run db:deploy`: applies the committed migrations to DATABASE_URL (the embedded SQLite file
 * by default), creating the file and its folder when absent. `npm start` calls it on every start;
 * it is quick when nothing is pending.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEFAULT_DATABASE_URL, providerOf, sqliteFilePath } from "../../app/utils/database-url.ts";
import { isMain } from "./main.ts";
import { ROOT, runPrismaOrFail } from "./prisma-cli.ts";

export async function migrateDeploy(databaseUrl: string, { quiet = true } = {}): Promise<void> {
  if (providerOf(databaseUrl) === "sqlite") {
    const file = path.resolve(ROOT, sqliteFilePath(databaseUrl));
    mkdirSync(path.dirname(file), { recursive: true });
  }
  await runPrismaOrFail(["migrate", "deploy"], { databaseUrl, quiet });
  if (providerOf(databaseUrl) === "sqlite") {
    // Write-ahead logging: readers never wait for the writer, and a killed process cannot leave a
    // half-written transaction behind. The mode is stored in the file, so once is enough.
    const sqlite = new Database(path.resolve(ROOT, sqliteFilePath(databaseUrl)));
    sqlite.pragma("journal_mode = WAL");
    sqlite.close();
  }
}

if (isMain(import.meta.url)) {
  const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  await migrateDeploy(url, { quiet: false });
}
