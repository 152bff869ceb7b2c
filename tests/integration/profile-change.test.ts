/** Changing one's profile (« Mon compte »), on both databases. */
import { expect, test } from "vitest";
import { changeProfile } from "~/auth/account-settings.server.ts";
import type { Profile } from "~/auth/profiles.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

describeEachDatabase("profile change", (get) => {
  async function account(profile: Profile, role?: "ADMIN") {
    const userId = await createLearner(get().db, { name: "Profil Test", profile, emailPrefix: "profil" });
    if (role) await get().db.user.update({ where: { id: userId }, data: { role } });
    return userId;
  }
  const stored = (userId: string) => get().db.user.findUniqueOrThrow({ where: { id: userId }, select: { profile: true, role: true } });

  test("the profile changes; « Formateur·rice » makes a learner a trainer, as at sign-up", async () => {
    const learner = await account("ELECTED_OFFICIAL");
    expect(await changeProfile(get().db, learner, "STUDENT")).toEqual({ role: "LEARNER" });
    expect(await stored(learner)).toEqual({ profile: "STUDENT", role: "LEARNER" });
    expect(await changeProfile(get().db, learner, "TRAINER")).toEqual({ role: "TRAINER" });
    expect(await stored(learner)).toEqual({ profile: "TRAINER", role: "TRAINER" });
  });

  test("leaving « Formateur·rice » keeps a trainer's tools (their cohorts); an administrator stays one", async () => {
    const trainer = await account("TRAINER");
    expect(await changeProfile(get().db, trainer, "CIVIL_SERVANT")).toEqual({ role: "TRAINER" });
    const admin = await account("OTHER", "ADMIN");
    expect(await changeProfile(get().db, admin, "TRAINER")).toEqual({ role: "ADMIN" });
    expect(await stored(admin)).toEqual({ profile: "TRAINER", role: "ADMIN" });
  });
});
