/**
 * Reading the project's forms: one textarea per field (`champ-<id>`), and per criterion a level
 * (`niveau-<id>`, 1 to 4) and a justification (`justification-<id>`). Drafts may leave anything
 * empty; only values that cannot be stored are refused, with a French message for the field.
 * Pure and client-safe.
 */
import { z } from "zod";
import type { Answers, Assessment } from "./project-progress.ts";
import { ANSWER_MAX, JUSTIFICATION_MAX, type ProjectDefinition, type ProjectStep } from "./project-schema.ts";

type Fields = { get(name: string): FormDataEntryValue | null };
type FieldErrors = Record<string, string>;

const answerSchema = z
  .string()
  .max(ANSWER_MAX, `Ce champ compte au plus ${ANSWER_MAX} caractères\u00A0: raccourcissez-le ou gardez l'essentiel.`);
const justificationSchema = z.string().max(JUSTIFICATION_MAX, `La justification compte au plus ${JUSTIFICATION_MAX} caractères.`);
const levelSchema = z.enum(["1", "2", "3", "4"], { error: "Choisissez un niveau de 1 à 4." });

const text = (value: FormDataEntryValue | null) => (typeof value === "string" ? value.replace(/\r\n/g, "\n") : "");

export function readStepForm(step: ProjectStep, form: Fields): { values: Answers; errors: FieldErrors } {
  const values: Answers = {};
  const errors: FieldErrors = {};
  for (const field of step.fields) {
    const raw = form.get(`champ-${field.id}`);
    if (raw === null) continue;
    const parsed = answerSchema.safeParse(text(raw));
    if (parsed.success) values[field.id] = parsed.data;
    else errors[field.id] = parsed.error.issues[0]!.message;
  }
  return { values, errors };
}

export function readAssessmentForm(definition: ProjectDefinition, form: Fields): { values: Assessment; errors: FieldErrors } {
  const values: Assessment = {};
  const errors: FieldErrors = {};
  for (const criterion of definition.assessment.criteria) {
    const rawLevel = form.get(`niveau-${criterion.id}`);
    const justification = justificationSchema.safeParse(text(form.get(`justification-${criterion.id}`)));
    if (!justification.success) {
      errors[`justification-${criterion.id}`] = justification.error.issues[0]!.message;
      continue;
    }
    if (rawLevel === null || rawLevel === "") {
      // Without a level nothing is stored, but a justification typed alone must not be lost silently.
      if (justification.data.trim()) errors[`niveau-${criterion.id}`] = "Choisissez un niveau pour garder cette justification.";
      continue;
    }
    const level = levelSchema.safeParse(text(rawLevel));
    if (!level.success) {
      errors[`niveau-${criterion.id}`] = level.error.issues[0]!.message;
      continue;
    }
    values[criterion.id] = { level: Number(level.data), justification: justification.data };
  }
  return { values, errors };
}
