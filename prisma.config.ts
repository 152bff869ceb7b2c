// Configuration of the Prisma CLI. It must sit at the root, where `npx prisma …` looks for it.
// DATABASE_URL chooses the database: a postgres(ql):// URL selects the PostgreSQL schema and
// migrations, anything else the embedded SQLite file. Our scripts in prisma/tools set it explicitly.
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, layoutOf } from "./prisma/tools/layout.ts";
import { postgresMigrationAdapter, providerOf, sqliteMigrationAdapter } from "./prisma/tools/adapters.ts";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
const provider = providerOf(url);
const layout = layoutOf(provider);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: layout.schema,
  migrations: { path: layout.migrations },
  adapter: async () => (provider === "postgresql" ? postgresMigrationAdapter(url) : sqliteMigrationAdapter(url)),
});
