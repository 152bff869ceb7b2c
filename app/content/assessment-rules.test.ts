import { describe, expect, test } from "vitest";
import type { Question, QuizDefinition } from "~/quizzes/quiz-schema.ts";
import {
  formatAssessmentTable,
  isSeen,
  lengthBiasProblems,
  longestIsRight,
  normaliseStem,
  objectiveProblems,
  optionFeedbackProblems,
  overlapProblems,
  questionSetFigures,
  seenInPractice,
  unseenProblems,
} from "./assessment-rules.ts";

const source = { ref: "mission-2020", heading: "Intertitre" };

/** A choix unique whose right option is `right` and whose wrong options are `wrong`, each with feedback. */
function choice(id: string, right: string, wrong: string[], stem = `Énoncé ${id}`): Question {
  return {
    id,
    type: "choix-unique",
    stem,
    feedback: "Ce qu'il faut retenir.",
    source,
    concepts: [],
    options: [{ text: right, correct: true }, ...wrong.map((text) => ({ text, correct: false, feedback: "Tentant, mais…" }))],
  };
}
const trueFalse = (id: string, stem = `Vrai ou faux ${id}`): Question => ({
  id,
  type: "vrai-faux",
  stem,
  answer: true,
  feedback: "…",
  source,
  concepts: [],
});

/** The right option is the longest. */
const tell = (id: string) => choice(id, "Une réponse nuancée, complète et précise", ["Non", "Jamais", "Le hasard"]);
/** The right option is not the longest. */
const fair = (id: string) =>
  choice(id, "Un projet commun", ["Un échange de bons procédés entre deux partenaires", "Une subvention", "Un don"]);

function quiz(id: string, kind: QuizDefinition["kind"], questions: Question[], extra: Partial<QuizDefinition> = {}): QuizDefinition {
  return { id, title: id, kind, passMark: 70, questions, objectives: {}, file: `quizzes/${id}.yaml`, ...extra };
}

describe("the longest option", () => {
  test("is a tell when it is strictly the longest and right", () => {
    expect(longestIsRight(tell("a"))).toBe(true);
    expect(longestIsRight(fair("b"))).toBe(false);
    // A tie for the longest gives nothing away.
    expect(longestIsRight(choice("c", "Douze lettres", ["Treize_lettre", "Non"]))).toBe(false);
    // Spaces do not make an option longer.
    expect(longestIsRight(choice("d", "Oui   bien  sûr", ["Oui bien sûrs", "Non"]))).toBe(false);
  });

  test("is not measured on questions with fewer than 3 options, nor on other types", () => {
    expect(longestIsRight(choice("e", "Une très longue bonne réponse", ["Non"]))).toBeNull();
    expect(longestIsRight(trueFalse("f"))).toBeNull();
  });

  test("in a choix multiple, is a tell when the single longest option is one of the right ones", () => {
    const multiple: Question = {
      id: "m",
      type: "choix-multiple",
      stem: "Lesquelles ?",
      feedback: "…",
      source,
      concepts: [],
      options: [
        { text: "Court", correct: true },
        { text: "La plus longue des options", correct: true },
        { text: "Moyenne", correct: false, feedback: "…" },
      ],
    };
    expect(longestIsRight(multiple)).toBe(true);
  });

  test("a biased quiz breaks the 40 % rule, a compliant one passes", () => {
    // 3 tells out of 5 eligible questions: 60 %.
    const biased = [tell("q1"), tell("q2"), tell("q3"), fair("q4"), fair("q5"), trueFalse("q6")];
    expect(lengthBiasProblems("quizzes/biaise.yaml", "quiz", biased)).toEqual([
      {
        file: "quizzes/biaise.yaml",
        message:
          "quiz : la bonne réponse est l'option la plus longue dans 3 des 5 questions à choix de 3 options ou plus (60 %, au plus 40 %) : q1, q2, q3",
      },
    ]);
    // 2 out of 5: 40 %, the most allowed.
    expect(lengthBiasProblems("quizzes/juste.yaml", "quiz", [tell("q1"), tell("q2"), fair("q3"), fair("q4"), fair("q5")])).toEqual([]);
    // A question reused twice counts once.
    expect(questionSetFigures([tell("q1"), tell("q1"), fair("q2")])).toMatchObject({ questions: 2, choices: 2, longestRight: 1 });
  });
});

test("every wrong option needs its own feedback", () => {
  const silent = choice("s1", "Un projet commun", ["Une subvention", "Un don"]);
  if (silent.type !== "choix-unique") throw new Error("type");
  silent.options[1] = { text: "Une subvention", correct: false };
  expect(optionFeedbackProblems(quiz("muet", "entrainement", [silent, fair("s2")]))).toEqual([
    {
      file: "quizzes/muet.yaml",
      message: "options fausses sans rétroaction (dites pourquoi l'option tente et pourquoi elle ne suffit pas) : s1 (1)",
    },
  ]);
  expect(optionFeedbackProblems(quiz("bavard", "entrainement", [fair("s2"), trueFalse("s3")]))).toEqual([]);
  expect(questionSetFigures([silent, fair("s2")])).toMatchObject({ wrongOptions: 5, wrongWithoutFeedback: 1 });
});

describe("a final pool", () => {
  const practice = quiz("entrainement", "entrainement", [fair("p1"), trueFalse("p2", "L'alliance  est un  CONTRAT d’échange.")]);
  const seen = seenInPractice([practice]);

  test("counts as seen a practice question, by id or by the same stem once spaces, case and apostrophes are normalised", () => {
    expect(normaliseStem("  L’alliance\u00a0est  UN contrat ")).toBe("l'alliance est un contrat");
    expect(isSeen(fair("p1"), seen)).toBe(true);
    expect(isSeen(trueFalse("f2", "l'alliance est un contrat d'échange."), seen)).toBe(true);
    expect(isSeen(trueFalse("f3"), seen)).toBe(false);
    // Half unseen: the least allowed.
    const final = quiz("finale", "evaluation-finale", [
      fair("p1"),
      trueFalse("f2", "l'alliance est un contrat d'échange."),
      trueFalse("f3"),
      trueFalse("f4"),
    ]);
    expect(unseenProblems(final, seen)).toEqual([]);
  });

  test("with less than half of unseen questions breaks the rule; half or more passes", () => {
    const mostlySeen = quiz("finale", "evaluation-finale", [
      fair("p1"),
      trueFalse("f2", "L'alliance est un contrat d'échange."),
      trueFalse("f3"),
    ]);
    expect(unseenProblems(mostlySeen, seen)).toEqual([
      {
        file: "quizzes/finale.yaml",
        message:
          "1 des 3 questions (33 %) n'ont jamais été montrées dans un quiz d'entraînement : il en faut au moins 50 %, des cas nouveaux qui appliquent le cours. Déjà vues : p1, f2",
      },
    ]);
    const mostlyNew = quiz("finale", "evaluation-finale", [fair("p1"), trueFalse("f3"), trueFalse("f4")]);
    expect(unseenProblems(mostlyNew, seen)).toEqual([]);
  });

  test("must hold the draw and half again, so that two attempts in a row share at most half", () => {
    const pool = (size: number) => Array.from({ length: size }, (_, index) => trueFalse(`t${index}`));
    expect(overlapProblems(quiz("finale", "evaluation-finale", pool(14), { draw: 10 }))).toEqual([
      {
        file: "quizzes/finale.yaml",
        message:
          "réserve de 14 questions pour 10 par tentative : il en faut au moins 15 (draw + moitié du draw) pour que deux tentatives successives partagent au plus la moitié de leurs questions",
      },
    ]);
    expect(overlapProblems(quiz("finale", "evaluation-finale", pool(15), { draw: 10 }))).toEqual([]);
    expect(overlapProblems(quiz("finale", "evaluation-finale", pool(5)))).toEqual([
      {
        file: "quizzes/finale.yaml",
        message:
          "réserve de 5 questions pour 5 par tentative (sans draw, toutes) : il en faut au moins 8 (draw + moitié du draw) pour que deux tentatives successives partagent au plus la moitié de leurs questions",
      },
    ]);
  });

  test("tags every question with an objective of its path, and assesses every objective at least twice", () => {
    const path = { id: "parcours-test", objectives: ["Expliquer.", "Classer.", "Décider."] };
    const questions = [trueFalse("o1"), trueFalse("o2"), trueFalse("o3"), trueFalse("o4"), trueFalse("o5"), trueFalse("o6")];
    const untagged = objectiveProblems(
      quiz("finale", "evaluation-finale", questions, { objectives: { o1: 1, o2: 1, o3: 2, o4: 4 } }),
      path,
    );
    expect(untagged.invalid).toEqual([
      { file: "quizzes/finale.yaml", message: "question o4 : objective 4 n'existe pas (le parcours parcours-test a 3 objectifs)" },
    ]);
    expect(untagged.pending).toEqual([
      {
        file: "quizzes/finale.yaml",
        message: "questions sans objective (le numéro de l'objectif du parcours parcours-test qu'elles évaluent) : o5, o6",
      },
      {
        file: "quizzes/finale.yaml",
        message: "objectif 2 du parcours parcours-test (« Classer. ») évalué par 1 question : il en faut au moins 2",
      },
      {
        file: "quizzes/finale.yaml",
        message: "objectif 3 du parcours parcours-test (« Décider. ») évalué par 0 question : il en faut au moins 2",
      },
    ]);
    const tagged = objectiveProblems(
      quiz("finale", "evaluation-finale", questions, { objectives: { o1: 1, o2: 1, o3: 2, o4: 2, o5: 3, o6: 3 } }),
      path,
    );
    expect(tagged).toEqual({ invalid: [], pending: [] });
  });
});

test("the printed table marks each broken figure", () => {
  const lines = formatAssessmentTable({
    paths: [
      {
        pathId: "parcours-test",
        title: "Test",
        file: "paths/test.yaml",
        set: { questions: 6, choices: 5, longestRight: 3, wrongOptions: 10, wrongWithoutFeedback: 0 },
        final: {
          quizId: "finale",
          file: "quizzes/finale.yaml",
          questions: 4,
          choices: 2,
          longestRight: 0,
          wrongOptions: 4,
          wrongWithoutFeedback: 1,
          unseen: 1,
          pool: 4,
          draw: 2,
          minPool: 3,
          objectives: 2,
          perObjective: [2, 2],
          objectivesCovered: 2,
          untagged: 0,
        },
      },
    ],
    banks: [],
    problems: [],
    pending: [],
  });
  expect(lines[0]).toMatch(/questions +jamais vues +plus longue = juste +objectifs couverts +options fausses sans rétroaction/);
  expect(lines.find((line) => line.includes("parcours-test"))).toMatch(/6 +3\/5 \(60 %\) ✗ +0\/10 \(0 %\)$/);
  expect(lines.find((line) => line.includes("finale finale"))).toMatch(
    /\(2 tirées sur 4, il en faut 3\) +4 +1\/4 \(25 %\) ✗ +0\/2 \(0 %\) +2\/2 +1\/4 \(25 %\) ✗$/,
  );
});
