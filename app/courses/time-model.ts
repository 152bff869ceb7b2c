/**
 * How long a lesson takes, from what is in it: the time model of issue 16 (« du temps qui soit
 * réel »). Pure and client-safe. One model serves three purposes:
 * - `npm run courses:check` prints it beside each lesson's declared `minutes`;
 * - a lesson can be marked done only after a share of it (MINIMUM_SHARE_TO_COMPLETE);
 * - trainers compare a learner's recorded time with it.
 * A path's certificate asks for recorded active time against the path's duration
 * (DEFAULT_MIN_ACTIVE_SHARE, or the path's `minActiveShare`).
 */
import type { Audience } from "./course-schema.ts";

/**
 * Dense French prose read on a phone: 180 words per minute. Adult silent reading of French is
 * usually put at 200–250 words per minute on paper; definitions, figures and a small screen slow it.
 */
export const READING_WORDS_PER_MINUTE = 180;
/** A reflection prompt: reading it, thinking, and typing two or three sentences on a phone. */
const SECONDS_PER_REFLECTION = 120;
/** A quiz question: reading the question and its options, answering, reading the feedback. */
const SECONDS_PER_QUIZ_QUESTION = 45;
/** A simulation scene: reading the situation and the options, choosing, reading the consequence. */
export const SECONDS_PER_SCENARIO_DECISION = 60;
/** A field of the final project: a paragraph or two about one's own organisation, thought out and typed. */
const SECONDS_PER_PROJECT_FIELD = 5 * 60;

/**
 * A lesson can be marked done after a quarter of its model time (reading and on-page activities;
 * the final project is written on its own pages and checked by its own submission), and never less
 * than a minute. A quarter lets a fast reader or someone revising go on; it stops a click-through.
 */
const MINIMUM_SHARE_TO_COMPLETE = 0.25;
const MINIMUM_SECONDS_TO_COMPLETE = 60;

/**
 * A certificate asks for recorded active time of at least half the path's duration (1 h → 30 min,
 * 4 h → 2 h, 12 h → 6 h). Active time is counted only while a lesson page is visible and used, so
 * half leaves room for what the ledger does not see (a pause to think, the project written away
 * from the lesson pages) while a certificate still means hours spent, not seconds.
 * A path may set its own share (`minActiveShare` in its YAML).
 */
export const DEFAULT_MIN_ACTIVE_SHARE = 0.5;

/** What the model counts in a lesson, as read from its compiled MDX and the files it embeds. */
export interface LessonTimeInputs {
  /** Words every reader sees (title, summary, objectives, body outside per-profile passages). */
  commonWords: number;
  /** Words of the per-profile passages (`<ForProfile profile>`), per profile. */
  profileWords: Partial<Record<Audience, number>>;
  reflections: number;
  /** Questions of one attempt of each embedded quiz, summed. */
  quizQuestions: number;
  /** Scenes of the shortest run of each embedded simulation, summed (a choice counts its shortest). */
  scenarioDecisions: number;
  /** Fields of each final project the lesson embeds (project id → fields): a path counts a project once. */
  projectFields: Record<string, number>;
}

export interface LessonTime {
  readingSeconds: number;
  /** Reflections, quizzes and simulations on the lesson page. */
  activitySeconds: number;
  /** The final project, written on its own pages. */
  projectSeconds: number;
  totalSeconds: number;
}

/**
 * The words one reader sees: the common text plus their profile's passages; a reader without a
 * profile (null: anonymous or « autre ») sees every passage open.
 */
export function wordsFor(inputs: Pick<LessonTimeInputs, "commonWords" | "profileWords">, audience: Audience | null): number {
  const passages = Object.entries(inputs.profileWords) as Array<[Audience, number]>;
  const extra = audience === null ? passages.reduce((sum, [, words]) => sum + words, 0) : (inputs.profileWords[audience] ?? 0);
  return inputs.commonWords + extra;
}

/** @example lessonTime({ commonWords: 1800, profileWords: {}, reflections: 1, quizQuestions: 4, scenarioDecisions: 0, projectFields: {} }, null).totalSeconds // 600 + 120 + 180 = 900 */
export function lessonTime(inputs: LessonTimeInputs, audience: Audience | null): LessonTime {
  const readingSeconds = Math.round((wordsFor(inputs, audience) / READING_WORDS_PER_MINUTE) * 60);
  const activitySeconds =
    inputs.reflections * SECONDS_PER_REFLECTION +
    inputs.quizQuestions * SECONDS_PER_QUIZ_QUESTION +
    inputs.scenarioDecisions * SECONDS_PER_SCENARIO_DECISION;
  const projectSeconds = Object.values(inputs.projectFields).reduce((sum, fields) => sum + fields, 0) * SECONDS_PER_PROJECT_FIELD;
  return { readingSeconds, activitySeconds, projectSeconds, totalSeconds: readingSeconds + activitySeconds + projectSeconds };
}

/**
 * The model of a lesson when the reader's profile is unknown (a trainer's table): the profile that
 * reads the least, on-page time only (reading and activities; the project is written elsewhere).
 */
export function referenceLessonSeconds(inputs: LessonTimeInputs): number {
  return Math.min(
    ...(["etudiant", "elu", "agent", "formateur"] as const).map((audience) => {
      const time = lessonTime(inputs, audience);
      return time.readingSeconds + time.activitySeconds;
    }),
  );
}

/** A path's model: its lessons' times, each final project counted once however many lessons embed it. */
export function pathTime(lessons: LessonTimeInputs[], audience: Audience | null): LessonTime & { minimumSeconds: number } {
  const total = { readingSeconds: 0, activitySeconds: 0, projectSeconds: 0, totalSeconds: 0, minimumSeconds: 0 };
  const projects = new Map<string, number>();
  for (const inputs of lessons) {
    const time = lessonTime({ ...inputs, projectFields: {} }, audience);
    total.readingSeconds += time.readingSeconds;
    total.activitySeconds += time.activitySeconds;
    total.minimumSeconds += minimumSecondsToComplete(time);
    for (const [id, fields] of Object.entries(inputs.projectFields)) projects.set(id, fields);
  }
  total.projectSeconds = [...projects.values()].reduce((sum, fields) => sum + fields, 0) * SECONDS_PER_PROJECT_FIELD;
  total.totalSeconds = total.readingSeconds + total.activitySeconds + total.projectSeconds;
  return total;
}

/**
 * The least time on a lesson before it can be marked done, in whole minutes (the message says
 * « au moins 3 min », so the rule is what the message says).
 * @example minimumSecondsToComplete({ readingSeconds: 600, activitySeconds: 120, projectSeconds: 3600, totalSeconds: 4320 }) // 180
 */
export function minimumSecondsToComplete(time: LessonTime): number {
  const share = (time.readingSeconds + time.activitySeconds) * MINIMUM_SHARE_TO_COMPLETE;
  return Math.max(MINIMUM_SECONDS_TO_COMPLETE, Math.ceil(share / 60) * 60);
}

/** Active seconds a path's certificate asks for. @example requiredActiveSeconds(720, undefined) // 21600 (6 h) */
export function requiredActiveSeconds(nominalMinutes: number, minActiveShare: number | undefined): number {
  return Math.round(nominalMinutes * 60 * (minActiveShare ?? DEFAULT_MIN_ACTIVE_SHARE));
}

/**
 * Words in a text, split on spaces: « l'ODD 17 » counts two, « c'est-à-dire » one; punctuation
 * alone (« : », « — ») is not a word.
 */
export function countWords(text: string): number {
  return text.split(/[\s\u00a0\u202f]+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
