/**
 * A cohort's dashboard, computed from the rows the server loads in a fixed number of queries
 * (dashboard.server.ts). Pure: the table, the funnel, quiz averages, item analysis and scenario
 * distributions are tested on known fixtures.
 *
 * Privacy: any distribution over options (wrong options of a question, choices at a decision,
 * endings of a scenario) is shown only once at least MIN_RESPONDENTS learners answered, so that a
 * trainer cannot read one person's answer in an aggregate.
 */
import { summarizePath } from "~/progress/path-progress.ts";
import { isBehindPace, isInactive, type CohortCalendar } from "./pace.ts";

export const MIN_RESPONDENTS = 5;

export interface CohortContent {
  /** `modelSeconds`: the lesson's time model (time-model.ts `referenceLessonSeconds`), reading and on-page activities. */
  lessons: Array<{ id: string; title: string; minutes: number; modelSeconds?: number }>;
  /** Active time the path's certificate asks for. */
  requiredActiveSeconds?: number;
  /** The path's final project, if it has one (12 h path). */
  project?: { id: string; criteria: number } | null;
  /** The path's objectives, in order: the final assessment's questions name them by number (from 1). */
  objectives?: string[];
  /**
   * The path's quizzes in the order lessons show them; `final` marks the final assessment, whose
   * questions carry the objective they assess (null: not tagged).
   */
  quizzes: Array<{ id: string; title: string; final: boolean; questions: Array<{ id: string; stem: string; objective?: number | null }> }>;
  scenarios: Array<{
    id: string;
    title: string;
    endings: Array<{ id: string; title: string }>;
    decisions: Array<{ sceneId: string; title: string; choices: Array<{ id: string; text: string }> }>;
    /** Every scene, events included, to name the steps of a strategy (decisions when absent). */
    scenes?: Array<{ sceneId: string; title: string; choices: Array<{ id: string; text: string }> }>;
  }>;
}

interface MemberRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
}

export interface CohortRows {
  members: MemberRow[];
  lessons: Array<{
    userId: string;
    lessonId: string;
    startedAt: Date;
    completedAt: Date | null;
    activeSeconds: number;
    lastActiveAt: Date | null;
  }>;
  enrollments: Array<{ userId: string; lastVisitedAt: Date }>;
  attempts: Array<{ userId: string; quizId: string; score: number | null; startedAt: Date; submittedAt: Date | null }>;
  runs: Array<{
    userId: string;
    scenarioId: string;
    choices: Array<{ sceneId: string; choiceId: string }>;
    endingId: string | null;
    startedAt: Date;
    updatedAt: Date;
    finishedAt: Date | null;
  }>;
  certificates: Array<{ userId: string; issuedAt: Date; revokedAt: Date | null }>;
  /** Final projects (12 h path): when submitted, and the self-assessment levels given so far. */
  projects?: Array<{ userId: string; submittedAt: Date | null; updatedAt: Date; levels: number[] }>;
  /** First-attempt answers grouped by quiz, question and response, with their count. */
  answerGroups: Array<{ quizId: string; questionId: string; correct: boolean; count: number; wrongLabels: string[] }>;
}

export interface LearnerRow {
  userId: string;
  name: string;
  email: string;
  joinedAt: Date;
  percent: number;
  completedLessons: number;
  totalLessons: number;
  activeSeconds: number;
  /**
   * What the time model expects for the lessons this learner completed: far more than the recorded
   * time means lessons marked done without being read (or read without JavaScript, see README).
   */
  expectedSeconds: number;
  lastActivityAt: Date | null;
  /** Best submitted score per quiz id (absent: never submitted). */
  bestScores: Record<string, number>;
  finalScore: number | null;
  /** Ending of the learner's first finished run, per scenario id. */
  endings: Record<string, string>;
  certificate: { issuedAt: Date; revoked: boolean } | null;
  /** The final project, when the path has one and the learner has started it. */
  project: { submittedAt: Date | null; selfAssessed: number; total: number } | null;
  behind: boolean;
  inactive: boolean;
}

const latest = (dates: Array<Date | null | undefined>): Date | null => {
  let best: Date | null = null;
  for (const date of dates) if (date && (!best || date > best)) best = date;
  return best;
};

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Each learner's first run that reached an ending, per scenario: what they chose before knowing the outcome. */
function firstFinishedRuns(runs: CohortRows["runs"]) {
  const first = new Map<string, CohortRows["runs"][number]>();
  for (const run of runs) {
    if (!run.finishedAt || !run.endingId) continue;
    const key = `${run.userId}:${run.scenarioId}`;
    const known = first.get(key);
    if (!known || run.finishedAt < known.finishedAt!) first.set(key, run);
  }
  return [...first.values()];
}

export function learnerRows(content: CohortContent, rows: CohortRows, calendar: CohortCalendar, now: Date): LearnerRow[] {
  // Only the path's lessons: what a learner does elsewhere is not the trainer's business.
  const pathLessonIds = new Set(content.lessons.map((lesson) => lesson.id));
  const lessonsByUser = groupBy(
    rows.lessons.filter((row) => pathLessonIds.has(row.lessonId)),
    (row) => row.userId,
  );
  const attemptsByUser = groupBy(rows.attempts, (row) => row.userId);
  const runsByUser = groupBy(rows.runs, (row) => row.userId);
  const enrollment = new Map(rows.enrollments.map((row) => [row.userId, row.lastVisitedAt]));
  const certificate = new Map(rows.certificates.map((row) => [row.userId, row]));
  const finishedByUser = groupBy(firstFinishedRuns(rows.runs), (run) => run.userId);
  const projects = new Map((rows.projects ?? []).map((row) => [row.userId, row]));
  const final = content.quizzes.find((quiz) => quiz.final)?.id ?? null;

  return rows.members.map((member) => {
    const lessons = lessonsByUser.get(member.userId) ?? [];
    const attempts = attemptsByUser.get(member.userId) ?? [];
    const runs = runsByUser.get(member.userId) ?? [];
    const summary = summarizePath(content.lessons, lessons);
    const bestScores: Record<string, number> = {};
    for (const attempt of attempts) {
      if (!attempt.submittedAt || attempt.score === null) continue;
      bestScores[attempt.quizId] = Math.max(bestScores[attempt.quizId] ?? 0, attempt.score);
    }
    const endings: Record<string, string> = {};
    for (const run of finishedByUser.get(member.userId) ?? []) endings[run.scenarioId] = run.endingId!;
    const lastActivityAt = latest([
      ...lessons.flatMap((row) => [row.lastActiveAt, row.completedAt, row.startedAt]),
      enrollment.get(member.userId),
      ...attempts.flatMap((row) => [row.submittedAt, row.startedAt]),
      ...runs.map((row) => row.updatedAt),
      projects.get(member.userId)?.updatedAt,
    ]);
    const project = projects.get(member.userId);
    const cert = certificate.get(member.userId);
    return {
      ...member,
      percent: summary.percent,
      completedLessons: summary.completedLessons,
      totalLessons: summary.totalLessons,
      activeSeconds: summary.activeSeconds,
      expectedSeconds: content.lessons.reduce(
        (sum, lesson) =>
          sum + (lessons.some((row) => row.lessonId === lesson.id && row.completedAt) ? (lesson.modelSeconds ?? lesson.minutes * 60) : 0),
        0,
      ),
      lastActivityAt,
      bestScores,
      finalScore: final !== null && final in bestScores ? bestScores[final]! : null,
      endings,
      certificate: cert ? { issuedAt: cert.issuedAt, revoked: Boolean(cert.revokedAt) } : null,
      project: project
        ? {
            submittedAt: project.submittedAt,
            selfAssessed: project.levels.length,
            total: project.levels.reduce((sum, level) => sum + level, 0),
          }
        : null,
      behind: !summary.completed && isBehindPace(summary.completedLessons, summary.totalLessons, calendar, now),
      inactive: !summary.completed && isInactive(lastActivityAt, now),
    };
  });
}

export const SORT_KEYS = ["nom", "progression", "activite", "temps", "evaluation"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

const collator = new Intl.Collator("fr", { sensitivity: "base", numeric: true });

/** Sorted copy; learners without a value (never active, no score) always come last. */
export function sortLearners(rows: LearnerRow[], key: SortKey, order: SortOrder): LearnerRow[] {
  const value = (row: LearnerRow): number | string | null => {
    switch (key) {
      case "nom":
        return row.name;
      case "progression":
        return row.percent;
      case "activite":
        return row.lastActivityAt?.getTime() ?? null;
      case "temps":
        return row.activeSeconds;
      case "evaluation":
        return row.finalScore;
    }
  };
  const sign = order === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? collator.compare(a.name, b.name) : x === null ? 1 : -1;
    const compared = typeof x === "string" ? collator.compare(x, y as string) : x - (y as number);
    return compared === 0 ? collator.compare(a.name, b.name) : sign * compared;
  });
}

interface FunnelStep {
  lessonId: string;
  title: string;
  started: number;
  completed: number;
}

/** How many learners started and completed each lesson, in path order. */
export function lessonFunnel(content: CohortContent, rows: CohortRows): FunnelStep[] {
  const members = new Set(rows.members.map((member) => member.userId));
  return content.lessons.map((lesson) => {
    const records = rows.lessons.filter((row) => row.lessonId === lesson.id && members.has(row.userId));
    return {
      lessonId: lesson.id,
      title: lesson.title,
      started: records.length,
      completed: records.filter((row) => row.completedAt).length,
    };
  });
}

interface QuizSummary {
  quizId: string;
  title: string;
  final: boolean;
  /** Learners with at least one submitted attempt. */
  learners: number;
  /** Mean of each learner's best score (%), rounded; null when nobody submitted. */
  averageBest: number | null;
  questions: ItemAnalysis[];
  /** Final assessment: right answers per path objective (empty for practice quizzes). */
  objectives: ObjectiveSummary[];
}

interface ItemAnalysis {
  questionId: string;
  stem: string;
  /** The path objective the question assesses (final assessment), or null. */
  objective: number | null;
  /** Learners who answered it in their first attempt. */
  answered: number;
  /** Share of them who got it fully right (0–1); null when nobody answered. */
  correctShare: number | null;
  /** The wrong answer chosen most often, hidden (null) below MIN_RESPONDENTS. */
  mostChosenWrong: { label: string; count: number } | null;
  hidden: boolean;
}

/**
 * How a cohort did on one objective of the path, over the final assessment's questions tagged with
 * it (first attempts, like item analysis). A draw gives each learner only some of the pool, so the
 * share is taken over answers: right answers ÷ answers to the objective's questions.
 */
interface ObjectiveSummary {
  number: number;
  text: string;
  /** Questions of the pool that assess it. */
  questions: number;
  /** First-attempt answers to those questions. */
  answers: number;
  /** Share of those answers fully right (0–1); null when hidden or unanswered. */
  correctShare: number | null;
  /**
   * Learners who answered at least one of its questions, at least: the most answered question's
   * count (each learner answers a question once; one learner may answer several of them).
   */
  respondents: number;
  /** Fewer than MIN_RESPONDENTS respondents: the share is not shown, so no one's result can be read. */
  hidden: boolean;
}

export function quizSummaries(content: CohortContent, learners: LearnerRow[], rows: CohortRows): QuizSummary[] {
  const groups = groupBy(rows.answerGroups, (group) => `${group.quizId}\u0000${group.questionId}`);
  return content.quizzes.map((quiz) => {
    const bests = learners.flatMap((learner) => (quiz.id in learner.bestScores ? [learner.bestScores[quiz.id]!] : []));
    return {
      quizId: quiz.id,
      title: quiz.title,
      final: quiz.final,
      learners: bests.length,
      averageBest: bests.length === 0 ? null : Math.round(bests.reduce((sum, score) => sum + score, 0) / bests.length),
      questions: quiz.questions.map((question) => itemAnalysis(question, groups.get(`${quiz.id}\u0000${question.id}`) ?? [])),
      objectives: quiz.final
        ? objectiveSummaries(content.objectives ?? [], quiz.questions, (questionId) => groups.get(`${quiz.id}\u0000${questionId}`) ?? [])
        : [],
    };
  });
}

/** Right answers per objective of the path; none when no question of the final is tagged yet. */
function objectiveSummaries(
  objectives: string[],
  questions: Array<{ id: string; objective?: number | null }>,
  groupsOf: (questionId: string) => CohortRows["answerGroups"],
): ObjectiveSummary[] {
  if (!questions.some((question) => question.objective)) return [];
  return objectives.map((text, index) => {
    const number = index + 1;
    let answers = 0;
    let right = 0;
    let respondents = 0;
    let count = 0;
    for (const question of questions) {
      if (question.objective !== number) continue;
      count++;
      const groups = groupsOf(question.id);
      const answered = groups.reduce((sum, group) => sum + group.count, 0);
      answers += answered;
      right += groups.filter((group) => group.correct).reduce((sum, group) => sum + group.count, 0);
      respondents = Math.max(respondents, answered);
    }
    const hidden = respondents < MIN_RESPONDENTS;
    return { number, text, questions: count, answers, correctShare: hidden || answers === 0 ? null : right / answers, respondents, hidden };
  });
}

function itemAnalysis(question: { id: string; stem: string; objective?: number | null }, groups: CohortRows["answerGroups"]): ItemAnalysis {
  const answered = groups.reduce((sum, group) => sum + group.count, 0);
  const right = groups.filter((group) => group.correct).reduce((sum, group) => sum + group.count, 0);
  const hidden = answered < MIN_RESPONDENTS;
  let mostChosenWrong: ItemAnalysis["mostChosenWrong"] = null;
  if (!hidden) {
    const wrong = new Map<string, number>();
    for (const group of groups) {
      if (group.correct) continue;
      for (const label of group.wrongLabels) wrong.set(label, (wrong.get(label) ?? 0) + group.count);
    }
    for (const [label, count] of wrong) {
      if (
        !mostChosenWrong ||
        count > mostChosenWrong.count ||
        (count === mostChosenWrong.count && collator.compare(label, mostChosenWrong.label) < 0)
      ) {
        mostChosenWrong = { label, count };
      }
    }
  }
  return {
    questionId: question.id,
    stem: question.stem,
    objective: question.objective ?? null,
    answered,
    correctShare: answered === 0 ? null : right / answered,
    mostChosenWrong,
    hidden,
  };
}

interface ScenarioSummary {
  scenarioId: string;
  title: string;
  /** Learners with a finished run (their first one is counted). */
  finished: number;
  hidden: boolean;
  endings: Array<{ endingId: string; title: string; count: number }>;
  decisions: Array<{
    sceneId: string;
    title: string;
    answered: number;
    hidden: boolean;
    choices: Array<{ choiceId: string; text: string; count: number }>;
  }>;
  /**
   * The strategies the cohort used: the complete sequences of choices most often followed to an
   * ending (at most TOP_STRATEGIES, each followed by at least MIN_STRATEGY_LEARNERS learners), most
   * followed first. Empty while the scenario's counts are hidden.
   */
  strategies: Strategy[];
  /** Learners whose sequence of choices nobody else in the cohort followed. */
  singleStrategies: number;
}

export interface Strategy {
  count: number;
  endingId: string;
  endingTitle: string;
  steps: Array<{ sceneId: string; title: string; choiceId: string; text: string }>;
}

const TOP_STRATEGIES = 3;
/** A sequence followed by one learner only is that learner's run, not a strategy of the cohort. */
const MIN_STRATEGY_LEARNERS = 2;

function strategiesOf(
  scenario: CohortContent["scenarios"][number],
  runs: CohortRows["runs"],
): { strategies: Strategy[]; singleStrategies: number } {
  const scenes = scenario.scenes ?? scenario.decisions;
  // The ending is part of the key: the same choices lead to the same ending unless the scenario changed in between.
  const bySequence = groupBy(
    runs,
    (run) => `${run.choices.map((choice) => `${choice.sceneId}:${choice.choiceId}`).join(" ")} → ${run.endingId}`,
  );
  const groups = [...bySequence.values()];
  const endingRank = (endingId: string) => scenario.endings.findIndex((ending) => ending.id === endingId);
  const strategies = groups
    .filter((group) => group.length >= MIN_STRATEGY_LEARNERS)
    .sort((a, b) => b.length - a.length || endingRank(a[0]!.endingId!) - endingRank(b[0]!.endingId!))
    .slice(0, TOP_STRATEGIES)
    .map((group) => {
      const first = group[0]!;
      return {
        count: group.length,
        endingId: first.endingId!,
        endingTitle: scenario.endings.find((ending) => ending.id === first.endingId)?.title ?? first.endingId!,
        steps: first.choices.map(({ sceneId, choiceId }) => {
          const scene = scenes.find((candidate) => candidate.sceneId === sceneId);
          return {
            sceneId,
            title: scene?.title ?? sceneId,
            choiceId,
            text: scene?.choices.find((choice) => choice.id === choiceId)?.text ?? choiceId,
          };
        }),
      };
    });
  return { strategies, singleStrategies: groups.filter((group) => group.length === 1).length };
}

export function scenarioSummaries(content: CohortContent, rows: CohortRows): ScenarioSummary[] {
  const firstRuns = groupBy(firstFinishedRuns(rows.runs), (run) => run.scenarioId);
  return content.scenarios.map((scenario) => {
    const runs = firstRuns.get(scenario.id) ?? [];
    const hidden = runs.length < MIN_RESPONDENTS;
    return {
      scenarioId: scenario.id,
      title: scenario.title,
      finished: runs.length,
      hidden,
      endings: hidden
        ? []
        : scenario.endings.map((ending) => ({
            endingId: ending.id,
            title: ending.title,
            count: runs.filter((run) => run.endingId === ending.id).length,
          })),
      decisions: scenario.decisions.map((decision) => {
        const made = runs.flatMap((run) => run.choices.filter((choice) => choice.sceneId === decision.sceneId).slice(0, 1));
        const decisionHidden = made.length < MIN_RESPONDENTS;
        return {
          sceneId: decision.sceneId,
          title: decision.title,
          answered: made.length,
          hidden: decisionHidden,
          choices: decisionHidden
            ? []
            : decision.choices.map((choice) => ({
                choiceId: choice.id,
                text: choice.text,
                count: made.filter((m) => m.choiceId === choice.id).length,
              })),
        };
      }),
      ...(hidden ? { strategies: [], singleStrategies: 0 } : strategiesOf(scenario, runs)),
    };
  });
}
