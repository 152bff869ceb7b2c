/**
 * Rebuilds the state of an attempt by replaying its history through the quiz machine: the server
 * does it before accepting an answer, the browser does it to resume an attempt where it stands.
 */
import { createActor } from "xstate";
import { quizMachine, type QuizMachineInput } from "./quiz.machine.ts";
import type { AnswerOutcome, AttemptResult, PublicQuestion } from "./quiz-types.ts";

export interface AttemptHistory extends QuizMachineInput {
  /** The stored attempt (the browser resumes it); the server's own replay needs none. */
  attemptId?: string | null;
  attemptNumber: number;
  questions: PublicQuestion[];
  /** Stored corrections (or receipts of an open final attempt), in the order the questions were answered. */
  corrections: AnswerOutcome[];
  /** The attempt's result as the server stored it, once every question is answered. */
  result: AttemptResult | null;
  /** Stop on this question's correction (the learner has not moved on yet). */
  pauseAfter?: string | null;
}

export function replayAttempt(history: AttemptHistory, machine = quizMachine) {
  const actor = createActor(machine, {
    input: { passMark: history.passMark, attemptsAllowed: history.attemptsAllowed, attemptsStarted: history.attemptsStarted },
  });
  actor.start();
  actor.send({ type: "START" });
  actor.send({ type: "STARTED", attemptId: history.attemptId ?? null, attemptNumber: history.attemptNumber, questions: history.questions });
  history.corrections.forEach((correction, position) => {
    actor.send({ type: "ANSWER", questionId: correction.questionId, response: correction.response });
    const last = position === history.corrections.length - 1;
    actor.send({ type: "CORRECTED", correction, result: last ? history.result : null });
    if (history.pauseAfter !== correction.questionId) actor.send({ type: "NEXT" });
  });
  return actor;
}

/** Whether the machine lets a learner who started `attemptsStarted` attempts start another. */
export function mayStartAttempt(input: QuizMachineInput): boolean {
  const actor = createActor(quizMachine, { input }).start();
  const allowed = actor.getSnapshot().can({ type: "START" });
  actor.stop();
  return allowed;
}
