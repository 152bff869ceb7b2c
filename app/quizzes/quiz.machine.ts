/**
 * One attempt at a quiz, as a state machine. Pure: no fetch, no storage. The browser runs it to
 * drive the quiz: its player provides the `startAttempt` and `submitAnswer` actors, which talk to
 * the server and whose outputs become the STARTED and CORRECTED events (a refusal, REFUSED). The
 * server runs the same machine without them, sending those events itself, to replay an attempt's
 * stored answers and decide whether a new answer is acceptable (right question, not answered
 * twice, attempts left).
 *
 *   intro ─START→ starting ─STARTED→ question ─ANSWER→ checking ─CORRECTED→ answered ─NEXT→ question …
 *                                                                                   └─NEXT (last)→ result
 *   checking ─CORRECTED with the review of a submitted final assessment→ result
 *   result (passed | failed) ─RETRY (attempts left)→ intro
 */
import { assertEvent, assign, fromPromise, raise, setup } from "xstate";
import { isQuizMessageCode, type QuizMessageCode } from "./quiz-messages.ts";
import { attemptScore, isPassing } from "./scoring.ts";
import {
  isReceipt,
  type AnswerOutcome,
  type AttemptResult,
  type Correction,
  type PublicQuestion,
  type QuizResponse,
} from "./quiz-types.ts";

export interface QuizMachineInput {
  passMark: number;
  /** null = unlimited. */
  attemptsAllowed: number | null;
  /** Attempts already started by this learner before the machine starts. */
  attemptsStarted: number;
}

export interface QuizContext extends QuizMachineInput {
  /** The stored attempt the answers belong to; null for a visitor's practice (nothing stored). */
  attemptId: string | null;
  attemptNumber: number;
  questions: PublicQuestion[];
  index: number;
  /** One per answered question: a correction, or a receipt while a final assessment is open. */
  corrections: AnswerOutcome[];
  pending: { questionId: string; response: QuizResponse } | null;
  result: AttemptResult | null;
  /** Set by the server with the final answer's correction; otherwise computed from corrections. */
  serverResult: AttemptResult | null;
  error: QuizMessageCode | null;
}

/** What starting an attempt gives: the attempt and its questions (without their answer key). */
export interface StartedAttempt {
  attemptId: string | null;
  attemptNumber: number;
  questions: PublicQuestion[];
}

/**
 * The server's answer to an answer. `review`: with the last answer of a final assessment, the
 * corrections of every question of the attempt, which replace the receipts.
 */
export interface AnswerReply {
  correction: AnswerOutcome;
  result?: AttemptResult | null;
  review?: Correction[] | null;
}

export interface AnswerRequest {
  attemptId: string | null;
  questionId: string;
  response: QuizResponse;
}

/** How an actor says no: the code of the French message to show (see quiz-messages.ts). */
export class QuizRefusal extends Error {
  constructor(readonly code: QuizMessageCode) {
    super(code);
  }
}

/** A refusal's code; anything else that went wrong (the network, a page instead of JSON) is « reseau ». */
export function refusalCode(error: unknown): QuizMessageCode {
  return error instanceof QuizRefusal && isQuizMessageCode(error.code) ? error.code : "reseau";
}

export type QuizEvent =
  | { type: "START" }
  | ({ type: "STARTED" } & StartedAttempt)
  | { type: "ANSWER"; questionId: string; response: QuizResponse }
  | ({ type: "CORRECTED" } & AnswerReply)
  | { type: "REFUSED"; code: QuizMessageCode }
  | { type: "NEXT" }
  | { type: "RETRY" };

const attemptsRemain = ({ attemptsAllowed, attemptsStarted }: QuizContext) => attemptsAllowed === null || attemptsStarted < attemptsAllowed;

/** Without a player (the server, tests), nothing answers: the STARTED, CORRECTED or REFUSED event does. */
const awaitingEvent = <Output, Input>() => fromPromise<Output, Input>(() => new Promise<Output>(() => {}));

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizMachineInput,
  },
  actors: {
    // The server calls, given by the browser's player with machine.provide().
    startAttempt: awaitingEvent<StartedAttempt, void>(),
    submitAnswer: awaitingEvent<AnswerReply, AnswerRequest>(),
  },
  actions: {
    assignStarted: assign(({ context, event }) => {
      assertEvent(event, "STARTED");
      return {
        attemptId: event.attemptId,
        attemptNumber: event.attemptNumber,
        attemptsStarted: context.attemptsStarted + 1,
        questions: event.questions,
        index: 0,
        corrections: [],
        pending: null,
        result: null,
        serverResult: null,
        error: null,
      };
    }),
    assignPending: assign(({ event }) => {
      assertEvent(event, "ANSWER");
      return { pending: { questionId: event.questionId, response: event.response }, error: null };
    }),
    assignCorrection: assign(({ context, event }) => {
      assertEvent(event, "CORRECTED");
      return {
        corrections: event.review ?? [...context.corrections, event.correction],
        pending: null,
        serverResult: event.result ?? context.serverResult,
      };
    }),
    assignRefusal: assign(({ event }) => {
      assertEvent(event, "REFUSED");
      return { pending: null, error: event.code };
    }),
    advance: assign(({ context }) => ({ index: context.index + 1, error: null })),
    computeResult: assign(({ context }) => {
      if (context.serverResult) return { result: context.serverResult };
      const score = attemptScore(context.corrections.filter((outcome) => !isReceipt(outcome)) as Correction[], context.questions.length);
      return { result: { score, passed: isPassing(score, context.passMark) } };
    }),
  },
  guards: {
    canStartAttempt: ({ context }) => attemptsRemain(context),
    canRetry: ({ context }) => attemptsRemain(context),
    isCurrentQuestion: ({ context, event }) => {
      assertEvent(event, "ANSWER");
      const current = context.questions[context.index];
      return Boolean(current) && current!.id === event.questionId && !context.corrections.some((c) => c.questionId === event.questionId);
    },
    isPendingAnswer: ({ context, event }) => {
      assertEvent(event, "CORRECTED");
      return context.pending?.questionId === event.correction.questionId;
    },
    isSubmittedFinalAnswer: ({ context, event }) => {
      assertEvent(event, "CORRECTED");
      return context.pending?.questionId === event.correction.questionId && Boolean(event.review);
    },
    hasMoreQuestions: ({ context }) => context.index + 1 < context.questions.length,
    isPassed: ({ context }) => Boolean(context.result?.passed),
  },
}).createMachine({
  id: "quiz",
  context: ({ input }) => ({
    ...input,
    attemptId: null,
    attemptNumber: input.attemptsStarted,
    questions: [],
    index: 0,
    corrections: [],
    pending: null,
    result: null,
    serverResult: null,
    error: null,
  }),
  initial: "intro",
  states: {
    intro: {
      on: { START: { guard: "canStartAttempt", target: "starting" } },
    },
    starting: {
      invoke: {
        src: "startAttempt",
        onDone: { actions: raise(({ event }) => ({ type: "STARTED" as const, ...event.output })) },
        onError: { actions: raise(({ event }) => ({ type: "REFUSED" as const, code: refusalCode(event.error) })) },
      },
      on: {
        STARTED: { target: "question", actions: "assignStarted" },
        REFUSED: { target: "intro", actions: "assignRefusal" },
      },
    },
    question: {
      on: { ANSWER: { guard: "isCurrentQuestion", target: "checking", actions: "assignPending" } },
    },
    checking: {
      invoke: {
        src: "submitAnswer",
        input: ({ context }) => ({
          attemptId: context.attemptId,
          questionId: context.pending!.questionId,
          response: context.pending!.response,
        }),
        onDone: { actions: raise(({ event }) => ({ type: "CORRECTED" as const, ...event.output })) },
        onError: { actions: raise(({ event }) => ({ type: "REFUSED" as const, code: refusalCode(event.error) })) },
      },
      on: {
        CORRECTED: [
          // A final assessment just submitted: straight to the result and its corrections.
          { guard: "isSubmittedFinalAnswer", target: "result", actions: "assignCorrection" },
          { guard: "isPendingAnswer", target: "answered", actions: "assignCorrection" },
        ],
        REFUSED: { target: "question", actions: "assignRefusal" },
      },
    },
    answered: {
      on: {
        NEXT: [{ guard: "hasMoreQuestions", target: "question", actions: "advance" }, { target: "result" }],
      },
    },
    result: {
      entry: "computeResult",
      initial: "deciding",
      states: {
        deciding: {
          always: [{ guard: "isPassed", target: "passed" }, { target: "failed" }],
        },
        passed: {},
        failed: {},
      },
      on: { RETRY: { guard: "canRetry", target: "intro" } },
    },
  },
});
