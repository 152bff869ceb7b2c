import { getShortestPaths, getSimplePaths } from "xstate/graph";
import { createActor, fromPromise, waitFor } from "xstate";
import { describe, expect, test } from "vitest";
import { quizMachine, QuizRefusal, type AnswerReply, type AnswerRequest, type QuizEvent, type StartedAttempt } from "./quiz.machine.ts";
import type { Correction, PublicQuestion } from "./quiz-types.ts";

const questions: PublicQuestion[] = [
  { id: "q1", type: "vrai-faux", stem: "Vrai ?" },
  {
    id: "q2",
    type: "choix-unique",
    stem: "Laquelle ?",
    options: [
      { id: "a", text: "A" },
      { id: "b", text: "B" },
    ],
  },
];
const correction = (questionId: string, score: number): Correction => ({
  questionId,
  score,
  correct: score === 1,
  response: { value: true },
  feedback: "Parce que.",
  optionFeedback: [],
  solution: ["Vrai"],
});

function started(attemptsAllowed: number | null = 2, attemptsStarted = 0) {
  const actor = createActor(quizMachine, { input: { passMark: 70, attemptsAllowed, attemptsStarted } }).start();
  actor.send({ type: "START" });
  actor.send({ type: "STARTED", attemptId: "t1", attemptNumber: attemptsStarted + 1, questions });
  return actor;
}

function answerAll(actor: ReturnType<typeof started>, scores: [number, number]) {
  questions.forEach((question, index) => {
    actor.send({ type: "ANSWER", questionId: question.id, response: { value: true } });
    actor.send({ type: "CORRECTED", correction: correction(question.id, scores[index]!) });
    actor.send({ type: "NEXT" });
  });
}

describe("quiz machine", () => {
  test("intro → starting on START, which asks the server for an attempt (the startAttempt actor)", () => {
    let requested = 0;
    const machine = quizMachine.provide({
      actors: { startAttempt: fromPromise<StartedAttempt, void>(() => (requested++, new Promise(() => {}))) },
    });
    const actor = createActor(machine, { input: { passMark: 70, attemptsAllowed: null, attemptsStarted: 0 } }).start();
    expect(actor.getSnapshot().value).toBe("intro");
    actor.send({ type: "START" });
    expect(actor.getSnapshot().value).toBe("starting");
    expect(requested).toBe(1);
  });

  test("the started attempt's id is kept in the context and sent with each answer", async () => {
    const sent: AnswerRequest[] = [];
    const machine = quizMachine.provide({
      actors: {
        startAttempt: fromPromise<StartedAttempt, void>(async () => ({ attemptId: "t7", attemptNumber: 1, questions })),
        submitAnswer: fromPromise<AnswerReply, AnswerRequest>(
          async ({ input }) => (sent.push(input), { correction: correction(input.questionId, 1), result: null }),
        ),
      },
    });
    const actor = createActor(machine, { input: { passMark: 70, attemptsAllowed: null, attemptsStarted: 0 } }).start();
    actor.send({ type: "START" });
    await waitFor(actor, (snapshot) => snapshot.matches("question"));
    expect(actor.getSnapshot().context).toMatchObject({ attemptId: "t7", attemptNumber: 1, attemptsStarted: 1 });
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    await waitFor(actor, (snapshot) => snapshot.matches("answered"));
    expect(sent).toEqual([{ attemptId: "t7", questionId: "q1", response: { value: true } }]);
    expect(actor.getSnapshot().context.corrections.map((c) => c.questionId)).toEqual(["q1"]);
  });

  test("a refusal from the server goes back with its message code; any other failure is « reseau »", async () => {
    const machine = quizMachine.provide({
      actors: {
        startAttempt: fromPromise<StartedAttempt, void>(async () => {
          throw new QuizRefusal("plus-de-tentative");
        }),
      },
    });
    const actor = createActor(machine, { input: { passMark: 70, attemptsAllowed: 2, attemptsStarted: 0 } }).start();
    actor.send({ type: "START" });
    await waitFor(actor, (snapshot) => snapshot.matches("intro"));
    expect(actor.getSnapshot().context.error).toBe("plus-de-tentative");

    const offline = quizMachine.provide({
      actors: {
        startAttempt: fromPromise<StartedAttempt, void>(async () => ({ attemptId: null, attemptNumber: 1, questions })),
        submitAnswer: fromPromise<AnswerReply, AnswerRequest>(async () => {
          throw new TypeError("Failed to fetch");
        }),
      },
    });
    const learner = createActor(offline, { input: { passMark: 70, attemptsAllowed: null, attemptsStarted: 0 } }).start();
    learner.send({ type: "START" });
    await waitFor(learner, (snapshot) => snapshot.matches("question"));
    learner.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    await waitFor(learner, (snapshot) => snapshot.matches("question") && snapshot.context.error !== null);
    expect(learner.getSnapshot().context.error).toBe("reseau");
  });

  test("the last answer of a final assessment, with the attempt's review, goes straight to the result", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "CORRECTED", correction: { questionId: "q1", response: { value: true }, withheld: true } });
    actor.send({ type: "NEXT" });
    actor.send({ type: "ANSWER", questionId: "q2", response: { optionId: "a" } });
    const review = [correction("q1", 1), correction("q2", 0)];
    actor.send({
      type: "CORRECTED",
      correction: { questionId: "q2", response: { optionId: "a" }, withheld: true },
      result: { score: 50, passed: false },
      review,
    });
    expect(actor.getSnapshot().value).toEqual({ result: "failed" });
    expect(actor.getSnapshot().context.corrections).toEqual(review);
  });

  test("starting → question on STARTED, counting the attempt", () => {
    const actor = started();
    expect(actor.getSnapshot().value).toBe("question");
    expect(actor.getSnapshot().context).toMatchObject({ attemptsStarted: 1, attemptNumber: 1, index: 0 });
  });

  test("starting → intro on REFUSED, with the message", () => {
    const actor = createActor(quizMachine, { input: { passMark: 70, attemptsAllowed: 2, attemptsStarted: 0 } }).start();
    actor.send({ type: "START" });
    actor.send({ type: "REFUSED", code: "plus-de-tentative" });
    expect(actor.getSnapshot().value).toBe("intro");
    expect(actor.getSnapshot().context.error).toBe("plus-de-tentative");
  });

  test("question → checking on an answer to the current question, which is sent for correction", () => {
    const sent: string[] = [];
    const machine = quizMachine.provide({
      actors: {
        submitAnswer: fromPromise<AnswerReply, AnswerRequest>(({ input }) => (sent.push(input.questionId), new Promise(() => {}))),
      },
    });
    const actor = createActor(machine, { input: { passMark: 70, attemptsAllowed: null, attemptsStarted: 0 } }).start();
    actor.send({ type: "START" });
    actor.send({ type: "STARTED", attemptId: "t1", attemptNumber: 1, questions });
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: false } });
    expect(actor.getSnapshot().value).toBe("checking");
    expect(sent).toEqual(["q1"]);
  });

  test("an answer to another question (skipping ahead) is ignored", () => {
    const actor = started();
    expect(actor.getSnapshot().can({ type: "ANSWER", questionId: "q2", response: { optionId: "a" } })).toBe(false);
    actor.send({ type: "ANSWER", questionId: "q2", response: { optionId: "a" } });
    expect(actor.getSnapshot().value).toBe("question");
  });

  test("checking → answered on the matching correction; a correction for another question is ignored", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "CORRECTED", correction: correction("q2", 1) });
    expect(actor.getSnapshot().value).toBe("checking");
    actor.send({ type: "CORRECTED", correction: correction("q1", 1) });
    expect(actor.getSnapshot().value).toBe("answered");
    expect(actor.getSnapshot().context.corrections).toHaveLength(1);
  });

  test("checking → question on REFUSED (the server said no)", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "REFUSED", code: "reseau" });
    expect(actor.getSnapshot().value).toBe("question");
    expect(actor.getSnapshot().context.error).toBe("reseau");
  });

  test("a question already answered cannot be answered again", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "CORRECTED", correction: correction("q1", 1) });
    expect(actor.getSnapshot().can({ type: "ANSWER", questionId: "q1", response: { value: true } })).toBe(false);
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().can({ type: "ANSWER", questionId: "q1", response: { value: true } })).toBe(false);
  });

  test("answered → next question on NEXT, then → result after the last one", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "CORRECTED", correction: correction("q1", 1) });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().value).toBe("question");
    expect(actor.getSnapshot().context.index).toBe(1);
    actor.send({ type: "ANSWER", questionId: "q2", response: { optionId: "a" } });
    actor.send({ type: "CORRECTED", correction: correction("q2", 1) });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().value).toEqual({ result: "passed" });
    expect(actor.getSnapshot().context.result).toEqual({ score: 100, passed: true });
  });

  test("result: failed under the pass mark, score computed from the corrections", () => {
    const actor = started();
    answerAll(actor, [1, 0]);
    expect(actor.getSnapshot().value).toEqual({ result: "failed" });
    expect(actor.getSnapshot().context.result).toEqual({ score: 50, passed: false });
  });

  test("the server's result wins over the local computation when it is given", () => {
    const actor = started();
    actor.send({ type: "ANSWER", questionId: "q1", response: { value: true } });
    actor.send({ type: "CORRECTED", correction: correction("q1", 1) });
    actor.send({ type: "NEXT" });
    actor.send({ type: "ANSWER", questionId: "q2", response: { optionId: "a" } });
    actor.send({ type: "CORRECTED", correction: correction("q2", 0), result: { score: 50, passed: false } });
    actor.send({ type: "NEXT" });
    expect(actor.getSnapshot().context.result).toEqual({ score: 50, passed: false });
  });

  test("retry while attempts remain, then no more", () => {
    const actor = started(2);
    answerAll(actor, [0, 0]);
    expect(actor.getSnapshot().can({ type: "RETRY" })).toBe(true);
    actor.send({ type: "RETRY" });
    expect(actor.getSnapshot().value).toBe("intro");
    actor.send({ type: "START" });
    actor.send({ type: "STARTED", attemptId: "t1", attemptNumber: 2, questions });
    answerAll(actor, [0, 1]);
    expect(actor.getSnapshot().context.attemptsStarted).toBe(2);
    expect(actor.getSnapshot().can({ type: "RETRY" })).toBe(false);
    actor.send({ type: "RETRY" });
    expect(actor.getSnapshot().value).toEqual({ result: "failed" });
  });

  test("attempts exhausted before starting: START is refused", () => {
    const actor = createActor(quizMachine, { input: { passMark: 70, attemptsAllowed: 3, attemptsStarted: 3 } }).start();
    expect(actor.getSnapshot().can({ type: "START" })).toBe(false);
    actor.send({ type: "START" });
    expect(actor.getSnapshot().value).toBe("intro");
  });

  test("unlimited attempts: retry is always possible", () => {
    const actor = started(null, 41);
    answerAll(actor, [1, 1]);
    expect(actor.getSnapshot().can({ type: "RETRY" })).toBe(true);
  });
});

describe("quiz machine graph (2 questions, 2 attempts)", () => {
  const events = (snapshot: {
    value: unknown;
    context: { index: number; questions: PublicQuestion[]; pending: { questionId: string } | null };
  }): QuizEvent[] => {
    const current = snapshot.context.questions[snapshot.context.index]?.id ?? "q1";
    return [
      { type: "START" },
      { type: "STARTED", attemptId: "t1", attemptNumber: 1, questions },
      { type: "ANSWER", questionId: current, response: { value: true } },
      { type: "CORRECTED", correction: correction(snapshot.context.pending?.questionId ?? current, 1) },
      { type: "CORRECTED", correction: correction(snapshot.context.pending?.questionId ?? current, 0) },
      { type: "REFUSED", code: "reseau" },
      { type: "NEXT" },
      { type: "RETRY" },
    ];
  };
  const machine = quizMachine;
  const options = {
    events,
    input: { passMark: 70, attemptsAllowed: 2, attemptsStarted: 0 },
    // States differ by where they are and how far the attempt went, not by every field.
    serializeState: (snapshot: { value: unknown; context: { index: number; corrections: Correction[]; attemptsStarted: number } }) =>
      JSON.stringify([
        snapshot.value,
        snapshot.context.index,
        snapshot.context.corrections.map((c) => c.score),
        snapshot.context.attemptsStarted,
      ]),
  };

  test("every state of the machine is reachable", () => {
    const reached = new Set(getShortestPaths(machine, options as never).map((path) => JSON.stringify(path.state.value)));
    for (const value of ["intro", "starting", "question", "checking", "answered", { result: "passed" }, { result: "failed" }]) {
      expect(reached, JSON.stringify(value)).toContain(JSON.stringify(value));
    }
  });

  test("no dead end: from every reachable state a result can still be reached, and only results are terminal", () => {
    const paths = getShortestPaths(machine, options as never);
    for (const path of paths) {
      const value = JSON.stringify(path.state.value);
      if (value.includes("result")) continue;
      const onward = getShortestPaths(machine, {
        ...options,
        fromState: path.state,
        toState: (state: { matches: (v: string) => boolean }) => state.matches("result"),
      } as never);
      expect(onward.length, `aucun résultat atteignable depuis ${value}`).toBeGreaterThan(0);
    }
    const simple = getSimplePaths(machine, {
      ...options,
      toState: (state: { matches: (v: string) => boolean }) => state.matches("result"),
    } as never);
    expect(simple.length).toBeGreaterThan(0);
  });
});
