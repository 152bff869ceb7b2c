import { expect, test } from "vitest";
import { PROFILES, roleForNewAccount } from "./profiles.ts";

test("only the trainer profile opens the trainer role at sign-up; nobody becomes admin", () => {
  const roles = Object.fromEntries(PROFILES.map((profile) => [profile, roleForNewAccount(profile)]));
  expect(roles).toEqual({
    STUDENT: "LEARNER",
    ELECTED_OFFICIAL: "LEARNER",
    CIVIL_SERVANT: "LEARNER",
    TRAINER: "TRAINER",
    OTHER: "LEARNER",
  });
});
