import { describe, expect, test } from "vitest";
import { chooseQuestions } from "./choose-questions.ts";
import type { Question, QuizDefinition } from "./quiz-schema.ts";

const source = { ref: "mission-2020", heading: "Intertitre" };
const pool = (size: number): Question[] =>
  Array.from({ length: size }, (_, index) => ({
    id: `q${index + 1}`,
    type: "vrai-faux",
    stem: `Énoncé ${index + 1}`,
    answer: true,
    feedback: "…",
    source,
    concepts: [],
  }));
const finalOf = (size: number, draw: number): QuizDefinition => ({
  id: "finale",
  title: "Finale",
  kind: "evaluation-finale",
  passMark: 70,
  attempts: 3,
  draw,
  questions: pool(size),
  objectives: {},
  file: "quizzes/finale.yaml",
});

/** A seeded generator (Park–Miller), so that a failure names the seed that shows it. */
function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 16807) % 2147483647) / 2147483647;
}

const ids = (questions: Question[]) => questions.map((question) => question.id);
const shared = (a: string[], b: string[]) => a.filter((id) => b.includes(id)).length;

describe("drawing a new attempt", () => {
  test.each([
    [15, 10],
    [21, 10],
    [30, 20],
    [45, 30],
    [3, 2],
  ])("a pool of %i drawn %i at a time: two consecutive attempts never share more than half", (size, draw) => {
    const quiz = finalOf(size, draw);
    for (let seed = 1; seed <= 300; seed++) {
      const random = seeded(seed);
      const first = ids(chooseQuestions(quiz, [], random));
      const second = ids(chooseQuestions(quiz, [first], random));
      const third = ids(chooseQuestions(quiz, [second, first], random));
      expect(new Set(second).size, `seed ${seed}`).toBe(draw);
      expect(shared(first, second), `seed ${seed}`).toBeLessThanOrEqual(Math.floor(draw / 2));
      expect(shared(second, third), `seed ${seed}`).toBeLessThanOrEqual(Math.floor(draw / 2));
    }
  });

  test("shares exactly the unavoidable minimum when the pool is too small to share half or less", () => {
    // 12 questions, 10 drawn: at least 8 must come back, and no more.
    const quiz = finalOf(12, 10);
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed);
      const first = ids(chooseQuestions(quiz, [], random));
      expect(shared(first, ids(chooseQuestions(quiz, [first], random))), `seed ${seed}`).toBe(8);
    }
  });

  test("prefers the questions this learner has never been asked", () => {
    // 30 questions, 10 drawn: after two attempts, 10 questions were never asked; the third takes them all.
    const quiz = finalOf(30, 10);
    for (let seed = 1; seed <= 100; seed++) {
      const random = seeded(seed);
      const first = ids(chooseQuestions(quiz, [], random));
      const second = ids(chooseQuestions(quiz, [first], random));
      const third = ids(chooseQuestions(quiz, [second, first], random));
      expect(shared(third, [...first, ...second]), `seed ${seed}`).toBe(0);
    }
  });

  test("is still random: different seeds give different selections", () => {
    const quiz = finalOf(21, 10);
    const firsts = new Set(
      Array.from({ length: 20 }, (_, seed) =>
        ids(chooseQuestions(quiz, [], seeded(seed + 1)))
          .sort()
          .join(" "),
      ),
    );
    expect(firsts.size).toBeGreaterThan(15);
  });

  test("a quiz without draw gives all its questions, in order", () => {
    const quiz = { ...finalOf(5, 5), draw: undefined };
    expect(ids(chooseQuestions(quiz, [["q1"]], seeded(1)))).toEqual(["q1", "q2", "q3", "q4", "q5"]);
  });
});
