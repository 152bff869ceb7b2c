/**
 * What the browser may know about a quiz: questions without their answer key, responses, and the
 * corrections the server returns once a question is answered. Client-safe.
 */
import type { QuizMessageCode } from "./quiz-messages.ts";
import type { QuestionType } from "./quiz-schema.ts";

export interface Choice {
  id: string;
  text: string;
}

interface QuestionBase<Type extends QuestionType> {
  id: string;
  type: Type;
  stem: string;
}

/** A question as the browser sees it: each type with exactly the fields it shows, in display order. */
export type PublicQuestion =
  | (QuestionBase<"choix-unique"> & { options: Choice[] })
  /** `correctCount`: how many options are right (announced to the learner). */
  | (QuestionBase<"choix-multiple"> & { options: Choice[]; correctCount: number })
  | QuestionBase<"vrai-faux">
  /** Items to place (`lefts`), and the categories to place them in (`rights`). */
  | (QuestionBase<"association"> & { lefts: Choice[]; rights: Choice[] })
  /** Items in display (shuffled) order. */
  | (QuestionBase<"remise-en-ordre"> & { items: Choice[] });

export type QuizResponse =
  { optionId: string } | { optionIds: string[] } | { value: boolean } | { pairs: Record<string, string> } | { order: string[] };

/** A graded answer as the machine needs it. */
export interface Grading {
  questionId: string;
  /** 0 to 1: partial credit for choix multiple, association and remise en ordre. */
  score: number;
  correct: boolean;
}

/** Everything shown after answering one question. */
export interface Correction extends Grading {
  response: QuizResponse;
  feedback: string;
  /** Feedback of the options the learner chose (and whether each was right). */
  optionFeedback: Array<{ optionId: string; text: string; correct: boolean; feedback?: string }>;
  /** The right answer, in words. */
  solution: string[];
}

/**
 * What a final assessment answers instead of a correction while the attempt is open: the answer is
 * recorded, nothing more. Corrections of a final assessment are shown only once the attempt is
 * submitted, and only for that attempt's questions, so that it can never be used to read its key.
 */
export interface Receipt {
  questionId: string;
  response: QuizResponse;
  withheld: true;
}

/** What follows an answer: its correction (practice, or a finished final attempt) or a receipt. */
export type AnswerOutcome = Correction | Receipt;

export function isReceipt(outcome: AnswerOutcome): outcome is Receipt {
  return "withheld" in outcome;
}

export interface AttemptResult {
  score: number;
  passed: boolean;
}

/** A quiz as a learner sees it, with their history. Built by quiz-attempts.server.ts. */
export interface QuizView {
  quiz: {
    id: string;
    title: string;
    kind: "entrainement" | "evaluation-finale";
    passMark: number;
    attemptsAllowed: number | null;
    questionCount: number;
  };
  signedIn: boolean;
  attemptsStarted: number;
  best: { score: number; passed: boolean; submittedAt: string } | null;
  /** The attempt to show: in progress, or just finished. */
  current: {
    attemptId: string | null;
    number: number;
    questions: PublicQuestion[];
    /** One per answered question, in answer order: receipts while a final attempt is open. */
    corrections: AnswerOutcome[];
    result: AttemptResult | null;
  } | null;
  /** Show the correction of this question instead of moving on (after a plain-form answer). */
  showCorrectionOf: string | null;
  /** A message to show (after a plain-form request that was refused). */
  message: QuizMessageCode | null;
}
