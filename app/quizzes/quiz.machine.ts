/**
 * One attempt at a quiz, as a state machine. Pure: no fetch, no storage. The browser runs it to
 * drive the quiz (its route provides `requestStart` and `submitAnswer`, which talk to the server);
 * the server runs the same machine to replay an attempt's stored answers and decide whether a new
 * answer is acceptable (right question, not answered twice, attempts left).
 *
 *   intro ─START→ starting ─STARTED→ question ─ANSWER→ checking ─CORRECTED→ answered ─NEXT→ question …
 *                                                                                   └─NEXT (last)→ result
 *   result (passed | failed) ─RETRY (attempts left)→ intro
 */
import { assertEvent, assign, setup } from "xstate";
import { attemptScore, isPassing } from "./scoring.ts";
import { isReceipt, type AnswerOutcome, type AttemptResult, type Correction, type PublicQuestion, type QuizResponse } from "./quiz-types.ts";

export interface QuizMachineInput {
  passMark: number;
  /** null = unlimited. */
  attemptsAllowed: number | null;
  /** Attempts already started by this learner before the machine starts. */
  attemptsStarted: number;
}

interface QuizContext extends QuizMachineInput {
  attemptNumber: number;
  questions: PublicQuestion[];
  index: number;
  /** One per answered question: a correction, or a receipt while a final assessment is open. */
  corrections: AnswerOutcome[];
  pending: { questionId: string; response: QuizResponse } | null;
  result: AttemptResult | null;
  /** Set by the server with the final answer's correction; otherwise computed from corrections. */
  serverResult: AttemptResult | null;
  error: string | null;
}

export type QuizEvent =
  | { type: "START" }
  | { type: "STARTED"; attemptNumber: number; questions: PublicQuestion[] }
  | { type: "ANSWER"; questionId: string; response: QuizResponse }
  /**
   * The server's answer to ANSWER. `review`: with the last answer of a final assessment, the
   * corrections of every question of the attempt, which replace the receipts.
   */
  | { type: "CORRECTED"; correction: AnswerOutcome; result?: AttemptResult | null; review?: Correction[] | null }
  | { type: "REFUSED"; message: string }
  | { type: "NEXT" }
  | { type: "RETRY" };

const attemptsRemain = ({ attemptsAllowed, attemptsStarted }: QuizContext) =>
  attemptsAllowed === null || attemptsStarted < attemptsAllowed;

export const quizMachine = setup({
  types: {
    context: {} as QuizContext,
    events: {} as QuizEvent,
    input: {} as QuizMachineInput,
  },
  actions: {
    // Side effects, given by the browser route with machine.provide(); nothing on the server.
    requestStart: () => {},
    submitAnswer: (_, _params: { questionId: string; response: QuizResponse }) => {},
    assignStarted: assign(({ context, event }) => {
      assertEvent(event, "STARTED");
      return {
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
      return { pending: null, error: event.message };
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
    hasMoreQuestions: ({ context }) => context.index + 1 < context.questions.length,
    isPassed: ({ context }) => Boolean(context.result?.passed),
  },
}).createMachine({
  id: "quiz",
  context: ({ input }) => ({
    ...input,
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
      entry: "requestStart",
      on: {
        STARTED: { target: "question", actions: "assignStarted" },
        REFUSED: { target: "intro", actions: "assignRefusal" },
      },
    },
    question: {
      on: { ANSWER: { guard: "isCurrentQuestion", target: "checking", actions: "assignPending" } },
    },
    checking: {
      entry: {
        type: "submitAnswer",
        params: ({ context }) => ({ questionId: context.pending!.questionId, response: context.pending!.response }),
      },
      on: {
        CORRECTED: { guard: "isPendingAnswer", target: "answered", actions: "assignCorrection" },
        REFUSED: { target: "question", actions: "assignRefusal" },
      },
    },
    answered: {
      on: {
        NEXT: [
          { guard: "hasMoreQuestions", target: "question", actions: "advance" },
          { target: "result" },
        ],
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
