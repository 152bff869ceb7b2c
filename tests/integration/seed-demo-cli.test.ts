/** `npm run db:seed`: what it prints must be right for the server the newcomer will start. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { openTestDatabase } from "../helpers/each-database.ts";

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase("sqlite");
});
afterAll(() => database.close());

test("prints the sign-in address on the chosen port, and the database the server must use", { timeout: 120_000 }, async () => {
  const { stdout } = await run(path.join(ROOT, "node_modules/.bin/tsx"), ["prisma/demo/seed-demo.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url, PORT: "4321", PUBLIC_URL: "", NODE_ENV: "development" },
  });
  expect(stdout).toContain("Connectez-vous sur http://localhost:4321/connexion");
  expect(stdout).toContain(`Base utilisée : ${database.url}.`);
  expect(stdout).toContain(`DATABASE_URL=${JSON.stringify(database.url)} PORT=4321 npm start`);
  expect(await database.db.cohort.count()).toBe(1);
});
