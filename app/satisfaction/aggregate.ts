/**
 * Satisfaction responses summed up for trainers (a cohort) and admins (a path, platform-wide): the
 * distribution of each question and the free texts, without names. Below MIN_RESPONDENTS responses
 * nothing but the count is shown, the rule of every aggregate on the platform: in a group of three,
 * a distribution or a comment points at someone. Pure.
 */
import { MIN_RESPONDENTS } from "~/cohorts/dashboard.ts";
import { questionsFor, SCORES, type QuestionId, type Score } from "./questionnaire.ts";

export { MIN_RESPONDENTS };

/** One stored response, as the reads return it (no user id: aggregates never need one). */
export interface ResponseRow {
  pathId: string;
  profile: string;
  objectivesMet: number;
  clarity: number;
  usefulness: number;
  recommend: number;
  comment: string | null;
  answeredAt: Date;
}

export interface QuestionDistribution {
  id: QuestionId;
  short: string;
  text: string;
  /** One entry per point of the scale, 1 to 4, with its label and how many chose it. */
  counts: Array<{ score: Score; label: string; count: number }>;
  /** Share of « 3 » and « 4 » (plutôt oui, tout à fait…), 0 to 1. */
  positiveShare: number;
}

export type SatisfactionSummary =
  { responses: number; hidden: true } | { responses: number; hidden: false; questions: QuestionDistribution[]; comments: string[] };

/**
 * @example summarize([]) // { responses: 0, hidden: true }
 * Comments come oldest first, so that their order says nothing newer than the CSV's.
 */
export function summarize(rows: ResponseRow[]): SatisfactionSummary {
  if (rows.length < MIN_RESPONDENTS) return { responses: rows.length, hidden: true };
  const questions = questionsFor("OTHER").map((question) => {
    const counts = SCORES.map((value) => ({
      score: value,
      label: question.labels[value],
      count: rows.filter((row) => row[question.id] === value).length,
    }));
    const positive = counts.filter((entry) => entry.score >= 3).reduce((sum, entry) => sum + entry.count, 0);
    return { id: question.id, short: question.short, text: question.text, counts, positiveShare: positive / rows.length };
  });
  const comments = [...rows]
    .sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime())
    .map((row) => row.comment)
    .filter((comment): comment is string => Boolean(comment));
  return { responses: rows.length, hidden: false, questions, comments };
}

/**
 * The platform's page: one summary per path of the catalogue, in its order, then any path that
 * has responses but left the catalogue (named by its id, so no response disappears from view).
 */
export function summarizeByPath(
  rows: ResponseRow[],
  paths: Array<{ id: string; title: string }>,
): Array<{ pathId: string; title: string; summary: SatisfactionSummary }> {
  const known = new Set(paths.map((path) => path.id));
  const gone = [...new Set(rows.map((row) => row.pathId).filter((id) => !known.has(id)))].sort();
  return [...paths, ...gone.map((id) => ({ id, title: id }))].map((path) => ({
    pathId: path.id,
    title: path.title,
    summary: summarize(rows.filter((row) => row.pathId === path.id)),
  }));
}
