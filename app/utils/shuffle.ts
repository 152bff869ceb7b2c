/**
 * One shuffle for the whole platform: quiz options and questions (grading.server.ts,
 * choose-questions.ts) and scenario choices (choice-order.ts). Pure: the random source is given,
 * seeded in tests and for a visitor's scenario order, Math.random or crypto on the server.
 */

/** An integer in [0, max): Math.random, crypto, or a seeded generator. */
export type RandomInt = (max: number) => number;

/** A uniformly random permutation (Fisher–Yates), on a copy. */
export function shuffled<T>(items: readonly T[], randomInt: RandomInt): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** Integers from a source of floats in [0, 1), as Math.random gives. */
export function randomIntFrom(random: () => number): RandomInt {
  return (max) => Math.floor(random() * max);
}
