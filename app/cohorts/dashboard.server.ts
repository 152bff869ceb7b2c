/**
 * Loads what a cohort's dashboard shows in a fixed number of queries, whatever the number of
 * learners (7, none of them per learner, and an 8th for a path with a final project): members,
 * lesson progress, path visits, quiz attempts, simulation runs, certificates, first-attempt answers
 * grouped in SQL for item analysis, and final projects.
 */
import { Prisma } from "~/generated/prisma/client.ts";
import { pathLessons, type Path } from "~/courses/catalog.ts";
import { getCatalog, getCompiledLesson, getProject, getQuiz, getScenario } from "~/content/catalog.server.ts";
import { embeddedIds, embeddedScenarioIds } from "~/courses/mdx-usage.ts";
import type { Db } from "~/db/create-db.server.ts";
import { wrongAnswerLabels } from "~/quizzes/grading.server.ts";
import type { Question } from "~/quizzes/quiz-schema.ts";
import type { QuizResponse } from "~/quizzes/quiz-types.ts";
import type { CohortContent, CohortRows } from "./dashboard.ts";
import { lessonTimeInputs } from "~/content/lesson-time.ts";
import { referenceLessonSeconds, requiredActiveSeconds } from "~/courses/time-model.ts";

/** The lessons, quizzes and simulations of a path, as the dashboard needs them. */
export async function cohortContent(path: Path): Promise<CohortContent> {
  const lessons = pathLessons(getCatalog(), path).map(({ lesson }) => lesson);
  const compiled = await Promise.all(lessons.map((lesson) => getCompiledLesson(lesson)));
  const quizIds = [...new Set(compiled.flatMap((lesson) => embeddedIds(lesson.usage, "Quiz")))];
  const scenarioIds = [...new Set(compiled.flatMap((lesson) => embeddedScenarioIds(lesson.usage)))];
  const project = path.finalProject ? getProject(path.finalProject) : undefined;
  return {
    lessons: lessons.map((lesson, index) => ({
      id: lesson.id,
      title: lesson.title,
      minutes: lesson.minutes,
      modelSeconds: referenceLessonSeconds(
        lessonTimeInputs(lesson, compiled[index]!.usage, { quiz: getQuiz, scenario: getScenario, project: getProject }),
      ),
    })),
    requiredActiveSeconds: requiredActiveSeconds(path.nominalMinutes, path.minActiveShare),
    project: project ? { id: project.id, criteria: project.assessment.criteria.length } : null,
    objectives: path.objectives,
    quizzes: quizIds.flatMap((id) => {
      const quiz = getQuiz(id);
      if (!quiz) return [];
      const final = id === path.finalAssessment;
      // A final's questions name the path objective they assess (quiz.objectives, from the YAML tags).
      const questions = quiz.questions.map(({ id: questionId, stem }) => ({
        id: questionId,
        stem,
        objective: final ? (quiz.objectives[questionId] ?? null) : null,
      }));
      return [{ id, title: quiz.title, final, questions }];
    }),
    scenarios: scenarioIds.flatMap((id) => {
      const scenario = getScenario(id);
      if (!scenario) return [];
      return [
        {
          id,
          title: scenario.title,
          endings: scenario.endings.map(({ id, title }) => ({ id, title })),
          decisions: scenario.scenes
            .filter((scene) => scene.kind === "decision")
            .map((scene) => ({ sceneId: scene.id, title: scene.title, choices: scene.choices.map(({ id, text }) => ({ id, text })) })),
          scenes: scenario.scenes.map((scene) => ({
            sceneId: scene.id,
            title: scene.title,
            choices: scene.choices.map(({ id, text }) => ({ id, text })),
          })),
        },
      ];
    }),
  };
}

const parseJson = <T>(text: string, fallback: T): T => {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

type FindQuestion = (quizId: string, questionId: string) => Question | undefined;
const questionInCatalog: FindQuestion = (quizId, questionId) => getQuiz(quizId)?.questions.find((question) => question.id === questionId);

export async function loadCohortRows(
  db: Db,
  cohortId: string,
  pathId: string,
  content: CohortContent,
  findQuestion = questionInCatalog,
): Promise<CohortRows> {
  const inCohort = { cohortMemberships: { some: { cohortId } } };
  const lessonIds = content.lessons.map((lesson) => lesson.id);
  const quizIds = content.quizzes.map((quiz) => quiz.id);
  const scenarioIds = content.scenarios.map((scenario) => scenario.id);

  const [members, lessons, enrollments, attempts, runs, certificates, answerGroups, projects] = await Promise.all([
    db.cohortMember.findMany({
      where: { cohortId },
      orderBy: { joinedAt: "asc" },
      select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    db.lessonProgress.findMany({
      where: { lessonId: { in: lessonIds }, user: inCohort },
      select: { userId: true, lessonId: true, startedAt: true, completedAt: true, activeSeconds: true, lastActiveAt: true },
    }),
    db.pathEnrollment.findMany({ where: { pathId, user: inCohort }, select: { userId: true, lastVisitedAt: true } }),
    quizIds.length === 0
      ? []
      : db.quizAttempt.findMany({
          where: { quizId: { in: quizIds }, user: inCohort },
          select: { userId: true, quizId: true, score: true, startedAt: true, submittedAt: true },
        }),
    scenarioIds.length === 0
      ? []
      : db.simulationRun.findMany({
          where: { scenarioId: { in: scenarioIds }, user: inCohort },
          select: { userId: true, scenarioId: true, choices: true, endingId: true, startedAt: true, updatedAt: true, finishedAt: true },
        }),
    db.certificate.findMany({ where: { pathId, user: inCohort }, select: { userId: true, issuedAt: true, revokedAt: true } }),
    quizIds.length === 0 ? [] : firstAttemptAnswerGroups(db, cohortId, quizIds),
    content.project
      ? db.finalProject.findMany({
          where: { projectId: content.project.id, user: inCohort },
          select: { userId: true, submittedAt: true, updatedAt: true, assessments: { select: { level: true } } },
        })
      : [],
  ]);

  return {
    members: members.map(({ joinedAt, user }) => ({ userId: user.id, name: user.name, email: user.email, joinedAt })),
    lessons,
    enrollments,
    attempts,
    runs: runs.map((run) => ({ ...run, choices: parseJson(run.choices, []) })),
    projects: projects.map((row) => ({
      userId: row.userId,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      levels: row.assessments.map((a) => a.level),
    })),
    certificates: certificates.flatMap((row) =>
      row.userId ? [{ userId: row.userId, issuedAt: row.issuedAt, revokedAt: row.revokedAt }] : [],
    ),
    answerGroups: answerGroups.map((group) => {
      const question = findQuestion(group.quizId, group.questionId);
      const correct = Number(group.correct) === 1;
      const response = parseJson<QuizResponse | null>(group.response, null);
      return {
        quizId: group.quizId,
        questionId: group.questionId,
        correct,
        count: Number(group.count),
        wrongLabels: correct || !question || !response ? [] : wrongAnswerLabels(question, response),
      };
    }),
  };
}

/**
 * Answers of the cohort's first attempts, counted per quiz, question and response by the database.
 * Item analysis reads first attempts only: one answer per learner and question, given before the
 * learner saw any correction. Raw SQL because Prisma's groupBy cannot group by a relation's field
 * (the attempt's quiz); identifiers are quoted, which both SQLite and PostgreSQL accept.
 */
function firstAttemptAnswerGroups(db: Db, cohortId: string, quizIds: string[]) {
  return db.$queryRaw<
    Array<{ quizId: string; questionId: string; response: string; correct: boolean | number | bigint; count: number | bigint }>
  >`
    SELECT t."quizId" AS "quizId", a."questionId" AS "questionId", a."response" AS "response", a."correct" AS "correct", COUNT(*) AS "count"
    FROM "QuizAnswer" a
    JOIN "QuizAttempt" t ON t."id" = a."attemptId"
    JOIN "CohortMember" m ON m."userId" = t."userId" AND m."cohortId" = ${cohortId}
    WHERE t."number" = 1 AND t."quizId" IN (${Prisma.join(quizIds)})
    GROUP BY t."quizId", a."questionId", a."response", a."correct"`;
}
