/**
 * Server-side grading on both databases: attempts, answers, scores, and every forged request a
 * learner could send (another learner's attempt, a question twice, out of turn, too many attempts).
 */
import { expect, test } from "vitest";
import {
  answerQuestion,
  QuizError,
  startAttempt,
  getQuizView,
  bestResults,
  gradePractice,
  startPractice,
} from "~/quizzes/quiz-attempts.server.ts";
import type { Question, QuizDefinition } from "~/quizzes/quiz-schema.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const source = { ref: "mission-2020", heading: "Intertitre" };
const q = (id: string, answer: boolean): Question => ({
  id,
  type: "vrai-faux",
  stem: `${id} ?`,
  answer,
  feedback: "Parce que.",
  source,
  concepts: [],
});
const multiple: Question = {
  id: "q-cm",
  type: "choix-multiple",
  stem: "Lesquelles ?",
  feedback: "Explication.",
  source,
  concepts: [],
  options: [
    { text: "A", correct: true },
    { text: "B", correct: true },
    { text: "C", correct: false },
  ],
};

const finalQuiz: QuizDefinition = {
  id: "eval-test",
  title: "Évaluation de test",
  kind: "evaluation-finale",
  passMark: 70,
  attempts: 2,
  objectives: {},
  questions: [q("q1", true), q("q2", false), multiple],
  file: "quizzes/eval-test.yaml",
};
const practiceQuiz: QuizDefinition = { ...finalQuiz, id: "entrainement-test", kind: "entrainement", attempts: undefined };
const drawQuiz: QuizDefinition = {
  ...finalQuiz,
  id: "tirage",
  attempts: 5,
  draw: 2,
  questions: [q("t1", true), q("t2", true), q("t3", true), q("t4", true)],
};

const answers = (entries: Array<[string, string]>) => new URLSearchParams(entries);

describeEachDatabase("quiz attempts", (get) => {
  const learner = () => createLearner(get().db, { name: "Quiz Test", profile: "CIVIL_SERVANT", emailPrefix: "quiz" });

  async function expectQuizError(promise: Promise<unknown>, status: number, code: string) {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(QuizError);
    expect(error).toMatchObject({ status, code });
  }

  test("a full attempt: graded question by question, score computed from the stored answers", async () => {
    const { db } = get();
    const userId = await learner();
    const attempt = await startAttempt(db, finalQuiz, userId);
    expect(attempt.questions.map((question) => question.id)).toEqual(["q1", "q2", "q-cm"]);
    expect(JSON.stringify(attempt.questions)).not.toMatch(/answer|correct"/);

    const first = await answerQuestion(db, finalQuiz, userId, {
      attemptId: attempt.attemptId,
      questionId: "q1",
      form: answers([["reponse", "vrai"]]),
    });
    expect(first).toEqual({ correction: { questionId: "q1", response: { value: true }, withheld: true }, result: null, review: null });
    await answerQuestion(db, finalQuiz, userId, { attemptId: attempt.attemptId, questionId: "q2", form: answers([["reponse", "vrai"]]) });
    const last = await answerQuestion(db, finalQuiz, userId, {
      attemptId: attempt.attemptId,
      questionId: "q-cm",
      form: answers([["reponse", "a"]]),
    });
    // (1 + 0 + 0.5) / 3 = 50 %
    expect(last.result).toEqual({ score: 50, passed: false });
    const stored = await db.quizAttempt.findUniqueOrThrow({ where: { id: attempt.attemptId }, include: { answers: true } });
    expect(stored).toMatchObject({ score: 50, passed: false });
    expect(stored.submittedAt).not.toBeNull();
    expect(stored.answers.map((answer) => [answer.questionId, answer.score])).toEqual(
      expect.arrayContaining([
        ["q1", 1],
        ["q2", 0],
        ["q-cm", 0.5],
      ]),
    );
  });

  test("answering the same question twice is refused and changes nothing", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId } = await startAttempt(db, finalQuiz, userId);
    await answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "faux"]]) });
    await expectQuizError(
      answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "vrai"]]) }),
      409,
      "deja-repondu",
    );
    const stored = await db.quizAnswer.findMany({ where: { attemptId } });
    expect(stored.map((answer) => [answer.questionId, answer.correct])).toEqual([["q1", false]]);
  });

  test("two simultaneous answers to one question store exactly one", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId } = await startAttempt(db, finalQuiz, userId);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 4 }, () =>
        answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "vrai"]]) }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(1);
  });

  test("skipping ahead is refused", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId } = await startAttempt(db, finalQuiz, userId);
    await expectQuizError(
      answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q2", form: answers([["reponse", "faux"]]) }),
      409,
      "question-suivante-d-abord",
    );
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(0);
  });

  test("another learner's attempt id is unknown to this learner", async () => {
    const { db } = get();
    const owner = await learner();
    const intruder = await learner();
    const { attemptId } = await startAttempt(db, finalQuiz, owner);
    await expectQuizError(
      answerQuestion(db, finalQuiz, intruder, { attemptId, questionId: "q1", form: answers([["reponse", "vrai"]]) }),
      404,
      "tentative-introuvable",
    );
    expect(await db.quizAnswer.count({ where: { attemptId } })).toBe(0);
  });

  test("an unknown option, a question outside the attempt, a finished attempt: refused", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId } = await startAttempt(db, finalQuiz, userId);
    await expectQuizError(
      answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "peut-etre"]]) }),
      400,
      "vrai-faux-requis",
    );
    await expectQuizError(
      answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "ailleurs", form: answers([["reponse", "vrai"]]) }),
      400,
      "question-hors-tentative",
    );
    await answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "vrai"]]) });
    await answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q2", form: answers([["reponse", "faux"]]) });
    await answerQuestion(db, finalQuiz, userId, {
      attemptId,
      questionId: "q-cm",
      form: answers([
        ["reponse", "a"],
        ["reponse", "b"],
      ]),
    });
    await expectQuizError(
      answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "vrai"]]) }),
      409,
      "tentative-terminee",
    );
    expect((await db.quizAttempt.findUniqueOrThrow({ where: { id: attemptId } })).score).toBe(100);
  });

  test("starting resumes the attempt in progress; attempts are limited", async () => {
    const { db } = get();
    const userId = await learner();
    const first = await startAttempt(db, finalQuiz, userId);
    expect((await startAttempt(db, finalQuiz, userId)).attemptId).toBe(first.attemptId);
    for (const attemptId of [first.attemptId]) {
      for (const [questionId, value] of [
        ["q1", "vrai"],
        ["q2", "faux"],
      ] as const) {
        await answerQuestion(db, finalQuiz, userId, { attemptId, questionId, form: answers([["reponse", value]]) });
      }
      await answerQuestion(db, finalQuiz, userId, { attemptId, questionId: "q-cm", form: answers([["reponse", "c"]]) });
    }
    const second = await startAttempt(db, finalQuiz, userId);
    expect(second.number).toBe(2);
    for (const [questionId, value] of [
      ["q1", "vrai"],
      ["q2", "faux"],
    ] as const) {
      await answerQuestion(db, finalQuiz, userId, { attemptId: second.attemptId, questionId, form: answers([["reponse", value]]) });
    }
    await answerQuestion(db, finalQuiz, userId, {
      attemptId: second.attemptId,
      questionId: "q-cm",
      form: answers([
        ["reponse", "a"],
        ["reponse", "b"],
      ]),
    });
    await expectQuizError(startAttempt(db, finalQuiz, userId), 403, "plus-de-tentative");
    expect(await db.quizAttempt.count({ where: { userId, quizId: finalQuiz.id } })).toBe(2);
    expect((await bestResults(db, userId, [finalQuiz.id])).get(finalQuiz.id)).toEqual({ score: 100, passed: true });
  });

  test("simultaneous starts create one attempt", async () => {
    const { db } = get();
    const userId = await learner();
    const starts = await Promise.all(Array.from({ length: 4 }, () => startAttempt(db, finalQuiz, userId)));
    expect(new Set(starts.map((start) => start.attemptId)).size).toBe(1);
    expect(await db.quizAttempt.count({ where: { userId, quizId: finalQuiz.id } })).toBe(1);
  });

  test("a drawn quiz asks on retry the questions this learner was not asked in the previous attempt", async () => {
    const { db } = get();
    const userId = await learner();
    const ids = (attempt: { questions: Array<{ id: string }> }) => attempt.questions.map((x) => x.id).sort();
    const finish = async (attempt: { attemptId: string; questions: Array<{ id: string }> }) => {
      for (const question of attempt.questions) {
        await answerQuestion(db, drawQuiz, userId, {
          attemptId: attempt.attemptId,
          questionId: question.id,
          form: answers([["reponse", "vrai"]]),
        });
      }
    };
    // A pool of 4 drawn 2 at a time: the second attempt takes the 2 never asked, the third the
    // 2 of the first attempt (none were left unasked, and the previous attempt's come last).
    const first = await startAttempt(db, drawQuiz, userId);
    expect(first.questions).toHaveLength(2);
    await finish(first);
    const second = await startAttempt(db, drawQuiz, userId);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
    await finish(second);
    const third = await startAttempt(db, drawQuiz, userId);
    expect(ids(third)).toEqual(ids(first));
  });

  test("the learner's view: best result, attempts started, the attempt in progress with its corrections", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId } = await startAttempt(db, practiceQuiz, userId);
    const first = await answerQuestion(db, practiceQuiz, userId, { attemptId, questionId: "q1", form: answers([["reponse", "faux"]]) });
    expect(first.correction).toMatchObject({ questionId: "q1", correct: false, solution: ["Vrai"] });
    const view = await getQuizView(db, practiceQuiz, userId, { kind: "correction", questionId: "q1" });
    expect(view).toMatchObject({ signedIn: true, attemptsStarted: 1, best: null, showCorrectionOf: "q1" });
    expect(view.current?.corrections).toMatchObject([{ questionId: "q1", correct: false, solution: ["Vrai"] }]);
    expect(await getQuizView(db, practiceQuiz, null)).toMatchObject({ signedIn: false, current: null, attemptsStarted: 0 });
  });

  test("a final assessment shows no correction while the attempt is open, then those of its own questions only", async () => {
    const { db } = get();
    const userId = await learner();
    const { attemptId, questions } = await startAttempt(db, drawQuiz, userId);
    expect(questions).toHaveLength(2);
    const [one, two] = questions.map((question) => question.id) as [string, string];
    const open = await answerQuestion(db, drawQuiz, userId, { attemptId, questionId: one, form: answers([["reponse", "faux"]]) });
    expect(open).toEqual({ correction: { questionId: one, response: { value: false }, withheld: true }, result: null, review: null });
    // Nor does the page of the open attempt give the key away, whatever step the address asks for.
    for (const step of [null, { kind: "correction" as const, questionId: one }, { kind: "resultat" as const }]) {
      const view = await getQuizView(db, drawQuiz, userId, step);
      expect(JSON.stringify(view)).not.toMatch(/solution|feedback|"correct"|"score"/);
      expect(view.current?.corrections).toEqual([{ questionId: one, response: { value: false }, withheld: true }]);
    }
    const done = await answerQuestion(db, drawQuiz, userId, { attemptId, questionId: two, form: answers([["reponse", "vrai"]]) });
    expect(done.result).toEqual({ score: 50, passed: false });
    expect(done.review?.map((correction) => [correction.questionId, correction.correct])).toEqual([
      [one, false],
      [two, true],
    ]);
    expect(done.review?.[0]).toMatchObject({ solution: ["Vrai"], feedback: "Parce que." });
    const after = await getQuizView(db, drawQuiz, userId, { kind: "resultat" });
    expect(after.current?.corrections.map((correction) => correction.questionId)).toEqual([one, two]);
    expect(after.current?.corrections[0]).toMatchObject({ correct: false, solution: ["Vrai"] });
  });

  test("a final assessment cannot be practised, nor its answers graded, without an account", () => {
    expect(() => startPractice(finalQuiz)).toThrow(QuizError);
    expect(() => gradePractice(finalQuiz, "q1", answers([["reponse", "vrai"]]))).toThrow(
      expect.objectContaining({ status: 401, code: "connexion-requise" }),
    );
    expect(startPractice(practiceQuiz).questions).toHaveLength(3);
    expect(gradePractice(practiceQuiz, "q1", answers([["reponse", "vrai"]]))).toMatchObject({ correct: true, solution: ["Vrai"] });
  });
});
