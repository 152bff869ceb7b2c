/**
 * The form of /admin/organisation, checked in the browser and again on the server. Client-safe.
 * Every field is optional: left empty, the environment's default applies (README.md, configuration).
 * Field names are the flat columns of OrganisationSetting.
 */
import { z } from "zod";
import { isValidActivityDeclarationNumber, isValidSiret, withoutSpaces } from "./identifiers.ts";

const text = (max: number, label: string) => z.string().trim().max(max, `${label} compte au plus ${max}\u00A0caractères.`).optional();

const email = z.string().trim().pipe(z.email("Cette adresse e-mail n'est pas valide (exemple\u00A0: prenom.nom@exemple.fr).")).optional();

export const OrganisationSettingsSchema = z.object({
  legalName: text(200, "La raison sociale"),
  address: text(500, "L'adresse"),
  siret: z
    .string()
    .transform(withoutSpaces)
    .pipe(
      z
        .string()
        .regex(/^\d{14}$/, "Le SIRET compte 14\u00A0chiffres (les espaces sont acceptés).")
        // Only once it has 14 digits: one message at a time.
        .refine(
          (digits) => !/^\d{14}$/.test(digits) || isValidSiret(digits),
          "Ce SIRET n'existe pas\u00A0: sa clé de contrôle est fausse. Vérifiez chaque chiffre.",
        ),
    )
    .optional(),
  activityDeclarationNumber: z
    .string()
    .transform(withoutSpaces)
    .pipe(
      z
        .string()
        .refine(
          isValidActivityDeclarationNumber,
          "Le numéro de déclaration d'activité compte 11\u00A0chiffres (les espaces sont acceptés).",
        ),
    )
    .optional(),
  qualiopiReference: text(200, "La référence du certificat Qualiopi"),
  electedTrainingApproval: text(200, "La référence de l'agrément"),
  pedagogicalContactName: text(120, "Le nom"),
  pedagogicalContactEmail: email,
  disabilityContactName: text(120, "Le nom"),
  disabilityContactEmail: email,
  answerDelay: text(60, "Le délai de réponse"),
});

export type OrganisationSettingsInput = z.output<typeof OrganisationSettingsSchema>;
