/**
 * The cohort CSV a funder's « service fait » asks for (on EDOF, the CPF providers' portal, a provider
 * declares the completion rate and the hours not done): per learner, the duration planned, the
 * duration realised (active time recorded on the path's lessons, as on the certificate), the hours
 * not done and the share of the path's lessons completed. Pure.
 */
import type { LearnerRow } from "~/cohorts/dashboard.ts";
import { csvDate, toCsv } from "~/cohorts/csv.ts";

/** Hours with two decimals and a decimal comma, as a French spreadsheet reads a number: « 1,25 ». */
export function frenchHours(seconds: number): string {
  return (Math.floor(seconds / 36) / 100).toFixed(2).replace(".", ",");
}

export interface ServiceFaitLearner extends Pick<LearnerRow, "name" | "email" | "activeSeconds" | "completedLessons" | "totalLessons"> {
  certificate: { code: string; completedAt: Date; revoked: boolean } | null;
}

/**
 * One row per learner. Hours not done = planned − realised, never below 0; the realised time is
 * rounded down (no document claims time that was not recorded), so hours not done round up.
 */
export function serviceFaitCsv(path: { title: string; nominalMinutes: number }, learners: ServiceFaitLearner[]): string {
  const planned = path.nominalMinutes * 60;
  const header = [
    "Nom",
    "E-mail",
    "Action",
    "Durée prévue (h)",
    "Durée réalisée (h)",
    "Heures non réalisées (h)",
    "Taux de réalisation (%)",
    "Leçons terminées",
    "Leçons du parcours",
    "Parcours achevé le",
    "Code du certificat",
  ];
  const rows = learners.map((learner) => {
    const realised = Math.floor(learner.activeSeconds / 36) * 36;
    const certificate = learner.certificate && !learner.certificate.revoked ? learner.certificate : null;
    return [
      learner.name,
      learner.email,
      path.title,
      frenchHours(planned),
      frenchHours(realised),
      frenchHours(Math.max(0, planned - realised)),
      learner.totalLessons === 0 ? 0 : Math.floor((learner.completedLessons / learner.totalLessons) * 100),
      learner.completedLessons,
      learner.totalLessons,
      certificate ? csvDate(certificate.completedAt) : "",
      certificate?.code ?? "",
    ];
  });
  return toCsv(header, rows);
}
