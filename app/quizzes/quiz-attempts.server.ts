/**
 * Quiz attempts in the database, graded on the server. Every rule a forged request could try to
 * break is checked here, and answered with a QuizError (an HTTP status and a French message):
 * another learner's attempt, a question answered twice or out of turn, no attempts left, an
 * attempt already finished. A claimed score is never read: the score is computed from the stored
 * answers.
 */
import { ActivityError, type RefusalStatus } from "~/activities/protocol.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { chooseQuestions } from "./choose-questions.ts";
import { gradeResponse, layoutQuestion, publicQuestion, type QuestionLayout } from "./grading.server.ts";
import type { QuizMessageCode } from "./quiz-messages.ts";
import { QUIZ_MESSAGES } from "./quiz-messages.ts";
import { parseResponse } from "./responses.ts";
import type { Question, QuizDefinition } from "./quiz-schema.ts";
import type { AnswerOutcome, AttemptResult, Correction, PublicQuestion, QuizView, Receipt } from "./quiz-types.ts";
import { mayStartAttempt, replayAttempt } from "./replay.ts";
import { attemptScore, isPassing } from "./scoring.ts";

export class QuizError extends ActivityError<QuizMessageCode> {
  constructor(status: RefusalStatus, code: QuizMessageCode) {
    super(status, code, QUIZ_MESSAGES[code]);
  }
}

/** The quiz an action route is asked for, or a 404. */
type Random = () => number;

export { chooseQuestions };

function layoutOf(attempt: { layout: string }): QuestionLayout[] {
  return JSON.parse(attempt.layout) as QuestionLayout[];
}

function questionsOf(quiz: QuizDefinition, layout: QuestionLayout[]): Array<{ question: Question; layout: QuestionLayout }> {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  return layout.flatMap((entry) => {
    const question = byId.get(entry.id);
    return question ? [{ question, layout: entry }] : [];
  });
}

type StoredAnswer = { questionId: string; response: string; score: number; correct: boolean };

/** A final assessment keeps its corrections until the attempt is submitted. */
export function withholdsCorrections(quiz: Pick<QuizDefinition, "kind">): boolean {
  return quiz.kind === "evaluation-finale";
}

function receiptOf(questionId: string, response: string | Correction["response"]): Receipt {
  return { questionId, response: typeof response === "string" ? JSON.parse(response) : response, withheld: true };
}

/** What the learner may see of an attempt's answers now: corrections, or receipts while it is open. */
function outcomesOf(quiz: QuizDefinition, attempt: { submittedAt: Date | null; answers: StoredAnswer[] }): AnswerOutcome[] {
  if (withholdsCorrections(quiz) && !attempt.submittedAt)
    return attempt.answers.map((answer) => receiptOf(answer.questionId, answer.response));
  return correctionsOf(quiz, attempt.answers);
}

/** Corrections of stored answers: the stored grade, with today's feedback texts. */
function correctionsOf(quiz: QuizDefinition, answers: StoredAnswer[]): Correction[] {
  const byId = new Map(quiz.questions.map((question) => [question.id, question]));
  return answers.flatMap((answer) => {
    const question = byId.get(answer.questionId);
    if (!question) return [];
    const regraded = gradeResponse(question, JSON.parse(answer.response));
    return [{ ...regraded, score: answer.score, correct: answer.correct }];
  });
}

const ATTEMPT_SELECT = {
  id: true,
  number: true,
  layout: true,
  startedAt: true,
  submittedAt: true,
  score: true,
  passed: true,
  answers: { orderBy: { answeredAt: "asc" }, select: { questionId: true, response: true, score: true, correct: true } },
} as const;

/** Starts an attempt, or resumes the one in progress. */
export async function startAttempt(db: Db, quiz: QuizDefinition, userId: string, random: Random = Math.random) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId, quizId: quiz.id },
    orderBy: { number: "desc" },
    select: ATTEMPT_SELECT,
  });
  const latest = attempts[0];
  if (latest && !latest.submittedAt) return attemptPayload(quiz, latest);

  // The machine decides whether an attempt may start (the same rule the browser applies).
  const allowed = quiz.attempts ?? null;
  if (!mayStartAttempt({ passMark: quiz.passMark, attemptsAllowed: allowed, attemptsStarted: attempts.length })) {
    throw new QuizError(403, "plus-de-tentative");
  }
  // Earlier attempts, the most recent first: the new one avoids what this learner was already asked.
  const earlier = attempts.map((attempt) => layoutOf(attempt).map((entry) => entry.id));
  const layout = chooseQuestions(quiz, earlier, random).map((question) => layoutQuestion(question, random));
  try {
    const created = await db.quizAttempt.create({
      data: { userId, quizId: quiz.id, number: attempts.length + 1, layout: JSON.stringify(layout) },
      select: ATTEMPT_SELECT,
    });
    return attemptPayload(quiz, created);
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    // Two starts at once: the other request created it; resume that one.
    const concurrent = await db.quizAttempt.findUniqueOrThrow({
      where: { userId_quizId_number: { userId, quizId: quiz.id, number: attempts.length + 1 } },
      select: ATTEMPT_SELECT,
    });
    return attemptPayload(quiz, concurrent);
  }
}

function attemptPayload(quiz: QuizDefinition, attempt: { id: string; number: number; layout: string }) {
  return {
    attemptId: attempt.id,
    number: attempt.number,
    questions: questionsOf(quiz, layoutOf(attempt)).map(({ question, layout }) => publicQuestion(question, layout)),
  };
}

/** Grades and stores one answer; completes the attempt when it was the last question. */
export async function answerQuestion(
  db: Db,
  quiz: QuizDefinition,
  userId: string,
  { attemptId, questionId, form }: { attemptId: string; questionId: string; form: URLSearchParams | FormData },
): Promise<{ correction: AnswerOutcome; result: AttemptResult | null; review: Correction[] | null }> {
  const attempt = await db.quizAttempt.findFirst({ where: { id: attemptId, userId, quizId: quiz.id }, select: ATTEMPT_SELECT });
  if (!attempt) throw new QuizError(404, "tentative-introuvable");
  if (attempt.submittedAt) throw new QuizError(409, "tentative-terminee");
  const entries = questionsOf(quiz, layoutOf(attempt));
  const entry = entries.find(({ question }) => question.id === questionId);
  if (!entry) throw new QuizError(400, "question-hors-tentative");
  const parsed = parseResponse(publicQuestion(entry.question, entry.layout), form);
  if (!parsed.ok) throw new QuizError(400, parsed.code);

  const actor = replayAttempt({
    passMark: quiz.passMark,
    attemptsAllowed: quiz.attempts ?? null,
    attemptsStarted: attempt.number - 1,
    attemptNumber: attempt.number,
    questions: entries.map(({ question, layout }) => publicQuestion(question, layout)),
    corrections: correctionsOf(quiz, attempt.answers),
    result: null,
  });
  const answer = { type: "ANSWER" as const, questionId, response: parsed.response };
  if (!actor.getSnapshot().can(answer)) {
    actor.stop();
    if (attempt.answers.some((stored) => stored.questionId === questionId)) throw new QuizError(409, "deja-repondu");
    throw new QuizError(409, "question-suivante-d-abord");
  }
  actor.stop();

  const correction = gradeResponse(entry.question, parsed.response);
  try {
    await db.quizAnswer.create({
      data: {
        attemptId: attempt.id,
        questionId,
        response: JSON.stringify(parsed.response),
        score: correction.score,
        correct: correction.correct,
      },
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) throw new QuizError(409, "deja-repondu");
    throw error;
  }
  const result = await completeIfAnswered(db, quiz, attempt.id, entries.length);
  if (!withholdsCorrections(quiz)) return { correction, result, review: null };
  // A final assessment: a receipt while the attempt is open; once it is submitted, the corrections
  // of this attempt's questions, and of no other.
  if (!result) return { correction: receiptOf(questionId, parsed.response), result, review: null };
  const stored = await db.quizAnswer.findMany({
    where: { attemptId: attempt.id },
    orderBy: { answeredAt: "asc" },
    select: { questionId: true, response: true, score: true, correct: true },
  });
  return { correction, result, review: correctionsOf(quiz, stored) };
}

/** When every question has an answer, computes the score from the stored answers (once). */
async function completeIfAnswered(db: Db, quiz: QuizDefinition, attemptId: string, questionCount: number) {
  const answers = await db.quizAnswer.findMany({ where: { attemptId }, select: { score: true } });
  if (answers.length < questionCount) return null;
  const score = attemptScore(answers, questionCount);
  const passed = isPassing(score, quiz.passMark);
  await db.quizAttempt.updateMany({ where: { id: attemptId, submittedAt: null }, data: { submittedAt: new Date(), score, passed } });
  const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { score: true, passed: true } });
  return { score: stored.score ?? score, passed: stored.passed ?? passed };
}

/** Practice without an account: a fresh layout, nothing stored. Not for a final assessment. */
export function startPractice(quiz: QuizDefinition, random: Random = Math.random) {
  if (withholdsCorrections(quiz)) throw new QuizError(401, "connexion-requise");
  return {
    attemptId: null,
    number: 1,
    questions: chooseQuestions(quiz, [], random).map((question) => publicQuestion(question, layoutQuestion(question, random))),
  };
}

/** Practice without an account: grades one answer, stores nothing. */
export function gradePractice(quiz: QuizDefinition, questionId: string, form: URLSearchParams | FormData): Correction {
  // A final assessment's key is never given to someone without a submitted attempt of their own.
  if (withholdsCorrections(quiz)) throw new QuizError(401, "connexion-requise");
  const question = quiz.questions.find((candidate) => candidate.id === questionId);
  if (!question) throw new QuizError(400, "question-hors-tentative");
  const parsed = parseResponse(publicQuestion(question), form);
  if (!parsed.ok) throw new QuizError(400, parsed.code);
  return gradeResponse(question, parsed.response);
}

export type QuizStep =
  { kind: "correction"; questionId: string } | { kind: "resultat" } | { kind: "message"; code: QuizMessageCode } | null;

/** The quiz as this learner sees it now. `step` comes from the address after a plain-form answer. */
export async function getQuizView(db: Db, quiz: QuizDefinition, userId: string | null, step: QuizStep = null): Promise<QuizView> {
  const info = {
    id: quiz.id,
    title: quiz.title,
    kind: quiz.kind,
    passMark: quiz.passMark,
    attemptsAllowed: quiz.attempts ?? null,
    questionCount: quiz.draw ?? quiz.questions.length,
  };
  const message = step?.kind === "message" ? step.code : null;
  if (!userId) return { quiz: info, signedIn: false, attemptsStarted: 0, best: null, current: null, showCorrectionOf: null, message };
  const attempts = await db.quizAttempt.findMany({
    where: { userId, quizId: quiz.id },
    orderBy: { number: "desc" },
    select: ATTEMPT_SELECT,
  });
  const finished = attempts.filter((attempt) => attempt.submittedAt && attempt.score !== null);
  const bestAttempt = [...finished].sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
  const latest = attempts[0];
  let current: QuizView["current"] = null;
  const showLatest =
    latest &&
    (!latest.submittedAt ||
      step?.kind === "resultat" ||
      (step?.kind === "correction" && latest.answers.at(-1)?.questionId === step.questionId));
  if (latest && showLatest) {
    const payload = attemptPayload(quiz, latest);
    current = {
      attemptId: latest.id,
      number: latest.number,
      questions: payload.questions,
      corrections: outcomesOf(quiz, latest),
      result: latest.submittedAt && latest.score !== null ? { score: latest.score, passed: Boolean(latest.passed) } : null,
    };
  }
  return {
    quiz: info,
    signedIn: true,
    attemptsStarted: attempts.length,
    best: bestAttempt
      ? { score: bestAttempt.score ?? 0, passed: Boolean(bestAttempt.passed), submittedAt: bestAttempt.submittedAt!.toISOString() }
      : null,
    current,
    showCorrectionOf: step?.kind === "correction" ? step.questionId : null,
    message,
  };
}

/** Best result per quiz for a learner (path page, certificates). */
export async function bestResults(db: Db, userId: string, quizIds: string[]) {
  if (quizIds.length === 0) return new Map<string, { score: number; passed: boolean }>();
  const rows = await db.quizAttempt.findMany({
    where: { userId, quizId: { in: quizIds }, submittedAt: { not: null } },
    select: { quizId: true, score: true, passed: true },
  });
  const best = new Map<string, { score: number; passed: boolean }>();
  for (const row of rows) {
    const previous = best.get(row.quizId);
    if (!previous || (row.score ?? 0) > previous.score) best.set(row.quizId, { score: row.score ?? 0, passed: Boolean(row.passed) });
  }
  return best;
}

export type { PublicQuestion };
