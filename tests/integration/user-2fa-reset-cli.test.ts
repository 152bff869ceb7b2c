/**
 * An administrator clears the two-factor sign-in of someone who lost both their phone and their
 * recovery codes: `npm run user:2fa-reset -- <email>`, on both databases.
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { createAccount, verifyCredentials } from "~/auth/accounts.server.ts";
import { createSignInChallenge, currentCode, enableTwoFactor, newEnrollment } from "~/auth/two-factor.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const run = promisify(execFile);

describeEachDatabase("npm run user:2fa-reset", (get) => {
  function reset(...args: string[]) {
    return run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/user-2fa-reset.ts", ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: get().url },
    });
  }

  test("clears two-factor and the recovery codes of an account, ends its sessions; the password still works", async () => {
    const { db } = get();
    const created = await createAccount(db, {
      name: "Perdu Téléphone",
      email: "perdu.telephone@exemple.fr",
      profile: "TRAINER",
      password: "mot de passe solide",
    });
    if (!created.ok) throw new Error("création impossible");
    const userId = created.userId;
    const { secret } = newEnrollment("perdu.telephone@exemple.fr");
    expect(await enableTwoFactor(db, userId, { secret, code: currentCode(secret), password: "mot de passe solide" })).toMatchObject({
      ok: true,
    });
    await db.session.create({ data: { id: `cli-${Date.now()}`, userId, expiresAt: new Date(Date.now() + 86_400_000) } });
    await createSignInChallenge(db, userId, "/tableau-de-bord");

    const { stdout } = await reset(" Perdu.Telephone@exemple.fr ");
    expect(stdout).toContain("La double authentification de perdu.telephone@exemple.fr est désactivée");
    expect(stdout).toContain("1 session fermée");
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId } })).toBe(0);
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.signInChallenge.count({ where: { userId } })).toBe(0);
    expect(await verifyCredentials(db, "perdu.telephone@exemple.fr", "mot de passe solide")).toBe(userId);

    // Again: nothing left to clear, and it says so.
    expect((await reset("perdu.telephone@exemple.fr")).stdout).toContain("n'était pas activée");
  });

  test("an unknown address or a missing argument: a French message and a non-zero exit code", async () => {
    await expect(reset("personne@exemple.fr")).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Aucun compte avec l'adresse personne@exemple.fr."),
    });
    await expect(reset()).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Usage : npm run user:2fa-reset") });
  });
});
