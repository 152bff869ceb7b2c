import type { Audience } from "./course-schema.ts";

/** How lessons name a reader's profile; « autre » sees every profile's passages. */
export const AUDIENCE_OF_PROFILE: Record<string, Audience | null> = {
  STUDENT: "etudiant",
  ELECTED_OFFICIAL: "elu",
  CIVIL_SERVANT: "agent",
  TRAINER: "formateur",
  OTHER: null,
};
