import { expect, test } from "vitest";
import { PROFILES, roleForNewAccount } from "./profiles.ts";

test("only the trainer profile opens the trainer role at sign-up; nobody becomes admin", () => {
  const roles = Object.fromEntries(PROFILES.map((profile) => [profile, roleForNewAccount(profile)]));
  expect(roles).toEqual({ ETUDIANT: "LEARNER", ELU: "LEARNER", AGENT: "LEARNER", FORMATEUR: "TRAINER", AUTRE: "LEARNER" });
});
