/** Score of an attempt from its graded answers. Client-safe: the machine shows it, the server stores it. */
import type { Grading } from "./quiz-types.ts";

/**
 * The share of the attempt's questions answered right, with partial credit, in whole percent.
 * @example attemptScore([{ score: 1 }, { score: 0.5 }, { score: 0 }, { score: 1 }], 4) // 63
 */
export function attemptScore(gradings: Array<Pick<Grading, "score">>, questionCount: number): number {
  if (questionCount === 0) return 0;
  const total = gradings.reduce((sum, grading) => sum + grading.score, 0);
  return Math.round((100 * total) / questionCount);
}

export function isPassing(score: number, passMark: number): boolean {
  return score >= passMark;
}
