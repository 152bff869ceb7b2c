/**
 * The time model's figures for `npm run courses:check`: per lesson, the model beside the declared
 * `minutes`; per path, the totals, the least time to mark every lesson done, and the active time its
 * certificate asks for. `timeProblems` turns the gaps into checker problems: a lesson's declared
 * minutes within LESSON_TOLERANCE of its model, a path's model within PATH_TOLERANCE of its
 * nominal duration (issue 19: « des durées que le modèle confirme »).
 */
import { pathLessons, type Catalog } from "./catalog.ts";
import { AUDIENCES, type Audience } from "./course-schema.ts";
import {
  lessonTime,
  minimumSecondsToComplete,
  pathTime,
  wordsFor,
  requiredActiveSeconds,
  DEFAULT_MIN_ACTIVE_SHARE,
  type LessonTimeInputs,
} from "./time-model.ts";
import { formatDuration } from "~/utils/format.ts";

/** A lesson's declared minutes may differ from its model by 15 % at most, for every profile. */
export const LESSON_TOLERANCE = 0.15;
/** A path's model may differ from its nominal duration (60, 240, 720 min) by 10 % at most. */
export const PATH_TOLERANCE = 0.1;

interface LessonTimeRow {
  lessonId: string;
  file: string;
  declaredMinutes: number;
  /** Model minutes for the profile reading the least and the one reading the most. */
  modelMinutes: { least: number; most: number };
  /** The same, unrounded (the rule compares these). */
  modelSeconds: { least: number; most: number };
  /** What the profile reading the least meets: words, reflections, quiz questions, simulation decisions. */
  counts: { words: number; reflections: number; quizQuestions: number; scenarioDecisions: number };
  readingMinutes: number;
  activityMinutes: number;
  projectMinutes: number;
  /** Least time before « J'ai terminé » is accepted, for the profile reading the least. */
  minimumMinutes: number;
}

interface PathTimeRow {
  pathId: string;
  file: string;
  draft: boolean;
  nominalMinutes: number;
  declaredMinutes: number;
  modelMinutes: { least: number; most: number };
  modelSeconds: { least: number; most: number };
  /** Sum of the lessons' minimum times (profile reading the least). */
  minimumMinutes: number;
  share: number;
  requiredActiveMinutes: number;
}

export interface TimeReport {
  lessons: LessonTimeRow[];
  paths: PathTimeRow[];
}

const minutes = (seconds: number) => Math.round(seconds / 60);

/** Per profile, the model of a lesson; a lesson's declared audiences do not narrow who reads it. */
function perProfile<T>(compute: (audience: Audience) => T): T[] {
  return AUDIENCES.map((audience) => compute(audience));
}

/**
 * The lesson where each final project's writing time is counted: the first lesson, in path order,
 * that embeds it (the lessons after it show the same project to assess or finish it).
 */
function projectHomes(catalog: Catalog, inputs: Map<string, LessonTimeInputs>): Map<string, string> {
  const homes = new Map<string, string>();
  for (const path of catalog.paths) {
    for (const { lesson } of pathLessons(catalog, path)) {
      for (const projectId of Object.keys(inputs.get(lesson.id)?.projectFields ?? {})) {
        if (!homes.has(projectId)) homes.set(projectId, lesson.id);
      }
    }
  }
  return homes;
}

export function buildTimeReport(catalog: Catalog, inputs: Map<string, LessonTimeInputs>): TimeReport {
  const homes = projectHomes(catalog, inputs);
  const lessons: LessonTimeRow[] = [];
  for (const lesson of catalog.lessons) {
    const found = inputs.get(lesson.id);
    if (!found) continue;
    const ownProjects = Object.entries(found.projectFields).filter(([projectId]) => homes.get(projectId) === lesson.id);
    const lessonInputs = { ...found, projectFields: Object.fromEntries(ownProjects) };
    const times = perProfile((audience) => ({ audience, time: lessonTime(lessonInputs, audience) })).sort(
      (a, b) => a.time.totalSeconds - b.time.totalSeconds,
    );
    const least = times[0]!;
    const most = times.at(-1)!;
    lessons.push({
      lessonId: lesson.id,
      file: lesson.file,
      declaredMinutes: lesson.minutes,
      modelMinutes: { least: minutes(least.time.totalSeconds), most: minutes(most.time.totalSeconds) },
      modelSeconds: { least: least.time.totalSeconds, most: most.time.totalSeconds },
      counts: {
        words: wordsFor(lessonInputs, least.audience),
        reflections: lessonInputs.reflections,
        quizQuestions: lessonInputs.quizQuestions,
        scenarioDecisions: lessonInputs.scenarioDecisions,
      },
      readingMinutes: minutes(least.time.readingSeconds),
      activityMinutes: minutes(least.time.activitySeconds),
      projectMinutes: minutes(least.time.projectSeconds),
      minimumMinutes: minutes(minimumSecondsToComplete(least.time)),
    });
  }
  const paths = catalog.paths.map((path) => {
    const entries = pathLessons(catalog, path).flatMap(({ lesson }) => {
      const found = inputs.get(lesson.id);
      return found ? [{ lesson, inputs: found }] : [];
    });
    const times = perProfile((audience) => pathTime(entries.map((entry) => entry.inputs), audience)).sort((a, b) => a.totalSeconds - b.totalSeconds);
    const share = path.minActiveShare ?? DEFAULT_MIN_ACTIVE_SHARE;
    return {
      pathId: path.id,
      file: path.file,
      draft: path.draft ?? false,
      nominalMinutes: path.nominalMinutes,
      declaredMinutes: entries.reduce((sum, entry) => sum + entry.lesson.minutes, 0),
      modelMinutes: { least: minutes(times[0]!.totalSeconds), most: minutes(times.at(-1)!.totalSeconds) },
      modelSeconds: { least: times[0]!.totalSeconds, most: times.at(-1)!.totalSeconds },
      minimumMinutes: minutes(Math.min(...times.map((time) => time.minimumSeconds))),
      share,
      requiredActiveMinutes: minutes(requiredActiveSeconds(path.nominalMinutes, path.minActiveShare)),
    };
  });
  return { lessons, paths };
}

/** True when every profile's model lies within `tolerance` of `reference` minutes. */
function withinTolerance(modelSeconds: { least: number; most: number }, referenceMinutes: number, tolerance: number): boolean {
  return modelSeconds.least >= referenceMinutes * 60 * (1 - tolerance) && modelSeconds.most <= referenceMinutes * 60 * (1 + tolerance);
}

/** Lessons whose declared minutes the model does not confirm, and paths whose model misses their nominal duration. */
export function timeProblems(report: TimeReport): Array<{ file: string; message: string }> {
  const problems: Array<{ file: string; message: string }> = [];
  for (const row of report.lessons) {
    if (withinTolerance(row.modelSeconds, row.declaredMinutes, LESSON_TOLERANCE)) continue;
    const low = Math.ceil(row.modelSeconds.most / 60 / (1 + LESSON_TOLERANCE));
    const high = Math.floor(row.modelSeconds.least / 60 / (1 - LESSON_TOLERANCE));
    const fix =
      low > high
        ? "aucune durée entière ne tombe à 15 % du modèle pour chaque profil : ajustez le contenu"
        : `déclarez ${low === high ? `${low} min` : `de ${low} à ${high} min`}, ou ajustez le contenu`;
    problems.push({
      file: row.file,
      message:
        `${row.lessonId} déclare ${row.declaredMinutes} min, le modèle en donne ${range(row.modelMinutes)} ` +
        `(${row.counts.words} mots, ${row.counts.reflections} réflexion(s), ${row.counts.quizQuestions} question(s), ` +
        `${row.counts.scenarioDecisions} décision(s)${row.projectMinutes > 0 ? `, projet ${row.projectMinutes} min` : ""}) : ` +
        `écart de plus de ${Math.round(LESSON_TOLERANCE * 100)} % ; ${fix}`,
    });
  }
  for (const row of report.paths) {
    if (row.draft || withinTolerance(row.modelSeconds, row.nominalMinutes, PATH_TOLERANCE)) continue;
    problems.push({
      file: row.file,
      message:
        `${row.pathId} : le modèle donne ${range(row.modelMinutes)} min pour une durée annoncée de ${row.nominalMinutes} min ` +
        `(± ${Math.round(PATH_TOLERANCE * 100)} % : ${Math.round(row.nominalMinutes * (1 - PATH_TOLERANCE))}–${Math.round(row.nominalMinutes * (1 + PATH_TOLERANCE))} min) ; ` +
        "coupez ou déplacez du contenu plutôt que de changer le rythme de lecture",
    });
  }
  return problems;
}

const range = ({ least, most }: { least: number; most: number }) => (least === most ? `${least}` : `${least}–${most}`);
const duration = (minutesValue: number) => formatDuration(minutesValue * 60);

/** The lines printed by `npm run courses:check`. */
export function formatTimeTable(report: TimeReport): string[] {
  const lines = [
    "leçon                déclarée  modèle (selon le profil)  dont lecture · activités · projet  minimum pour « terminée »  mots · réflexions · questions · décisions",
  ];
  for (const row of report.lessons) {
    const gap = withinTolerance(row.modelSeconds, row.declaredMinutes, LESSON_TOLERANCE) ? "  " : "≠ ";
    const { words, reflections, quizQuestions, scenarioDecisions } = row.counts;
    lines.push(
      `${row.lessonId.padEnd(20)} ${`${row.declaredMinutes} min`.padStart(8)}  ${`${range(row.modelMinutes)} min`.padStart(24)}  ${`${row.readingMinutes} · ${row.activityMinutes} · ${row.projectMinutes} min`.padStart(33)}  ${`${row.minimumMinutes} min`.padStart(25)}  ${gap}${words} · ${reflections} · ${quizQuestions} · ${scenarioDecisions}`,
    );
  }
  lines.push("");
  for (const row of report.paths) {
    lines.push(
      `${row.pathId} : durée annoncée ${duration(row.nominalMinutes)}, leçons déclarées ${duration(row.declaredMinutes)}, modèle ${duration(row.modelMinutes.least)}` +
        `${row.modelMinutes.least === row.modelMinutes.most ? "" : ` à ${duration(row.modelMinutes.most)}`} ; ` +
        `minimum pour marquer toutes les leçons terminées ${duration(row.minimumMinutes)} ; ` +
        `temps d'activité exigé pour l'attestation ${duration(row.requiredActiveMinutes)} (${Math.round(row.share * 100)} %)`,
    );
  }
  return lines;
}
