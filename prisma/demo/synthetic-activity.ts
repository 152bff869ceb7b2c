/**
 * Realistic activity for made-up learners on a real path of courses/: lessons completed in order
 * over past days, quiz attempts answered question by question (graded by the real grader), and
 * simulations played to an ending through the real scenario machine. Used by the demo seed
 * (`npm run db:seed`) and the cohort benchmark. Rows are written with their past dates.
 */
import { createActor } from "xstate";
import { pathRequirements } from "../../app/certificates/certificates.server.ts";
import type { PathRequirements } from "../../app/certificates/eligibility.ts";
import { pathLessons, type Lesson, type Path } from "../../app/courses/catalog.ts";
import { getCatalog, getCompiledLesson, getQuiz, getScenario } from "../../app/content/catalog.server.ts";
import { embeddedIds } from "../../app/courses/mdx-usage.ts";
import type { Db } from "../../app/db/create-db.server.ts";
import { gradeResponse, layoutQuestion, optionId } from "../../app/quizzes/grading.server.ts";
import type { Question, QuizDefinition } from "../../app/quizzes/quiz-schema.ts";
import type { QuizResponse } from "../../app/quizzes/quiz-types.ts";
import { attemptScore, isPassing } from "../../app/quizzes/scoring.ts";
import { chooseQuestions } from "../../app/quizzes/choose-questions.ts";
import { currentSceneId, reachedEnding } from "../../app/simulations/scenario.machine.ts";
import { machineOf, type ChoiceRef } from "../../app/simulations/replay.ts";
import type { Scenario } from "../../app/simulations/scenario-schema.ts";

export type Random = () => number;

/** A deterministic generator (mulberry32), so that a seed gives the same cohort every time. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PathPlan {
  path: Path;
  lessons: Array<{ lesson: Lesson; quizIds: string[]; scenarioIds: string[] }>;
  requirements: PathRequirements;
}

export async function planPath(pathId: string): Promise<PathPlan> {
  const catalog = getCatalog();
  const path = catalog.paths.find((candidate) => candidate.id === pathId);
  if (!path) throw new Error(`parcours inconnu : ${pathId}`);
  const lessons = await Promise.all(
    pathLessons(catalog, path).map(async ({ lesson }) => {
      const compiled = await getCompiledLesson(lesson);
      // Of a <SimulationChoice>, a learner plays the first case.
      const groups = compiled.usage.components.flatMap((c) =>
        c.name === "Simulation" && c.attributes.id
          ? [c.attributes.id]
          : c.name === "SimulationChoice"
            ? [(c.attributes.ids ?? "").split(/[\s,]+/)[0]!]
            : [],
      );
      return { lesson, quizIds: embeddedIds(compiled.usage, "Quiz"), scenarioIds: groups.filter(Boolean) };
    }),
  );
  return { path, lessons, requirements: await pathRequirements(path) };
}

/** How far a made-up learner goes and how well. */
export interface LearnerProfile {
  /** Share of the path's lessons completed, in order (0 to 1). */
  progress: number;
  /** Chance of answering a question right (0 to 1). */
  skill: number;
  /** Days ago of the first activity, and of the last one. */
  startedDaysAgo: number;
  lastDaysAgo: number;
}

function responseFor(question: Question, right: boolean, random: Random): QuizResponse {
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  switch (question.type) {
    case "choix-unique": {
      const rights = question.options.flatMap((option, index) => (option.correct ? [index] : []));
      const wrongs = question.options.flatMap((option, index) => (option.correct ? [] : [index]));
      return { optionId: optionId(right || wrongs.length === 0 ? rights[0]! : pick(wrongs)) };
    }
    case "choix-multiple": {
      const rights = question.options.flatMap((option, index) => (option.correct ? [optionId(index)] : []));
      const wrongs = question.options.flatMap((option, index) => (option.correct ? [] : [optionId(index)]));
      return { optionIds: right || wrongs.length === 0 ? rights : [...rights.slice(1), pick(wrongs)] };
    }
    case "vrai-faux":
      return { value: right ? question.answer : !question.answer };
    case "association": {
      const rights: string[] = [];
      for (const pair of question.pairs) if (!rights.includes(pair.right)) rights.push(pair.right);
      const ids = question.pairs.map((pair) => `d${rights.indexOf(pair.right) + 1}`);
      if (!right && rights.length > 1) {
        const index = Math.floor(random() * ids.length);
        ids[index] = `d${((rights.indexOf(question.pairs[index]!.right) + 1) % rights.length) + 1}`;
      }
      return { pairs: Object.fromEntries(ids.map((id, index) => [`g${index + 1}`, id])) };
    }
    case "remise-en-ordre": {
      const order = question.items.map((_, index) => `e${index + 1}`);
      if (!right) [order[0], order[1]] = [order[1]!, order[0]!];
      return { order };
    }
  }
}

function playToAnEnding(scenario: Scenario, random: Random): { choices: ChoiceRef[]; endingId: string; finalState: string } {
  const actor = createActor(machineOf(scenario)).start();
  const choices: ChoiceRef[] = [];
  for (let guard = 0; guard < 100; guard += 1) {
    const snapshot = actor.getSnapshot();
    const endingId = reachedEnding(scenario, snapshot);
    if (endingId) {
      actor.stop();
      return { choices, endingId, finalState: JSON.stringify({ vars: snapshot.context.vars, flags: snapshot.context.flags }) };
    }
    const sceneId = currentSceneId(scenario, snapshot)!;
    const scene = scenario.scenes.find((candidate) => candidate.id === sceneId)!;
    const possible = scene.choices.filter((choice) => snapshot.can({ type: "CHOOSE", sceneId, choiceId: choice.id }));
    const choice = possible[Math.floor(random() * possible.length)]!;
    choices.push({ sceneId, choiceId: choice.id });
    actor.send({ type: "CHOOSE", sceneId, choiceId: choice.id });
  }
  throw new Error(`la simulation ${scenario.id} ne se termine pas`);
}

const DAY = 24 * 60 * 60 * 1000;

/** Writes one learner's activity on the path; returns whether everything the path requires is done. */
export async function writeLearnerActivity(
  db: Db,
  userId: string,
  plan: PathPlan,
  profile: LearnerProfile,
  random: Random,
  now = new Date(),
) {
  const done = Math.round(plan.lessons.length * profile.progress);
  const start = now.getTime() - profile.startedDaysAgo * DAY;
  const span = Math.max(0, profile.startedDaysAgo - profile.lastDaysAgo) * DAY;
  const at = (index: number, total: number) =>
    new Date(start + (total <= 1 ? span : (span * index) / (total - 1)) + Math.floor(random() * 3_600_000));

  const progress = [];
  const attempts: Array<{ quiz: QuizDefinition; when: Date }> = [];
  const runs: Array<{ scenario: Scenario; when: Date }> = [];
  const touched = Math.min(plan.lessons.length, done + (profile.progress < 1 ? 1 : 0));
  for (let index = 0; index < touched; index += 1) {
    const { lesson, quizIds, scenarioIds } = plan.lessons[index]!;
    const when = at(index, Math.max(touched, 1));
    const completed = index < done;
    progress.push({
      userId,
      lessonId: lesson.id,
      startedAt: new Date(when.getTime() - lesson.minutes * 60_000),
      completedAt: completed ? when : null,
      lastActiveAt: when,
      activeSeconds: Math.round(lesson.minutes * 60 * (0.6 + random() * 0.7)),
    });
    if (!completed) continue;
    for (const quizId of quizIds) {
      const quiz = getQuiz(quizId);
      if (quiz) attempts.push({ quiz, when });
    }
    for (const scenarioId of scenarioIds) {
      const scenario = getScenario(scenarioId);
      if (scenario) runs.push({ scenario, when });
    }
  }
  if (progress.length === 0) return false;
  await db.lessonProgress.createMany({ data: progress });
  await db.pathEnrollment.create({
    data: {
      userId,
      pathId: plan.path.id,
      startedAt: progress[0]!.startedAt,
      lastLessonId: progress.at(-1)!.lessonId,
      lastVisitedAt: progress.at(-1)!.lastActiveAt,
    },
  });

  let finalPassed = false;
  for (const { quiz, when } of attempts) {
    // The final assessment is retried (up to its limit) until passed; a practice quiz is taken once.
    const tries = quiz.kind === "evaluation-finale" ? (quiz.attempts ?? 3) : 1;
    const earlier: string[][] = [];
    for (let number = 1; number <= tries; number += 1) {
      const questions = chooseQuestions(quiz, earlier, random);
      earlier.unshift(questions.map((question) => question.id));
      const skill = Math.min(0.98, profile.skill + (number - 1) * 0.12);
      const graded = questions.map((question) => gradeResponse(question, responseFor(question, random() < skill, random)));
      const score = attemptScore(graded, questions.length);
      const passed = isPassing(score, quiz.passMark);
      const submittedAt = new Date(when.getTime() + number * 600_000);
      await db.quizAttempt.create({
        data: {
          userId,
          quizId: quiz.id,
          number,
          layout: JSON.stringify(questions.map((question) => layoutQuestion(question, random))),
          startedAt: new Date(submittedAt.getTime() - 300_000),
          submittedAt,
          score,
          passed,
          answers: {
            createMany: {
              data: graded.map((g) => ({
                questionId: g.questionId,
                response: JSON.stringify(g.response),
                score: g.score,
                correct: g.correct,
                answeredAt: submittedAt,
              })),
            },
          },
        },
      });
      if (passed) {
        if (quiz.id === plan.requirements.finalAssessmentId) finalPassed = true;
        break;
      }
    }
  }
  if (runs.length > 0) {
    await db.simulationRun.createMany({
      data: runs.map(({ scenario, when }) => {
        const played = playToAnEnding(scenario, random);
        return {
          userId,
          scenarioId: scenario.id,
          choices: JSON.stringify(played.choices),
          step: played.choices.length,
          endingId: played.endingId,
          finalState: played.finalState,
          startedAt: new Date(when.getTime() - 1_800_000),
          updatedAt: when,
          finishedAt: when,
        };
      }),
    });
  }
  return done === plan.lessons.length && (finalPassed || !plan.requirements.finalAssessmentId);
}
