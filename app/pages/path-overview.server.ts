/** Paths as cards and as a detailed outline, with the learner's progress when signed in. */
import { embeddedIds } from "~/courses/mdx-usage.ts";
import type { Db } from "~/db/create-db.server.ts";
import { getLessonProgress, type getEnrollments } from "~/progress/progress.server.ts";
import { summarizePath, type PathProgress } from "~/progress/path-progress.ts";
import { bestResults } from "~/quizzes/quiz-attempts.server.ts";
import {
  draftPaths,
  findLesson,
  lessonUrl,
  pathLessons,
  pathMinutes,
  publishedPaths,
  type Catalog,
  type Lesson,
  type Path,
} from "~/courses/catalog.ts";
import { getCompiledLesson, getQuiz } from "~/content/catalog.server.ts";
import { requiredActiveSeconds } from "~/courses/time-model.ts";

type ProgressRows = Awaited<ReturnType<typeof getLessonProgress>>;

function progressCard(catalog: Catalog, path: Path, rows: ProgressRows | null) {
  const lessons = pathLessons(catalog, path).map(({ lesson }) => lesson);
  const summary: PathProgress | null = rows ? summarizePath(lessons, rows) : null;
  const resume = summary?.resumeLessonId ? findLesson(catalog, summary.resumeLessonId) : lessons[0];
  return {
    id: path.id,
    slug: path.slug,
    title: path.title,
    summary: path.summary,
    suits: path.suits,
    nominalMinutes: path.nominalMinutes,
    estimatedMinutes: pathMinutes(catalog, path),
    /** Active time the certificate asks for (a share of the duration, time-model.ts). */
    requiredActiveSeconds: requiredActiveSeconds(path.nominalMinutes, path.minActiveShare),
    lessonCount: lessons.length,
    objectives: path.objectives,
    progress: summary
      ? { percent: summary.percent, started: summary.started, completed: summary.completed, activeSeconds: summary.activeSeconds }
      : null,
    resumeUrl: resume ? lessonUrl(path, resume) : `/parcours/${path.slug}`,
  };
}

export type PathCard = ReturnType<typeof progressCard>;

export async function loadPathCards(catalog: Catalog, db: Db, userId: string | null) {
  const rows = userId ? await getLessonProgress(db, userId) : null;
  return {
    published: publishedPaths(catalog).map((path) => progressCard(catalog, path, rows)),
    upcoming: draftPaths(catalog).map((path) => ({
      id: path.id,
      title: path.title,
      nominalMinutes: path.nominalMinutes,
      summary: path.summary,
    })),
  };
}

/** The dashboard's « Mes parcours »: started paths, most recently visited first. */
export async function loadStartedPaths(catalog: Catalog, db: Db, userId: string, enrollments: Awaited<ReturnType<typeof getEnrollments>>) {
  const rows = await getLessonProgress(db, userId);
  return enrollments.flatMap((enrollment) => {
    const path = catalog.paths.find((candidate) => candidate.id === enrollment.pathId);
    if (!path) return [];
    return [{ ...progressCard(catalog, path, rows), lastVisitedAt: new Date(enrollment.lastVisitedAt).toISOString() }];
  });
}

/** The quizzes each lesson contains (from its compiled MDX), by lesson id. */
async function quizzesByLesson(lessons: Lesson[]): Promise<Map<string, Array<{ id: string; title: string }>>> {
  const result = new Map<string, Array<{ id: string; title: string }>>();
  await Promise.all(
    lessons.map(async (lesson) => {
      const compiled = await getCompiledLesson(lesson);
      const ids = embeddedIds(compiled.usage, "Quiz");
      result.set(
        lesson.id,
        ids.flatMap((id) => (getQuiz(id) ? [{ id, title: getQuiz(id)!.title }] : [])),
      );
    }),
  );
  return result;
}

/** The path page: modules and lessons with each lesson's status, and its quizzes', for this learner. */
export async function loadPathOutline(catalog: Catalog, db: Db, path: Path, userId: string | null) {
  const entries = pathLessons(catalog, path);
  const quizzes = await quizzesByLesson(entries.map(({ lesson }) => lesson));
  const allQuizIds = [...quizzes.values()].flat().map((quiz) => quiz.id);
  const [rows, best] = userId
    ? await Promise.all([
        getLessonProgress(
          db,
          userId,
          entries.map(({ lesson }) => lesson.id),
        ),
        bestResults(db, userId, allQuizIds),
      ])
    : [null, null];
  const card = progressCard(catalog, path, rows);
  const summary = rows
    ? summarizePath(
        entries.map(({ lesson }) => lesson),
        rows,
      )
    : null;
  const modules = path.modules.flatMap((moduleId, index) => {
    const inModule = entries.filter((entry) => entry.module.id === moduleId);
    if (inModule.length === 0) return [];
    return [
      {
        id: moduleId,
        number: index + 1,
        title: inModule[0]!.module.title,
        minutes: inModule.reduce((total, { lesson }) => total + lesson.minutes, 0),
        lessons: inModule.map(({ lesson }) => ({
          id: lesson.id,
          title: lesson.title,
          summary: lesson.summary,
          minutes: lesson.minutes,
          url: lessonUrl(path, lesson),
          status: summary?.statuses[lesson.id] ?? null,
          quizzes: (quizzes.get(lesson.id) ?? []).map((quiz) => ({ ...quiz, best: best?.get(quiz.id) ?? null })),
        })),
      },
    ];
  });
  return { ...card, draft: path.draft, modules };
}
