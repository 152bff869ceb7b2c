/**
 * A realistic database for the load benchmark, written in bulk: learners on all three paths with
 * lessons done in order, their active-time ledger, quiz attempts with answers, simulation runs,
 * trainers and cohorts. Rows are generated in memory and inserted with createMany in batches, so
 * 10,000 learners take a minute rather than an hour. Deterministic for a given seed.
 */
import { randomBytes } from "node:crypto";
import { pathLessons, type Path } from "~/courses/catalog.ts";
import { getCatalog, getCompiledLesson, getQuiz } from "~/content/catalog.server.ts";
import { embeddedIds } from "~/courses/mdx-usage.ts";
import { openBulkWriter } from "./bulk-insert.ts";
import { seededRandom } from "../../prisma/demo/synthetic-activity.ts";

const id = () => `b${randomBytes(12).toString("hex")}`;
const DAY = 86_400_000;

export interface LargeSeed {
  learners: number;
  cohorts: number;
  rows: number;
  seconds: number;
  /** Learners with a session the benchmark can use (cookie value = session id). */
  sessions: Array<{ userId: string; sessionId: string }>;
}

export async function seedLarge(
  databaseUrl: string,
  { learners = 10_000, cohorts = 300, sessions = 300, seed = 17 } = {},
): Promise<LargeSeed> {
  const started = performance.now();
  const random = seededRandom(seed);
  const catalog = getCatalog();
  const paths = ["parcours-1h", "parcours-4h", "parcours-12h"].map((pathId) => catalog.paths.find((p) => p.id === pathId)!) as Path[];
  const plans = await Promise.all(
    paths.map(async (path) => ({
      path,
      lessons: await Promise.all(
        pathLessons(catalog, path).map(async ({ lesson }) => ({
          lesson,
          quizIds: embeddedIds((await getCompiledLesson(lesson)).usage, "Quiz"),
        })),
      ),
    })),
  );
  const now = Date.now();
  const hash = "$argon2id$v=19$m=19456,t=2,p=1$YmVuY2hzYWx0YmVuY2g$banc-d-essai-sans-mot-de-passe"; // nobody signs in with it

  const users = [],
    progress = [],
    ledger = [],
    attempts = [],
    answers = [],
    enrollments = [],
    members = [],
    sessionRows = [];
  const stamp = new Date(now);
  const trainers = Array.from({ length: Math.ceil(cohorts / 3) }, (_, i) => ({
    id: id(),
    name: `Formateur·rice ${i + 1}`,
    email: `banc.formateur.${i}@exemple.fr`,
    profile: "TRAINER",
    role: "TRAINER",
    createdAt: stamp,
    updatedAt: stamp,
  }));
  const cohortRows = Array.from({ length: cohorts }, (_, i) => ({
    id: id(),
    trainerId: trainers[i % trainers.length]!.id,
    name: `Cohorte ${i + 1}`,
    pathId: paths[i % 3]!.id,
    joinCode: randomBytes(5)
      .toString("hex")
      .toUpperCase()
      .slice(0, 8)
      .replace(/[ILOU]/g, "X"),
    createdAt: stamp,
    updatedAt: stamp,
  }));
  for (let n = 0; n < learners; n += 1) {
    const userId = id();
    users.push({
      id: userId,
      name: `Apprenant·e ${n + 1}`,
      email: `banc.${n}@exemple.fr`,
      profile: ["STUDENT", "ELECTED_OFFICIAL", "CIVIL_SERVANT", "OTHER"][n % 4]!,
      role: "LEARNER",
      createdAt: stamp,
      updatedAt: stamp,
    });
    const plan = plans[random() < 0.4 ? 0 : random() < 0.67 ? 1 : 2]!;
    const done = Math.floor(plan.lessons.length * random() ** 0.8);
    const start = now - (10 + random() * 60) * DAY;
    const touched = Math.min(plan.lessons.length, done + 1);
    for (let i = 0; i < touched; i += 1) {
      const { lesson, quizIds } = plan.lessons[i]!;
      const at = new Date(start + i * (random() * DAY));
      // The ledger is kept coarse (a few entries per lesson) so that seeding stays fast; the running
      // total equals its sum, as the app keeps it.
      const beats = Math.max(1, Math.round((lesson.minutes * 60 * (0.5 + random())) / 15));
      const entries = Math.min(beats, 3);
      for (let b = 0; b < entries; b += 1) {
        const seconds = b < entries - 1 ? Math.floor(beats / entries) * 15 : (beats - Math.floor(beats / entries) * (entries - 1)) * 15;
        ledger.push({
          id: id(),
          userId,
          lessonId: lesson.id,
          pathId: plan.path.id,
          receivedAt: new Date(at.getTime() + b * 60_000),
          seconds,
        });
      }
      progress.push({
        id: id(),
        userId,
        lessonId: lesson.id,
        startedAt: at,
        completedAt: i < done ? new Date(at.getTime() + beats * 15_000) : null,
        activeSeconds: beats * 15,
        lastActiveAt: new Date(at.getTime() + beats * 15_000),
      });
      if (i >= done) continue;
      for (const quizId of quizIds) {
        const quiz = getQuiz(quizId);
        if (!quiz) continue;
        const attemptId = id();
        const questions = quiz.draw ? quiz.questions.slice(0, quiz.draw) : quiz.questions;
        let sum = 0;
        for (const question of questions) {
          const correct = random() < 0.75;
          sum += correct ? 1 : 0;
          answers.push({
            id: id(),
            attemptId,
            questionId: question.id,
            response: correct ? '{"value":true}' : '{"value":false}',
            score: correct ? 1 : 0,
            correct,
            answeredAt: at,
          });
        }
        const score = Math.round((sum / Math.max(1, questions.length)) * 100);
        attempts.push({
          id: attemptId,
          userId,
          quizId,
          number: 1,
          layout: "[]",
          startedAt: at,
          submittedAt: at,
          score,
          passed: score >= quiz.passMark,
        });
      }
    }
    enrollments.push({
      id: id(),
      userId,
      pathId: plan.path.id,
      startedAt: new Date(start),
      lastLessonId: plan.lessons[touched - 1]!.lesson.id,
      lastVisitedAt: new Date(now - random() * 10 * DAY),
    });
    const cohort = cohortRows[n % cohorts]!;
    members.push({ id: id(), cohortId: cohort.id, userId, joinedAt: new Date(start) });
    if (n < sessions)
      sessionRows.push({ id: randomBytes(25).toString("hex"), userId, expiresAt: new Date(now + 30 * DAY), createdAt: stamp });
  }
  const writer = await openBulkWriter(databaseUrl);
  let rows = 0;
  try {
    rows += await writer.insert("User", [...trainers, ...users]);
    rows += await writer.insert(
      "Password",
      users.slice(0, sessions).map((u) => ({ userId: u.id, hash })),
    );
    rows += await writer.insert("Cohort", cohortRows);
    rows += await writer.insert("CohortMember", members);
    rows += await writer.insert("PathEnrollment", enrollments);
    rows += await writer.insert("LessonProgress", progress);
    rows += await writer.insert("ActiveTimeEntry", ledger);
    rows += await writer.insert("QuizAttempt", attempts);
    rows += await writer.insert("QuizAnswer", answers);
    rows += await writer.insert("Session", sessionRows);
  } finally {
    await writer.close();
  }
  return {
    learners,
    cohorts,
    rows,
    seconds: (performance.now() - started) / 1000,
    sessions: sessionRows.map((s) => ({ userId: s.userId, sessionId: s.id })),
  };
}
