/** Changing one's profile (« Mon compte »), on both databases. */
import { expect, test } from "vitest";
import { changeProfile } from "../../app/auth/account-settings.server.ts";
import { createAccount } from "../../app/auth/accounts.server.ts";
import type { Profile } from "../../app/auth/profiles.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

let counter = 0;

describeEachDatabase("profile change", (get) => {
  async function account(profile: Profile, role?: "ADMIN") {
    counter += 1;
    const created = await createAccount(get().db, { name: "Profil Test", email: `profil.${counter}.${Date.now()}@exemple.fr`, profile, password: "mot de passe solide" });
    if (!created.ok) throw new Error("création impossible");
    if (role) await get().db.user.update({ where: { id: created.userId }, data: { role } });
    return created.userId;
  }
  const stored = (userId: string) => get().db.user.findUniqueOrThrow({ where: { id: userId }, select: { profile: true, role: true } });

  test("the profile changes; « Formateur·rice » makes a learner a trainer, as at sign-up", async () => {
    const learner = await account("ELU");
    expect(await changeProfile(get().db, learner, "ETUDIANT")).toEqual({ role: "LEARNER" });
    expect(await stored(learner)).toEqual({ profile: "ETUDIANT", role: "LEARNER" });
    expect(await changeProfile(get().db, learner, "FORMATEUR")).toEqual({ role: "TRAINER" });
    expect(await stored(learner)).toEqual({ profile: "FORMATEUR", role: "TRAINER" });
  });

  test("leaving « Formateur·rice » keeps a trainer's tools (their cohorts); an administrator stays one", async () => {
    const trainer = await account("FORMATEUR");
    expect(await changeProfile(get().db, trainer, "AGENT")).toEqual({ role: "TRAINER" });
    const admin = await account("AUTRE", "ADMIN");
    expect(await changeProfile(get().db, admin, "FORMATEUR")).toEqual({ role: "ADMIN" });
    expect(await stored(admin)).toEqual({ profile: "FORMATEUR", role: "ADMIN" });
  });
});
