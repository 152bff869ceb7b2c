/**
 * The time model's figures for `npm run courses:check`: per lesson, the model beside the declared
 * `minutes`; per path, the totals, the least time to mark every lesson done, and the active time its
 * certificate asks for. Printed, never failing: aligning the content is another task.
 */
import { pathLessons, type Catalog } from "./catalog.ts";
import { AUDIENCES, type Audience } from "./course-schema.ts";
import {
  lessonTime,
  minimumSecondsToComplete,
  pathTime,
  requiredActiveSeconds,
  DEFAULT_MIN_ACTIVE_SHARE,
  type LessonTimeInputs,
} from "./time-model.ts";
import { formatDuration } from "~/utils/format.ts";

interface LessonTimeRow {
  lessonId: string;
  declaredMinutes: number;
  /** Model minutes for the profile reading the least and the one reading the most. */
  modelMinutes: { least: number; most: number };
  readingMinutes: number;
  activityMinutes: number;
  projectMinutes: number;
  /** Least time before « J'ai terminé » is accepted, for the profile reading the least. */
  minimumMinutes: number;
}

interface PathTimeRow {
  pathId: string;
  nominalMinutes: number;
  declaredMinutes: number;
  modelMinutes: { least: number; most: number };
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

export function buildTimeReport(catalog: Catalog, inputs: Map<string, LessonTimeInputs>): TimeReport {
  const lessons: LessonTimeRow[] = [];
  for (const lesson of catalog.lessons) {
    const lessonInputs = inputs.get(lesson.id);
    if (!lessonInputs) continue;
    const times = perProfile((audience) => lessonTime(lessonInputs, audience)).sort((a, b) => a.totalSeconds - b.totalSeconds);
    const least = times[0]!;
    lessons.push({
      lessonId: lesson.id,
      declaredMinutes: lesson.minutes,
      modelMinutes: { least: minutes(least.totalSeconds), most: minutes(times.at(-1)!.totalSeconds) },
      readingMinutes: minutes(least.readingSeconds),
      activityMinutes: minutes(least.activitySeconds),
      projectMinutes: minutes(least.projectSeconds),
      minimumMinutes: minutes(minimumSecondsToComplete(least)),
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
      nominalMinutes: path.nominalMinutes,
      declaredMinutes: entries.reduce((sum, entry) => sum + entry.lesson.minutes, 0),
      modelMinutes: { least: minutes(times[0]!.totalSeconds), most: minutes(times.at(-1)!.totalSeconds) },
      minimumMinutes: minutes(Math.min(...times.map((time) => time.minimumSeconds))),
      share,
      requiredActiveMinutes: minutes(requiredActiveSeconds(path.nominalMinutes, path.minActiveShare)),
    };
  });
  return { lessons, paths };
}

const range = ({ least, most }: { least: number; most: number }) => (least === most ? `${least}` : `${least}–${most}`);
const duration = (minutesValue: number) => formatDuration(minutesValue * 60);

/** The lines printed by `npm run courses:check`. */
export function formatTimeTable(report: TimeReport): string[] {
  const lines = [
    "leçon                déclarée  modèle (selon le profil)  dont lecture · activités · projet  minimum pour « terminée »",
  ];
  for (const row of report.lessons) {
    const gap = row.modelMinutes.least > row.declaredMinutes * 1.5 || row.modelMinutes.most < row.declaredMinutes / 1.5 ? "  ≠" : "";
    lines.push(
      `${row.lessonId.padEnd(20)} ${`${row.declaredMinutes} min`.padStart(8)}  ${`${range(row.modelMinutes)} min`.padStart(24)}  ${`${row.readingMinutes} · ${row.activityMinutes} · ${row.projectMinutes} min`.padStart(33)}  ${`${row.minimumMinutes} min`.padStart(8)}${gap}`,
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
