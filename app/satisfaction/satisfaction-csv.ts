/**
 * The satisfaction exports, one row per response, French headers, no names: the cohort's (for its
 * trainer, only from MIN_RESPONDENTS responses, like the page) and the platform's (for admins, every
 * path, with the profile the learner had). Rows come oldest first. Pure.
 */
import { PROFILE_LABELS, isProfile } from "~/auth/profiles.ts";
import { csvDate, toCsv } from "~/cohorts/csv.ts";
import type { ResponseRow } from "./aggregate.ts";
import { questionsFor, type Question } from "./questionnaire.ts";

function scoreHeader(question: Question): string {
  return `${question.short} (1 = ${question.labels[1].toLowerCase()}, 4 = ${question.labels[4].toLowerCase()})`;
}

const byDate = (rows: ResponseRow[]) => [...rows].sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
const questions = questionsFor("OTHER");
const scores = (row: ResponseRow) => questions.map((question) => row[question.id]);

export function cohortSatisfactionCsv(rows: ResponseRow[]): string {
  return toCsv(
    ["Date de réponse", ...questions.map(scoreHeader), "Commentaire"],
    byDate(rows).map((row) => [csvDate(row.answeredAt), ...scores(row), row.comment]),
  );
}

/** `pathTitles`: path id → title; a path no longer in the catalogue is named by its id. */
export function platformSatisfactionCsv(rows: ResponseRow[], pathTitles: Record<string, string>): string {
  return toCsv(
    ["Parcours", "Date de réponse", "Profil", ...questions.map(scoreHeader), "Commentaire"],
    byDate(rows).map((row) => [
      pathTitles[row.pathId] ?? row.pathId,
      csvDate(row.answeredAt),
      isProfile(row.profile) ? PROFILE_LABELS[row.profile] : row.profile,
      ...scores(row),
      row.comment,
    ]),
  );
}
