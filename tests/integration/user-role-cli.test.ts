/** The documented way to name an administrator: `npm run user:role -- <email> ADMIN`. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createAccount } from "~/auth/accounts.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { openTestDatabase } from "../helpers/each-database.ts";

const run = promisify(execFile);
let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase("sqlite");
  await createAccount(database.db, { name: "Ada Admin", email: "ada.cli@exemple.fr", profile: "OTHER", password: "mot de passe solide" });
});
afterAll(() => database.close());

function userRole(...args: string[]) {
  return run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/user-role.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
}

test("makes an existing account ADMIN", async () => {
  const { stdout } = await userRole("ada.cli@exemple.fr", "ADMIN");
  expect(stdout).toContain("ada.cli@exemple.fr a désormais le rôle ADMIN.");
  expect((await database.db.user.findUniqueOrThrow({ where: { email: "ada.cli@exemple.fr" } })).role).toBe("ADMIN");
});

test("fails with a French message for an unknown address or an unknown role", async () => {
  await expect(userRole("personne@exemple.fr", "ADMIN")).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining("Aucun compte avec l'adresse personne@exemple.fr."),
  });
  await expect(userRole("ada.cli@exemple.fr", "ROI")).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining("Usage : npm run user:role"),
  });
});
