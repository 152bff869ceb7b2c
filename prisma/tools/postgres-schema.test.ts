import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";
import { expectedPostgresSchema, postgresSchemaFrom } from "./postgres-schema.ts";
import { ROOT } from "./prisma-cli.ts";

test("the PostgreSQL schema differs from the source only by provider, url and client output", () => {
  const source = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
  const derived = postgresSchemaFrom(source);
  expect(derived).toContain('provider = "postgresql"');
  expect(derived).toContain('"../../app/generated/prisma-pg"');
  expect(derived).not.toContain('provider = "sqlite"');
  const models = (schema: string) => schema.slice(schema.indexOf("model "));
  expect(models(derived)).toBe(models(source));
});

test("the committed PostgreSQL schema is up to date", () => {
  const committed = readFileSync(path.join(ROOT, "prisma/postgresql/schema.prisma"), "utf8");
  expect(committed).toBe(expectedPostgresSchema());
});

test("a source schema without the expected markers is refused, not silently copied", () => {
  expect(() => postgresSchemaFrom('datasource db { provider = "mysql" }')).toThrow(/marqueur introuvable/);
});
