/** The learner table as CSV, every quiz and simulation in its own column. Pure. */
import type { CohortContent, LearnerRow } from "./dashboard.ts";
import { slugify } from "~/utils/slugify.ts";
import { csvDate, toCsv } from "./csv.ts";

/**
 * Columns a feature above cohorts adds (the positioning's levels): headers, then each learner's
 * cells by user id. Appended after the table's own columns.
 */
export interface ExtraColumns {
  header: string[];
  cells: (userId: string) => Array<string | number | null>;
}

export function learnerTableCsv(content: CohortContent, learners: LearnerRow[], extra?: ExtraColumns): string {
  const header = [
    "Nom",
    "E-mail",
    "A rejoint le",
    "Progression (%)",
    "Leçons terminées",
    "Leçons du parcours",
    "Dernière activité",
    "Temps actif (min)",
    "Temps attendu pour les leçons terminées (min)",
    `Temps actif requis pour le certificat (min)`,
    ...content.quizzes.map((quiz) => `«\u202F${quiz.title}\u202F»${quiz.final ? " (évaluation finale)" : ""}\u00A0: meilleur score (%)`),
    ...content.scenarios.map((scenario) => `Simulation «\u202F${scenario.title}\u202F»\u00A0: fin`),
    ...(content.project ? ["Projet final", "Projet remis le", `Auto-évaluation (sur ${content.project.criteria * 4})`] : []),
    "Certificat",
    "Certificat délivré le",
    "En retard",
    "Inactif depuis 7 jours",
    ...(extra?.header ?? []),
  ];
  const endingTitle = new Map(
    content.scenarios.flatMap((scenario) => scenario.endings.map((ending) => [`${scenario.id}:${ending.id}`, ending.title] as const)),
  );
  const rows = learners.map((learner) => [
    learner.name,
    learner.email,
    csvDate(learner.joinedAt),
    learner.percent,
    learner.completedLessons,
    learner.totalLessons,
    csvDate(learner.lastActivityAt),
    Math.floor(learner.activeSeconds / 60),
    Math.round(learner.expectedSeconds / 60),
    content.requiredActiveSeconds === undefined ? null : Math.round(content.requiredActiveSeconds / 60),
    ...content.quizzes.map((quiz) => learner.bestScores[quiz.id] ?? null),
    ...content.scenarios.map((scenario) => {
      const ending = learner.endings[scenario.id];
      return ending ? (endingTitle.get(`${scenario.id}:${ending}`) ?? ending) : null;
    }),
    ...(content.project
      ? [
          learner.project ? (learner.project.submittedAt ? "remis" : "en cours") : "non commencé",
          learner.project?.submittedAt ? csvDate(learner.project.submittedAt) : null,
          learner.project?.selfAssessed ? learner.project.total : null,
        ]
      : []),
    learner.certificate ? (learner.certificate.revoked ? "révoqué" : "oui") : "non",
    learner.certificate ? csvDate(learner.certificate.issuedAt) : null,
    learner.behind ? "oui" : "non",
    learner.inactive ? "oui" : "non",
    ...(extra?.cells(learner.userId) ?? []),
  ]);
  return toCsv(header, rows);
}

/** « Master 2 — promo 2027 » → « cohorte-master-2-promo-2027.csv », for a download's file name. */
export function cohortFileName(name: string, extension: string): string {
  return `cohorte-${slugify(name).slice(0, 60) || "sans-nom"}.${extension}`;
}
