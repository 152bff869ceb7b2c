/** Learner profiles and account roles. Client-safe: forms and pages use the labels. */

export const PROFILES = ["ETUDIANT", "ELU", "AGENT", "FORMATEUR", "AUTRE"] as const;
export type Profile = (typeof PROFILES)[number];

export const PROFILE_LABELS: Record<Profile, string> = {
  ETUDIANT: "Étudiant·e",
  ELU: "Élu·e",
  AGENT: "Agent·e public",
  FORMATEUR: "Formateur·rice",
  AUTRE: "Autre",
};

/** One line under each choice of the sign-up form, so that people recognise themselves. */
export const PROFILE_HINTS: Record<Profile, string> = {
  ETUDIANT: "dans l'enseignement supérieur, seul·e ou avec un·e enseignant·e",
  ELU: "en mandat ou le préparant",
  AGENT: "fonction publique d'État, territoriale ou hospitalière",
  FORMATEUR: "enseignant·e, formateur·rice ou consultant·e qui suit des groupes",
  AUTRE: "responsable associatif, dirigeant·e d'entreprise, citoyen·ne…",
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
  return profile === "FORMATEUR" ? "TRAINER" : "LEARNER";
}

/**
 * The role after a learner changes their profile in « Mon compte »: choosing « Formateur·rice » opens
 * the trainer's tools, as at sign-up; leaving it never takes them away (the trainer may have
 * cohorts), and an administrator stays one.
 * @example roleAfterProfileChange("LEARNER", "FORMATEUR") // "TRAINER"
 * @example roleAfterProfileChange("TRAINER", "ELU") // "TRAINER"
 */
export function roleAfterProfileChange(role: Role, profile: Profile): Role {
  return role === "LEARNER" && profile === "FORMATEUR" ? "TRAINER" : role;
}
