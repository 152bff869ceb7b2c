import { expect, test } from "vitest";
import { createAccount, verifyCredentials } from "~/auth/accounts.server.ts";
import { setUserRole } from "~/auth/roles.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

describeEachDatabase("accounts", (get) => {
  test("sign-up stores the user with an argon2id hash, never the password", async () => {
    const { db } = get();
    const result = await createAccount(db, {
      name: "Léa Dupont",
      email: "lea@exemple.fr",
      profile: "ELECTED_OFFICIAL",
      password: "mot de passe solide",
    });
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "lea@exemple.fr" }, include: { password: true } });
    expect(user).toMatchObject({ name: "Léa Dupont", profile: "ELECTED_OFFICIAL", role: "LEARNER" });
    expect(user.password?.hash).toMatch(/^\$argon2id\$/);
    expect(user.password?.hash).not.toContain("mot de passe solide");
  });

  test("the trainer profile gets the TRAINER role", async () => {
    const { db } = get();
    await createAccount(db, { name: "Yann Formateur", email: "yann@exemple.fr", profile: "TRAINER", password: "mot de passe solide" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "yann@exemple.fr" } })).role).toBe("TRAINER");
  });

  test("a second account with the same e-mail is refused and nothing is written", async () => {
    const { db } = get();
    await createAccount(db, { name: "Un", email: "double@exemple.fr", profile: "CIVIL_SERVANT", password: "mot de passe solide" });
    const again = await createAccount(db, { name: "Deux", email: "double@exemple.fr", profile: "STUDENT", password: "autre mot de passe" });
    expect(again).toEqual({ ok: false, reason: "email-taken" });
    expect(await db.user.count({ where: { email: "double@exemple.fr" } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email: "double@exemple.fr" } })).name).toBe("Un");
  });

  test("simultaneous sign-ups with one e-mail create exactly one account", async () => {
    const { db } = get();
    const attempts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        createAccount(db, { name: `Essai ${i}`, email: "course@exemple.fr", profile: "OTHER", password: "mot de passe solide" }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.ok)).toHaveLength(1);
    expect(attempts.filter((attempt) => !attempt.ok)).toHaveLength(4);
    expect(await db.user.count({ where: { email: "course@exemple.fr" } })).toBe(1);
    expect(await db.password.count({ where: { user: { email: "course@exemple.fr" } } })).toBe(1);
  });

  test("credentials: right password → user id; wrong password or unknown e-mail → null", async () => {
    const { db } = get();
    const created = await createAccount(db, {
      name: "Sam",
      email: "sam@exemple.fr",
      profile: "CIVIL_SERVANT",
      password: "bonne phrase de passe",
    });
    if (!created.ok) throw new Error("création impossible");
    expect(await verifyCredentials(db, "sam@exemple.fr", "bonne phrase de passe")).toBe(created.userId);
    expect(await verifyCredentials(db, "  SAM@Exemple.fr ", "bonne phrase de passe")).toBe(created.userId);
    expect(await verifyCredentials(db, "sam@exemple.fr", "mauvaise phrase")).toBeNull();
    expect(await verifyCredentials(db, "personne@exemple.fr", "bonne phrase de passe")).toBeNull();
  });

  test("setUserRole names an admin by e-mail, and reports an unknown address", async () => {
    const { db } = get();
    await createAccount(db, { name: "Ada Admin", email: "ada@exemple.fr", profile: "OTHER", password: "mot de passe solide" });
    expect(await setUserRole(db, "ADA@exemple.fr", "ADMIN")).toEqual({ email: "ada@exemple.fr", role: "ADMIN" });
    expect((await db.user.findUniqueOrThrow({ where: { email: "ada@exemple.fr" } })).role).toBe("ADMIN");
    expect(await setUserRole(db, "inconnu@exemple.fr", "ADMIN")).toBeNull();
  });
});
