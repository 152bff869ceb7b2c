import { describe, expect, test } from "vitest";
import { pgConfigFromUrl, providerOf, sqliteFilePath } from "./database-url.ts";

describe("providerOf", () => {
  test.each([
    ["postgresql://u@localhost/db", "postgresql"],
    ["postgres://u:p@db.example:6543/app?sslmode=require", "postgresql"],
    ["POSTGRESQL://u@h/db", "postgresql"],
    ["file:./data/app.db", "sqlite"],
    ["file:/tmp/x.db", "sqlite"],
  ])("%s → %s", (url, provider) => {
    expect(providerOf(url)).toBe(provider);
  });
});

test("sqliteFilePath strips the scheme only", () => {
  expect(sqliteFilePath("file:./data/app.db")).toBe("./data/app.db");
});

describe("pgConfigFromUrl", () => {
  test("splits the URL into fields and keeps no connectionString", () => {
    const config = pgConfigFromUrl("postgresql://alice:s3cret@db.example:6543/alliances");
    expect(config).toMatchObject({ host: "db.example", port: 6543, user: "alice", password: "s3cret", database: "alliances" });
    expect(config).not.toHaveProperty("connectionString");
  });

  test("so that overriding the database really changes it (the shadow-database trap)", () => {
    const shadow = { ...pgConfigFromUrl("postgresql://alice@db.example/alliances"), database: "shadow" };
    expect(shadow.database).toBe("shadow");
    expect(shadow).not.toHaveProperty("connectionString");
  });
});
