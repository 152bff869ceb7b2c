/**
 * The rules of the positioning, pure: when each moment is open, how a form becomes answers, the
 * learner's progression and the cohort's distribution. The storage is placement.server.ts.
 */
import type { ExtraColumns } from "~/cohorts/cohort-csv.ts";
import { MIN_RESPONDENTS } from "~/cohorts/dashboard.ts";
import {
  ANSWER_MAX,
  LEVEL_COUNT,
  LEVELS,
  type DiagnosticQuestion,
  type Moment,
  type StoredAnswer,
  type StoredObjective,
} from "./placement-schema.ts";

/**
 * The entry positioning is open until the learner completes a lesson of the path: it is the
 * starting point, and one written after learning would no longer be one (the progression and the
 * Qualiopi evidence compare the exit against it). Until then it can be answered again as often as
 * the learner likes. The exit self-assessment opens once every lesson of the path is completed and
 * stays open: it is the learner's view at the end, and revising it changes only its last date.
 */
export interface LessonCounts {
  /** Lessons of the path completed, wherever. */
  completedLessons: number;
  /** Lessons of the path completed since the learner started this path (not earlier, in a path sharing them). */
  completedInPath: number;
  totalLessons: number;
}

export function isOpen(moment: Moment, progress: LessonCounts): boolean {
  if (moment === "ENTRY") return progress.completedInPath === 0;
  return progress.totalLessons > 0 && progress.completedLessons >= progress.totalLessons;
}

export const CLOSED_MESSAGES: Record<Moment, string> = {
  ENTRY: "Le positionnement d'entrée se fait avant la première leçon terminée\u00A0: il n'est plus modifiable.",
  EXIT: "L'auto-évaluation de fin de parcours s'ouvre quand toutes les leçons du parcours sont terminées.",
};

/** Form field names: `objectif-1`… for the levels, `question-<id>` for the diagnostic answers. */
export const objectiveField = (index: number) => `objectif-${index + 1}`;
export const questionField = (id: string) => `question-${id}`;

export interface PlacementForm {
  objectives: StoredObjective[];
  diagnostic: StoredAnswer[];
}

/**
 * Reads the submitted form against the path's objectives and questions: a level for every
 * objective (1–4), an answer optional for each question (one of its options when it has some,
 * text up to ANSWER_MAX otherwise). Unknown fields are ignored; errors are keyed by field name.
 */
export function readPlacementForm(
  form: FormData,
  objectives: string[],
  questions: DiagnosticQuestion[],
  moment: Moment,
): { values: PlacementForm; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const values: PlacementForm = { objectives: [], diagnostic: [] };
  objectives.forEach((objective, index) => {
    const raw = form.get(objectiveField(index));
    const level = typeof raw === "string" && /^[1-9]$/.test(raw) ? Number(raw) : NaN;
    if (level >= 1 && level <= LEVEL_COUNT) values.objectives.push({ objective, level });
    else errors[objectiveField(index)] = "Choisissez où vous en êtes pour cet objectif.";
  });
  if (moment === "ENTRY") {
    for (const question of questions) {
      const raw = form.get(questionField(question.id));
      const answer = typeof raw === "string" ? raw.trim() : "";
      if (!answer) continue;
      if (question.options && !question.options.includes(answer))
        errors[questionField(question.id)] = "Choisissez une des réponses proposées.";
      else if (answer.length > ANSWER_MAX) errors[questionField(question.id)] = `Votre réponse compte au plus ${ANSWER_MAX} caractères.`;
      else values.diagnostic.push({ id: question.id, question: question.question, answer });
    }
  }
  return { values, errors };
}

export interface ProgressionRow {
  objective: string;
  entry: number | null;
  exit: number | null;
}

/** Entry and exit levels side by side, objective by objective (matched by their wording). */
export function progressionRows(objectives: string[], entry: StoredObjective[] | null, exit: StoredObjective[] | null): ProgressionRow[] {
  const listed = [...objectives];
  // An objective rated before the path was rewritten keeps its row, under the wording rated.
  for (const stored of [...(entry ?? []), ...(exit ?? [])]) if (!listed.includes(stored.objective)) listed.push(stored.objective);
  return listed.map((objective) => ({
    objective,
    entry: entry?.find((row) => row.objective === objective)?.level ?? null,
    exit: exit?.find((row) => row.objective === objective)?.level ?? null,
  }));
}

/** « 3 — Je sais faire avec de l'aide », or « — » when not rated. */
export function levelText(level: number | null): string {
  return level ? `${level} — ${LEVELS[level - 1]}` : "—";
}

export interface LevelDistribution {
  objective: string;
  /** Learners who rated this objective at each level (index 0 = level 1), per moment; null when hidden. */
  entry: number[] | null;
  exit: number[] | null;
}

export interface CohortPlacementSummary {
  entryRespondents: number;
  exitRespondents: number;
  /** Distributions are shown only from MIN_RESPONDENTS learners on, per moment, as every cohort aggregate. */
  minRespondents: number;
  objectives: LevelDistribution[];
}

/** The cohort's distribution of levels per objective, at entry and at exit, hidden under the threshold. */
export function summarizeCohortPlacements(
  objectives: string[],
  responses: Array<{ moment: string; objectives: StoredObjective[] }>,
): CohortPlacementSummary {
  const byMoment = (moment: Moment) => responses.filter((response) => response.moment === moment);
  const entry = byMoment("ENTRY");
  const exit = byMoment("EXIT");
  const distribution = (rows: typeof responses, objective: string) => {
    if (rows.length < MIN_RESPONDENTS) return null;
    const counts = Array<number>(LEVEL_COUNT).fill(0);
    for (const row of rows) {
      const level = row.objectives.find((stored) => stored.objective === objective)?.level;
      if (level) counts[level - 1]! += 1;
    }
    return counts;
  };
  return {
    entryRespondents: entry.length,
    exitRespondents: exit.length,
    minRespondents: MIN_RESPONDENTS,
    objectives: objectives.map((objective) => ({ objective, entry: distribution(entry, objective), exit: distribution(exit, objective) })),
  };
}

/** The cohort CSV's columns: each objective's level (1–4) at entry, then at exit; empty when not answered. */
export function placementCsvColumns(
  objectives: string[],
  levels: Map<string, { entry: Array<number | null>; exit: Array<number | null> }>,
): ExtraColumns {
  return {
    header: [
      ...objectives.map((objective, index) => `Positionnement d'entrée, objectif ${index + 1} (1 à ${LEVEL_COUNT})\u00A0: ${objective}`),
      ...objectives.map((objective, index) => `Auto-évaluation de fin, objectif ${index + 1} (1 à ${LEVEL_COUNT})\u00A0: ${objective}`),
    ],
    cells: (userId) => {
      const row = levels.get(userId);
      return [...objectives.map((_, index) => row?.entry[index] ?? null), ...objectives.map((_, index) => row?.exit[index] ?? null)];
    },
  };
}
