/** The cohort forms, checked in the browser and again on the server. Client-safe. */
import { z } from "zod";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .optional()
    .refine(
      (value) => !value || (DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))),
      `${label}\u00A0: une date au format jj/mm/aaaa`,
    );

export const CohortFieldsSchema = z
  .object({
    /** Shown to the trainer and, on the consent screen, to learners who join. */
    name: z
      .string({ error: "Donnez un nom à la cohorte." })
      .trim()
      .min(2, "Le nom compte au moins 2 caractères.")
      .max(120, "Le nom compte au plus 120 caractères."),
    /** Optional calendar; both dates make the « en retard » filter possible. */
    startsOn: optionalDate("Début"),
    dueOn: optionalDate("Échéance"),
  })
  .refine((value) => !value.startsOn || !value.dueOn || value.dueOn >= value.startsOn, {
    message: "L'échéance ne peut pas précéder le début.",
    path: ["dueOn"],
    // Checked even when the name is missing, so that every message shows at once; only the dates
    // themselves must be readable.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "startsOn" || issue.path?.[0] === "dueOn"),
  });

export const CreateCohortSchema = CohortFieldsSchema.and(
  z.object({
    pathId: z
      .string({ error: "Choisissez le parcours que suivra la cohorte." })
      .trim()
      .min(1, "Choisissez le parcours que suivra la cohorte."),
  }),
);

/** "2027-01-04" → the Date stored (midnight UTC); "" or undefined → null. */
export function parseDay(value: string | undefined): Date | null {
  return value ? new Date(`${value}T00:00:00Z`) : null;
}

/** The stored Date → "2027-01-04" for an <input type="date">. */
export function formatDay(value: Date | string | null): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}
