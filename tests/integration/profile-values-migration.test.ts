/**
 * The migration that renamed the stored profile values to English (issue 18, naming) maps every old
 * value to its new one and leaves the new ones alone, on both databases: accounts and sign-ups
 * waiting for confirmation made before it keep their profile.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { PROFILES } from "~/auth/profiles.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const MIGRATION = "20261207150000_english_profile_values";
const OLD_TO_NEW = { ETUDIANT: "STUDENT", ELU: "ELECTED_OFFICIAL", AGENT: "CIVIL_SERVANT", FORMATEUR: "TRAINER", AUTRE: "OTHER" } as const;

function statements(provider: "sqlite" | "postgresql"): string[] {
  const dir = provider === "sqlite" ? "prisma/migrations" : "prisma/postgresql/migrations";
  const sql = readFileSync(`${dir}/${MIGRATION}/migration.sql`, "utf8").replace(/^--.*$/gm, "");
  return sql
    .split(";")
    .map((statement) => statement.trim())
    .filter(Boolean);
}

test("every profile the app knows is a target of the migration", () => {
  expect(Object.values(OLD_TO_NEW).sort()).toEqual([...PROFILES].sort());
});

describeEachDatabase("profile values migration", (get) => {
  test("old values become the English ones; English ones and unknown ones are kept", async () => {
    const { db, provider } = get();
    const stamp = Date.now();
    const rows = [...Object.keys(OLD_TO_NEW), "STUDENT", "INCONNU"].map((profile, index) => ({
      email: `migration.${stamp}.${index}@exemple.fr`,
      profile,
    }));
    await db.user.createMany({ data: rows.map((row) => ({ name: "Ancien profil", role: "LEARNER", ...row })) });
    await db.pendingSignup.createMany({
      data: rows.map((row, index) => ({
        ...row,
        name: "En attente",
        tokenHash: `jeton-${stamp}-${index}`,
        passwordHash: "x",
        expiresAt: new Date(Date.now() + 3_600_000),
      })),
    });
    for (const statement of statements(provider)) await db.$executeRawUnsafe(statement);
    const expected = rows.map((row) => OLD_TO_NEW[row.profile as keyof typeof OLD_TO_NEW] ?? row.profile);
    const emails = rows.map((row) => row.email);
    const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true, profile: true } });
    const pending = await db.pendingSignup.findMany({ where: { email: { in: emails } }, select: { email: true, profile: true } });
    for (const stored of [users, pending]) {
      expect(emails.map((email) => stored.find((row) => row.email === email)?.profile)).toEqual(expected);
    }
  });
});
