/** The time model (time-model.ts) of a lesson of the running app's catalogue, for one reader. */
import type { Audience } from "~/courses/course-schema.ts";
import type { Lesson } from "~/courses/catalog.ts";
import { getCompiledLesson, getProject, getQuiz, getScenario } from "./catalog.server.ts";
import type { CompiledLesson } from "~/courses/compile-lesson.server.ts";
import { lessonTimeInputs, type TimeLookups } from "./lesson-time.ts";
import { lessonTime, minimumSecondsToComplete, type LessonTime } from "~/courses/time-model.ts";

const lookups: TimeLookups = { quiz: getQuiz, scenario: getScenario, project: getProject };

export async function lessonTimeOf(
  lesson: Lesson,
  audience: Audience | null,
  compiled?: CompiledLesson,
): Promise<LessonTime & { minimumSeconds: number }> {
  const usage = (compiled ?? (await getCompiledLesson(lesson))).usage;
  const time = lessonTime(lessonTimeInputs(lesson, usage, lookups), audience);
  return { ...time, minimumSeconds: minimumSecondsToComplete(time) };
}
