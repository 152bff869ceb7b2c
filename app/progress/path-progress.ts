/**
 * A learner's progress through a path, computed from their per-lesson progress. Pure: the same
 * numbers on the path page, the dashboard and (later) the trainer's table.
 */

export type LessonStatus = "a-faire" | "en-cours" | "terminee";

interface LessonProgressRecord {
  lessonId: string;
  startedAt: Date | string;
  completedAt: Date | string | null;
  activeSeconds: number;
}

export interface PathProgress {
  /** Share of the path's estimated minutes that completed lessons represent (0–100, rounded down). */
  percent: number;
  completedLessons: number;
  totalLessons: number;
  /** Active time recorded on this path's lessons. */
  activeSeconds: number;
  statuses: Record<string, LessonStatus>;
  /** First lesson, in path order, not yet completed; null when the path is done. */
  resumeLessonId: string | null;
  started: boolean;
  completed: boolean;
}

/**
 * @param lessons the path's lessons in order, with their estimated minutes
 * @param records the learner's progress rows (any lessons; others are ignored)
 */
export function summarizePath(lessons: Array<{ id: string; minutes: number }>, records: LessonProgressRecord[]): PathProgress {
  const byLesson = new Map(records.map((record) => [record.lessonId, record]));
  const statuses: Record<string, LessonStatus> = {};
  let doneMinutes = 0;
  let totalMinutes = 0;
  let completedLessons = 0;
  let activeSeconds = 0;
  let resumeLessonId: string | null = null;
  let started = false;
  for (const lesson of lessons) {
    totalMinutes += lesson.minutes;
    const record = byLesson.get(lesson.id);
    if (record) {
      started = true;
      activeSeconds += record.activeSeconds;
    }
    if (record?.completedAt) {
      statuses[lesson.id] = "terminee";
      completedLessons += 1;
      doneMinutes += lesson.minutes;
    } else {
      statuses[lesson.id] = record ? "en-cours" : "a-faire";
      resumeLessonId ??= lesson.id;
    }
  }
  const percent = totalMinutes === 0 ? 0 : Math.floor((100 * doneMinutes) / totalMinutes);
  return {
    percent,
    completedLessons,
    totalLessons: lessons.length,
    activeSeconds,
    statuses,
    resumeLessonId,
    started,
    completed: lessons.length > 0 && completedLessons === lessons.length,
  };
}
