/**
 * Which questions a new attempt asks. Pure (the random source is given), shared by the server and
 * the demo seed.
 *
 * A quiz without `draw` asks all its questions, in order. With `draw`, each attempt takes `draw`
 * questions at random, in this order of preference:
 *   1. questions this learner was never asked, in any earlier attempt;
 *   2. questions of older attempts, but not of the previous one;
 *   3. questions of the previous attempt, only when the pool has nothing else left.
 * So two consecutive attempts share as few questions as the pool allows: none when the pool holds
 * twice the draw, at most half when it holds the draw and half again (the rule `courses:check`
 * applies to final assessments, `overlapPoolSize`). A retry is then a new test of the same
 * objectives, not a replay of the questions whose corrections the learner has just read.
 */
import type { Question, QuizDefinition } from "./quiz-schema.ts";
import { randomIntFrom, shuffled } from "~/utils/shuffle.ts";

type Random = () => number;

/**
 * @param earlier the question ids of this learner's earlier attempts, the most recent first
 * (empty for a first attempt, or for someone practising without an account).
 */
export function chooseQuestions(quiz: Pick<QuizDefinition, "questions" | "draw">, earlier: string[][], random: Random): Question[] {
  if (quiz.draw === undefined || quiz.draw >= quiz.questions.length) return quiz.questions;
  const previous = new Set(earlier[0] ?? []);
  const asked = new Set(earlier.flat());
  const tier = (question: Question) => (previous.has(question.id) ? 2 : asked.has(question.id) ? 1 : 0);
  // Shuffle first, then a stable sort by tier: random within a tier, tiers in order of preference.
  return shuffled(quiz.questions, randomIntFrom(random))
    .map((question, index) => ({ question, index, tier: tier(question) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .slice(0, quiz.draw)
    .map(({ question }) => question);
}

/**
 * The smallest pool for a draw of `draw` questions such that two consecutive attempts share at
 * most half of their questions: draw + ⌈draw / 2⌉ (they then share at most ⌊draw / 2⌋).
 */
export function overlapPoolSize(draw: number): number {
  return draw + Math.ceil(draw / 2);
}
