/**
 * Grading with the answer key. Server only (the .server suffix keeps it out of browser bundles):
 * the browser learns the right answer to a question only after answering it.
 *
 * Scoring rules (stated to authors in courses/README.md):
 * - choix unique, vrai/faux: all or nothing;
 * - choix multiple: (right options chosen − wrong options chosen) ÷ right options, never below 0;
 * - association: share of items placed in the right category;
 * - remise en ordre: share of items at their right position.
 */
import type { Question } from "./quiz-schema.ts";
import type { Correction, PublicQuestion, QuizResponse } from "./quiz-types.ts";
import { randomIntFrom, shuffled } from "~/utils/shuffle.ts";

export const optionId = (index: number) => String.fromCharCode(97 + index); // a, b, c…
const leftId = (index: number) => `g${index + 1}`;
const itemId = (index: number) => `e${index + 1}`;

/** Distinct right-hand categories of an association, with their ids, in first-seen order. */
function rightChoices(question: Extract<Question, { type: "association" }>) {
  const rights: string[] = [];
  for (const pair of question.pairs) if (!rights.includes(pair.right)) rights.push(pair.right);
  return rights.map((text, index) => ({ id: `d${index + 1}`, text }));
}

/** How one question is shown in one attempt (display order of its choices). */
export interface QuestionLayout {
  id: string;
  order?: string[];
}

/**
 * The display order of a question's choices for one attempt, drawn on the server. Nothing in the
 * order is ever the answer: the options of a choice and the categories of an association are
 * always shuffled (an author's habit of putting the right option first, or last, would otherwise
 * become a tell); the items of a remise en ordre are shuffled and never shown already in order.
 */
export function layoutQuestion(question: Question, random: () => number): QuestionLayout {
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple":
      return {
        id: question.id,
        order: shuffled(
          question.options.map((_, index) => optionId(index)),
          randomIntFrom(random),
        ),
      };
    case "association":
      return {
        id: question.id,
        order: shuffled(
          rightChoices(question).map((choice) => choice.id),
          randomIntFrom(random),
        ),
      };
    case "remise-en-ordre": {
      const ids = question.items.map((_, index) => itemId(index));
      let order = shuffled(ids, randomIntFrom(random));
      // Never show the items already in the right order.
      for (let tries = 0; tries < 10 && order.every((id, index) => id === ids[index]); tries++)
        order = shuffled(ids, randomIntFrom(random));
      return { id: question.id, order };
    }
    case "vrai-faux":
      return { id: question.id };
  }
}

function ordered<T extends { id: string }>(choices: T[], order: string[] | undefined): T[] {
  if (!order) return choices;
  const byId = new Map(choices.map((choice) => [choice.id, choice]));
  return order.map((id) => byId.get(id)).filter((choice): choice is T => Boolean(choice));
}

/** The question without its answer key, in the attempt's display order. */
export function publicQuestion(question: Question, layout?: QuestionLayout): PublicQuestion {
  const base = { id: question.id, stem: question.stem };
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple": {
      const options = ordered(
        question.options.map((option, index) => ({ id: optionId(index), text: option.text })),
        layout?.order,
      );
      return question.type === "choix-multiple"
        ? { ...base, type: question.type, options, correctCount: question.options.filter((option) => option.correct).length }
        : { ...base, type: question.type, options };
    }
    case "association":
      return {
        ...base,
        type: question.type,
        lefts: question.pairs.map((pair, index) => ({ id: leftId(index), text: pair.left })),
        rights: ordered(rightChoices(question), layout?.order),
      };
    case "remise-en-ordre":
      return {
        ...base,
        type: question.type,
        items: ordered(
          question.items.map((text, index) => ({ id: itemId(index), text })),
          layout?.order,
        ),
      };
    case "vrai-faux":
      return { ...base, type: question.type };
  }
}

/** Grades a response. The response must come from parseResponse (or match its shape). */
export function gradeResponse(question: Question, response: QuizResponse): Correction {
  const base = { questionId: question.id, response, feedback: question.feedback };
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple": {
      const chosen = new Set("optionId" in response ? [response.optionId] : "optionIds" in response ? response.optionIds : []);
      const rightIds = question.options.map((option, index) => (option.correct ? optionId(index) : null)).filter(Boolean);
      let right = 0;
      let wrong = 0;
      const optionFeedback: Correction["optionFeedback"] = [];
      question.options.forEach((option, index) => {
        if (!chosen.has(optionId(index))) return;
        if (option.correct) right++;
        else wrong++;
        optionFeedback.push({ optionId: optionId(index), text: option.text, correct: option.correct, feedback: option.feedback });
      });
      const score =
        question.type === "choix-unique" ? (right === 1 && wrong === 0 ? 1 : 0) : Math.max(0, (right - wrong) / rightIds.length);
      return {
        ...base,
        score,
        correct: score === 1,
        optionFeedback,
        solution: question.options.filter((option) => option.correct).map((option) => option.text),
      };
    }
    case "vrai-faux": {
      const correct = "value" in response && response.value === question.answer;
      return { ...base, score: correct ? 1 : 0, correct, optionFeedback: [], solution: [question.answer ? "Vrai" : "Faux"] };
    }
    case "association": {
      const rights = rightChoices(question);
      const expected = question.pairs.map((pair) => rights.find((choice) => choice.text === pair.right)!.id);
      const given = "pairs" in response ? response.pairs : {};
      const right = expected.filter((rightId, index) => given[leftId(index)] === rightId).length;
      const score = right / question.pairs.length;
      return {
        ...base,
        score,
        correct: score === 1,
        optionFeedback: [],
        solution: question.pairs.map((pair) => `${pair.left} → ${pair.right}`),
      };
    }
    case "remise-en-ordre": {
      const given = "order" in response ? response.order : [];
      const right = question.items.filter((_, index) => given[index] === itemId(index)).length;
      const score = right / question.items.length;
      return {
        ...base,
        score,
        correct: score === 1,
        optionFeedback: [],
        solution: question.items.map((item, index) => `${index + 1}. ${item}`),
      };
    }
  }
}

/**
 * The wrong parts of a response, in words, for the trainer's item analysis: the wrong options
 * chosen, the wrong truth value, the items placed in the wrong category or at the wrong position.
 * Empty for a fully right response (or one that does not fit the question).
 */
export function wrongAnswerLabels(question: Question, response: QuizResponse): string[] {
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple": {
      const chosen = new Set("optionId" in response ? [response.optionId] : "optionIds" in response ? response.optionIds : []);
      return question.options.flatMap((option, index) => (chosen.has(optionId(index)) && !option.correct ? [option.text] : []));
    }
    case "vrai-faux":
      return "value" in response && response.value !== question.answer ? [response.value ? "Vrai" : "Faux"] : [];
    case "association": {
      const rights = rightChoices(question);
      const given = "pairs" in response ? response.pairs : {};
      return question.pairs.flatMap((pair, index) => {
        const placed = rights.find((choice) => choice.id === given[leftId(index)]);
        return placed && placed.text !== pair.right ? [`${pair.left} → ${placed.text}`] : [];
      });
    }
    case "remise-en-ordre": {
      const given = "order" in response ? response.order : [];
      return question.items.flatMap((item, index) => {
        const position = given.indexOf(itemId(index));
        return position !== -1 && position !== index ? [`${item} (placé en position ${position + 1})`] : [];
      });
    }
  }
}
