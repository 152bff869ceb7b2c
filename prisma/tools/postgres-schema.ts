/**
 * prisma/postgresql/schema.prisma is derived from prisma/schema.prisma: same models, another
 * provider and another client output. It is committed so that PostgreSQL migrations can be diffed
 * against it; `npm run db:check` fails if it is stale.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./prisma-cli.ts";
import { layoutOf } from "./layout.ts";

const HEADER = "// GENERATED from prisma/schema.prisma by `npm run db:generate`. Do not edit: edit the source.\n\n";

/** Rewrites the SQLite source schema into its PostgreSQL twin. Throws if a marker is missing. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const replacements: Array<[RegExp, string]> = [
    [/provider\s*=\s*"sqlite"/, 'provider = "postgresql"'],
    [/output(\s*)=\s*"\.\.\/app\/generated\/prisma"/, 'output$1= "../../app/generated/prisma-pg"'],
    [/url(\s*)=\s*"file:[^"]*"/, 'url$1= "postgresql://unused@localhost/unused"'],
  ];
  let schema = sqliteSchema;
  for (const [pattern, replacement] of replacements) {
    if (!pattern.test(schema)) {
      throw new Error(`prisma/schema.prisma: marqueur introuvable pour ${pattern}`);
    }
    schema = schema.replace(pattern, replacement);
  }
  return HEADER + schema;
}

export function expectedPostgresSchema(): string {
  return postgresSchemaFrom(readFileSync(path.join(ROOT, layoutOf("sqlite").schema), "utf8"));
}
