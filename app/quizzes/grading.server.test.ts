import { describe, expect, test } from "vitest";
import { gradeResponse, layoutQuestion, publicQuestion } from "./grading.server.ts";
import type { Question } from "./quiz-schema.ts";
import { parseResponse } from "./responses.ts";
import { attemptScore, isPassing } from "./scoring.ts";

const source = { ref: "mission-2020", heading: "Intertitre" };
const single: Question = {
  id: "cu",
  type: "choix-unique",
  stem: "Laquelle ?",
  feedback: "Explication.",
  source,
  concepts: [],
  options: [
    { text: "Mauvaise", correct: false, feedback: "Non, parce que…" },
    { text: "Bonne", correct: true },
    { text: "Autre mauvaise", correct: false },
  ],
};
const multiple: Question = {
  id: "cm",
  type: "choix-multiple",
  stem: "Lesquelles ?",
  feedback: "Explication.",
  source,
  concepts: [],
  options: [
    { text: "A", correct: true },
    { text: "B", correct: true },
    { text: "C", correct: false },
    { text: "D", correct: true },
  ],
};
const trueFalse: Question = { id: "vf", type: "vrai-faux", stem: "Vrai ?", answer: false, feedback: "Faux.", source, concepts: [] };
const matching: Question = {
  id: "as",
  type: "association",
  stem: "Associez.",
  feedback: "Explication.",
  source,
  concepts: [],
  pairs: [
    { left: "Diagnostic partagé", right: "Faire naître l'envie" },
    { left: "Rencontre des mondes", right: "Faire naître l'envie" },
    { left: "Sécuriser par le droit", right: "Structurer" },
    { left: "Indicateurs communs", right: "Animer" },
  ],
};
const ordering: Question = {
  id: "ro",
  type: "remise-en-ordre",
  stem: "Ordonnez.",
  feedback: "Explication.",
  source,
  concepts: [],
  items: ["Un", "Deux", "Trois", "Quatre"],
};

const form = (entries: Array<[string, string]>) => new URLSearchParams(entries);
const grade = (question: Question, entries: Array<[string, string]>) => {
  const parsed = parseResponse(publicQuestion(question), form(entries));
  if (!parsed.ok) throw new Error(parsed.code);
  return gradeResponse(question, parsed.response);
};

describe("the public question never carries the answer key", () => {
  test.each([single, multiple, trueFalse, matching, ordering])("%s", (question) => {
    const text = JSON.stringify(publicQuestion(question, layoutQuestion(question, Math.random)));
    expect(text).not.toMatch(/correct"|answer"|feedback|"right"/);
    if (question.type === "association") {
      // Categories are listed once each, without saying which item goes where.
      const shown = publicQuestion(question);
      expect(shown.type === "association" ? shown.rights.map((right) => right.text) : null).toEqual([
        "Faire naître l'envie",
        "Structurer",
        "Animer",
      ]);
    }
  });

  test("choix multiple announces how many options are right", () => {
    expect(publicQuestion(multiple)).toMatchObject({ type: "choix-multiple", correctCount: 3 });
  });
});

describe("grading", () => {
  test("choix unique: all or nothing, with the chosen option's feedback", () => {
    expect(grade(single, [["reponse", "b"]])).toMatchObject({ score: 1, correct: true, solution: ["Bonne"] });
    const wrong = grade(single, [["reponse", "a"]]);
    expect(wrong).toMatchObject({ score: 0, correct: false, feedback: "Explication." });
    expect(wrong.optionFeedback).toEqual([{ optionId: "a", text: "Mauvaise", correct: false, feedback: "Non, parce que…" }]);
  });

  test("choix multiple: (right − wrong) ÷ right, never below 0", () => {
    expect(
      grade(multiple, [
        ["reponse", "a"],
        ["reponse", "b"],
        ["reponse", "d"],
      ]).score,
    ).toBe(1);
    expect(
      grade(multiple, [
        ["reponse", "a"],
        ["reponse", "b"],
      ]).score,
    ).toBeCloseTo(2 / 3);
    expect(
      grade(multiple, [
        ["reponse", "a"],
        ["reponse", "b"],
        ["reponse", "c"],
        ["reponse", "d"],
      ]).score,
    ).toBeCloseTo(2 / 3);
    expect(
      grade(multiple, [
        ["reponse", "a"],
        ["reponse", "c"],
      ]).score,
    ).toBe(0);
    expect(grade(multiple, [["reponse", "c"]]).score).toBe(0);
    expect(
      grade(multiple, [
        ["reponse", "a"],
        ["reponse", "a"],
      ]).score,
    ).toBeCloseTo(1 / 3); // a box counts once
  });

  test("vrai/faux", () => {
    expect(grade(trueFalse, [["reponse", "faux"]])).toMatchObject({ score: 1, correct: true });
    expect(grade(trueFalse, [["reponse", "vrai"]])).toMatchObject({ score: 0, solution: ["Faux"] });
  });

  test("association: share of items in the right category (categories may repeat)", () => {
    const all = [
      ["paire-g1", "d1"],
      ["paire-g2", "d1"],
      ["paire-g3", "d2"],
      ["paire-g4", "d3"],
    ] as Array<[string, string]>;
    expect(grade(matching, all).score).toBe(1);
    expect(
      grade(matching, [
        ["paire-g1", "d1"],
        ["paire-g2", "d2"],
        ["paire-g3", "d2"],
        ["paire-g4", "d1"],
      ]).score,
    ).toBe(0.5);
  });

  test("remise en ordre: share of items at their right position", () => {
    const ranks = (...values: number[]) => values.map((rank, index) => [`rang-e${index + 1}`, String(rank)] as [string, string]);
    expect(grade(ordering, ranks(1, 2, 3, 4)).score).toBe(1);
    expect(grade(ordering, ranks(2, 1, 3, 4)).score).toBe(0.5);
    expect(grade(ordering, ranks(4, 3, 2, 1)).score).toBe(0);
  });
});

describe("reading answers from forms", () => {
  test.each([
    [single, [], "choix-requis"],
    [
      single,
      [
        ["reponse", "a"],
        ["reponse", "b"],
      ],
      "choix-requis",
    ],
    [single, [["reponse", "z"]], "reponse-inconnue"],
    [multiple, [], "cases-requises"],
    [
      multiple,
      [
        ["reponse", "a"],
        ["reponse", "x"],
      ],
      "reponse-inconnue",
    ],
    [trueFalse, [["reponse", "peut-etre"]], "vrai-faux-requis"],
    [matching, [["paire-g1", "d1"]], "association-incomplete"],
    [
      matching,
      [
        ["paire-g1", "d9"],
        ["paire-g2", "d1"],
        ["paire-g3", "d1"],
        ["paire-g4", "d1"],
      ],
      "association-incomplete",
    ],
    [
      ordering,
      [
        ["rang-e1", "1"],
        ["rang-e2", "1"],
        ["rang-e3", "2"],
        ["rang-e4", "3"],
      ],
      "ordre-invalide",
    ],
    [
      ordering,
      [
        ["rang-e1", "1"],
        ["rang-e2", "2"],
        ["rang-e3", "3"],
        ["rang-e4", "9"],
      ],
      "ordre-invalide",
    ],
  ] as Array<[Question, Array<[string, string]>, string]>)("%# refused with a French message code", (question, entries, code) => {
    expect(parseResponse(publicQuestion(question), form(entries))).toEqual({ ok: false, code });
  });
});

describe("layout", () => {
  let seed = 1;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

  test("never shows an ordering already solved", () => {
    for (let i = 0; i < 50; i++) {
      const layout = layoutQuestion(ordering, random);
      expect(layout.order).not.toEqual(["e1", "e2", "e3", "e4"]);
      expect([...layout.order!].sort()).toEqual(["e1", "e2", "e3", "e4"]);
    }
  });

  test.each([single, multiple, matching])(
    "always shuffles the choices of %s: every one of them comes first in some attempts",
    (question) => {
      const firsts = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const order = layoutQuestion(question, random).order!;
        firsts.add(order[0]!);
        expect(new Set(order).size).toBe(order.length);
      }
      const choices = question.type === "association" ? new Set(question.pairs.map((pair) => pair.right)).size : question.options.length;
      expect(firsts.size).toBe(choices);
    },
  );
});

test("attempt score: mean of the questions, in whole percent; passing at the mark", () => {
  expect(attemptScore([{ score: 1 }, { score: 0.5 }, { score: 0 }, { score: 1 }], 4)).toBe(63);
  expect(attemptScore([{ score: 1 }], 4)).toBe(25); // unanswered questions count as 0
  expect(attemptScore([], 0)).toBe(0);
  expect(isPassing(70, 70)).toBe(true);
  expect(isPassing(69, 70)).toBe(false);
});
