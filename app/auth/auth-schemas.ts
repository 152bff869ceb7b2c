/** Sign-up and sign-in forms. Client-safe: the browser validates with the same schemas. */
import { z } from "zod";
import { PROFILES } from "./profiles.ts";
import { normalizeRecoveryCode } from "./recovery-codes.ts";

export const PASSWORD_MIN = 10;
/** Hashing cost grows with the input; no real passphrase is longer than this. */
export const PASSWORD_MAX = 200;

const email = z
  .string({ error: "Indiquez votre adresse e-mail." })
  .trim()
  .min(1, "Indiquez votre adresse e-mail.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email("Cette adresse e-mail n'est pas valide (exemple\u00A0: prenom.nom@exemple.fr)."))
  .transform((value) => value.toLowerCase());

export const SignupSchema = z.object({
  name: z
    .string({ error: "Indiquez votre nom." })
    .trim()
    .min(2, "Votre nom doit compter au moins 2 caractères.")
    .max(100, "Votre nom ne peut pas dépasser 100 caractères."),
  email,
  profile: z.enum(PROFILES, { error: "Choisissez le profil qui vous correspond." }),
  password: z
    .string({ error: "Choisissez un mot de passe." })
    .min(PASSWORD_MIN, `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.`)
    .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`),
  redirectTo: z.string().optional(),
});

export const LoginSchema = z.object({
  email,
  password: z
    .string({ error: "Indiquez votre mot de passe." })
    .min(1, "Indiquez votre mot de passe.")
    .max(PASSWORD_MAX, "Adresse e-mail ou mot de passe incorrect."),
  redirectTo: z.string().optional(),
});

export const ResetRequestSchema = z.object({ email });

const newPassword = z
  .string({ error: "Choisissez un mot de passe." })
  .min(PASSWORD_MIN, `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.`)
  .max(PASSWORD_MAX, `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX} caractères.`);

const confirmed = <T extends { password: string; confirmation: string }>(value: T) => value.password === value.confirmation;
const CONFIRMATION_ERROR = { message: "Les deux mots de passe ne sont pas identiques.", path: ["confirmation"] };

export const NewPasswordSchema = z
  .object({ password: newPassword, confirmation: z.string({ error: "Retapez le mot de passe." }) })
  .refine(confirmed, CONFIRMATION_ERROR);

export const ChangePasswordSchema = z
  .object({
    current: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, "Indiquez votre mot de passe actuel.").max(PASSWORD_MAX),
    password: newPassword,
    confirmation: z.string({ error: "Retapez le nouveau mot de passe." }),
  })
  .refine(confirmed, CONFIRMATION_ERROR);

export const ChangeNameSchema = z.object({ name: SignupSchema.shape.name });
export const ChangeProfileSchema = z.object({ profile: SignupSchema.shape.profile });

export const ChangeEmailSchema = z.object({
  email,
  current: z.string({ error: "Indiquez votre mot de passe actuel." }).min(1, "Indiquez votre mot de passe actuel.").max(PASSWORD_MAX),
});

export const DeleteAccountSchema = z.object({
  current: z
    .string({ error: "Indiquez votre mot de passe pour confirmer." })
    .min(1, "Indiquez votre mot de passe pour confirmer.")
    .max(PASSWORD_MAX),
  confirm: z.literal("on", { error: "Cochez la case pour confirmer que vous voulez supprimer votre compte." }),
});

const TotpCodeSchema = z.object({
  code: z
    .string({ error: "Saisissez le code à 6 chiffres de votre application." })
    .transform((value) => value.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "Le code compte 6 chiffres.")),
});

const currentPassword = (missing: string) => z.string({ error: missing }).min(1, missing).max(PASSWORD_MAX);

/** Turning two-factor on: the first code of the app, and the account's password (a session alone is not enough). */
export const EnableTwoFactorSchema = TotpCodeSchema.extend({ current: currentPassword("Indiquez votre mot de passe pour confirmer.") });

/** Turning two-factor off, or replacing the recovery codes. */
export const TwoFactorPasswordSchema = z.object({ current: currentPassword("Indiquez votre mot de passe pour confirmer.") });

const SECOND_FACTOR_MISSING = "Saisissez le code à 6 chiffres de votre application, ou un code de secours.";

/** The sign-in code page takes either a TOTP code (6 digits) or a recovery code (8 characters, K7QM-3XRT). */
export const SecondFactorSchema = z.object({
  code: z.string({ error: SECOND_FACTOR_MISSING }).transform((value, ctx) => {
    const digits = value.replace(/\s/g, "");
    if (/^\d{6}$/.test(digits)) return { kind: "totp" as const, value: digits };
    const recovery = normalizeRecoveryCode(value);
    if (recovery) return { kind: "secours" as const, value: recovery };
    ctx.addIssue({
      code: "custom",
      message:
        value.trim() === ""
          ? SECOND_FACTOR_MISSING
          : "Le code de l'application compte 6 chiffres\u202F; un code de secours, 8 caractères (par exemple K7QM-3XRT).",
    });
    return z.NEVER;
  }),
});

export type SecondFactorInput = z.infer<typeof SecondFactorSchema>["code"];
