/**
 * When has a learner completed a path? Pure: the same answer for issuance, the path page's checklist
 * and the trainer's table. A path is complete when every lesson is completed, its final assessment
 * is passed, every simulation it contains has been played to an ending, and enough active time
 * was recorded on its lessons (`minActiveSeconds`: a share of the path's duration, see
 * app/courses/time-model.ts).
 */

export interface PathRequirements {
  lessonIds: string[];
  /** Quiz id of the final assessment; null for a path without one (only drafts, see the checker). */
  finalAssessmentId: string | null;
  scenarioIds: string[];
  /** Groups of simulations offered as a choice (`<SimulationChoice>`): one of each group must be played. */
  scenarioChoices?: string[][];
  /** Final project to submit with its self-assessment (12 h path), if any. */
  finalProjectId?: string | null;
  /** Active time the learner must have recorded on the path's lessons; absent or 0 = none asked. */
  minActiveSeconds?: number;
}

type When = Date | string;

export interface LearnerActivity {
  lessons: Array<{ lessonId: string; startedAt: When; completedAt: When | null; activeSeconds: number }>;
  /** Submitted attempts at the final assessment. */
  attempts: Array<{ quizId: string; startedAt: When; submittedAt: When | null; score: number | null; passed: boolean | null }>;
  runs: Array<{ scenarioId: string; startedAt: When; finishedAt: When | null }>;
  /** When the learner first opened the path, if recorded. */
  enrolledAt?: When | null;
  /** The learner's final project, when the path has one. */
  project?: { createdAt: When; submittedAt: When | null } | null;
}

export type Missing =
  | { kind: "lecon"; lessonId: string }
  | { kind: "evaluation"; quizId: string; state: "a-faire" | "non-reussie" }
  | { kind: "simulation"; scenarioId: string }
  | { kind: "simulation-au-choix"; scenarioIds: string[] }
  | { kind: "projet"; projectId: string; state: "a-faire" | "en-cours" }
  | { kind: "temps"; recordedSeconds: number; requiredSeconds: number };

export type Eligibility =
  | {
      eligible: true;
      /** Earliest activity on the path's lessons, assessment or simulations. */
      firstActivityAt: Date;
      /** When the last requirement was met. */
      completedAt: Date;
      /** Best score at the final assessment (%), or null when the path has none. */
      finalScore: number | null;
      /** Active time recorded on the path's lessons. */
      activeSeconds: number;
    }
  | { eligible: false; missing: Missing[] };

/**
 * The simulation groups of a path's lessons (see `scenarioGroups`) as requirements: single ones
 * must all be played; a choice already met by a simulation required elsewhere is dropped.
 * @example scenarioRequirements([["s0"], ["sa", "sb"], ["sb"]]) // { scenarioIds: ["s0", "sb"], scenarioChoices: [] }
 */
export function scenarioRequirements(groups: string[][]): Pick<PathRequirements, "scenarioIds" | "scenarioChoices"> {
  const scenarioIds = [...new Set(groups.filter((group) => group.length === 1).flat())];
  const seen = new Set<string>();
  const scenarioChoices = groups.filter((group) => {
    const key = [...group].sort().join(" ");
    if (group.length < 2 || group.some((id) => scenarioIds.includes(id)) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { scenarioIds, scenarioChoices };
}

const time = (when: When) => new Date(when).getTime();

export function pathEligibility(requirements: PathRequirements, activity: LearnerActivity): Eligibility {
  const missing: Missing[] = [];
  const metAt: number[] = [];
  const startedAt: number[] = activity.enrolledAt ? [time(activity.enrolledAt)] : [];
  let activeSeconds = 0;

  const lessons = new Map(activity.lessons.map((row) => [row.lessonId, row]));
  for (const lessonId of requirements.lessonIds) {
    const row = lessons.get(lessonId);
    if (row) {
      startedAt.push(time(row.startedAt));
      activeSeconds += row.activeSeconds;
    }
    if (row?.completedAt) metAt.push(time(row.completedAt));
    else missing.push({ kind: "lecon", lessonId });
  }

  let finalScore: number | null = null;
  if (requirements.finalAssessmentId) {
    const attempts = activity.attempts.filter((attempt) => attempt.quizId === requirements.finalAssessmentId);
    for (const attempt of attempts) startedAt.push(time(attempt.startedAt));
    const passing = attempts.filter((attempt) => attempt.submittedAt && attempt.passed);
    if (passing.length === 0) {
      const tried = attempts.some((attempt) => attempt.submittedAt);
      missing.push({ kind: "evaluation", quizId: requirements.finalAssessmentId, state: tried ? "non-reussie" : "a-faire" });
    } else {
      // Met when first passed; later attempts may still raise the score printed.
      metAt.push(Math.min(...passing.map((attempt) => time(attempt.submittedAt!))));
      finalScore = Math.max(...passing.map((attempt) => attempt.score ?? 0));
    }
  }

  const groups = [...requirements.scenarioIds.map((id) => [id]), ...(requirements.scenarioChoices ?? [])];
  for (const group of groups) {
    const runs = activity.runs.filter((run) => group.includes(run.scenarioId));
    for (const run of runs) startedAt.push(time(run.startedAt));
    const finished = runs.filter((run) => run.finishedAt).map((run) => time(run.finishedAt!));
    if (finished.length > 0) metAt.push(Math.min(...finished));
    else if (group.length === 1) missing.push({ kind: "simulation", scenarioId: group[0]! });
    else missing.push({ kind: "simulation-au-choix", scenarioIds: group });
  }

  if (requirements.finalProjectId) {
    const project = activity.project;
    if (project) startedAt.push(time(project.createdAt));
    if (project?.submittedAt) metAt.push(time(project.submittedAt));
    else missing.push({ kind: "projet", projectId: requirements.finalProjectId, state: project ? "en-cours" : "a-faire" });
  }

  // Last in the checklist: time is what one builds up while doing everything above.
  const requiredSeconds = requirements.minActiveSeconds ?? 0;
  if (activeSeconds < requiredSeconds) missing.push({ kind: "temps", recordedSeconds: activeSeconds, requiredSeconds });

  if (missing.length > 0 || requirements.lessonIds.length === 0) return { eligible: false, missing };
  return {
    eligible: true,
    firstActivityAt: new Date(Math.min(...startedAt)),
    completedAt: new Date(Math.max(...metAt)),
    finalScore,
    activeSeconds,
  };
}
