/** Learner profiles and account roles. Client-safe: forms and pages use the labels. */

export const PROFILES = ["STUDENT", "ELECTED_OFFICIAL", "CIVIL_SERVANT", "TRAINER", "OTHER"] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_LABELS: Record<Profile, string> = {
  STUDENT: "Étudiant·e",
  ELECTED_OFFICIAL: "Élu·e",
  CIVIL_SERVANT: "Agent·e public",
  TRAINER: "Formateur·rice",
  OTHER: "Autre",
};

/** One line under each choice of the sign-up form, so that people recognise themselves. */
export const PROFILE_HINTS: Record<Profile, string> = {
  STUDENT: "dans l'enseignement supérieur, seul·e ou avec un·e enseignant·e",
  ELECTED_OFFICIAL: "en mandat ou le préparant",
  CIVIL_SERVANT: "fonction publique d'État, territoriale ou hospitalière",
  TRAINER: "enseignant·e, formateur·rice ou consultant·e qui suit des groupes",
  OTHER: "responsable associatif, dirigeant·e d'entreprise, citoyen·ne…",
};

export const ROLES = ["LEARNER", "TRAINER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  LEARNER: "Apprenant·e",
  TRAINER: "Formateur·rice",
  ADMIN: "Administrateur·rice",
};

export function isProfile(value: unknown): value is Profile {
  return typeof value === "string" && (PROFILES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Choosing « formateur·rice » at sign-up opens the trainer's tools; admins are named by CLI only. */
export function roleForNewAccount(profile: Profile): Role {
  return profile === "TRAINER" ? "TRAINER" : "LEARNER";
}

/**
 * The role after a learner changes their profile in « Mon compte »: choosing « Formateur·rice » opens
 * the trainer's tools, as at sign-up; leaving it never takes them away (the trainer may have
 * cohorts), and an administrator stays one.
 * @example roleAfterProfileChange("LEARNER", "TRAINER") // "TRAINER"
 * @example roleAfterProfileChange("TRAINER", "ELECTED_OFFICIAL") // "TRAINER"
 */
export function roleAfterProfileChange(role: Role, profile: Profile): Role {
  return role === "LEARNER" && profile === "TRAINER" ? "TRAINER" : role;
}
