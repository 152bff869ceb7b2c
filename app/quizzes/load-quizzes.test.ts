import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { loadQuizzes } from "./load-quizzes.server.ts";

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A courses folder holding only these quiz files. */
function coursesWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-quiz-"));
  made.push(dir);
  mkdirSync(path.join(dir, "quizzes"));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "quizzes", name), text);
  return dir;
}

const question = (id: string, extra = "") =>
  `  - id: ${id}\n    type: vrai-faux\n    stem: Énoncé ${id}\n    answer: true\n    feedback: Parce que.\n    source: { ref: source-a, heading: A }\n${extra}`;

const PRACTICE = `id: entrainement\ntitle: Entraînement\npassMark: 0\nquestions:\n${question("p1")}${question("p2")}`;

describe("objective tags of a final assessment", () => {
  test("come from an own question's objective and from a reference's { from, objective }", () => {
    const dir = coursesWith({
      "entrainement.yaml": PRACTICE,
      "finale.yaml":
        `id: finale\ntitle: Finale\nkind: evaluation-finale\npassMark: 70\nquestions:\n${question("f1", "    objective: 2\n")}  - from: p1\n    objective: 1\n  - { from: p2, objective: 3 }\n  - from: p2\n`.replace(
          "  - from: p2\n",
          "",
        ),
    });
    const { quizzes, problems } = loadQuizzes(dir, new Set(["source-a"]));
    expect(problems).toEqual([]);
    expect(quizzes.get("finale")!.objectives).toEqual({ f1: 2, p1: 1, p2: 3 });
    expect(quizzes.get("finale")!.questions.map((q) => q.id)).toEqual(["f1", "p1", "p2"]);
    // The practice quiz that defines p1 and p2 is not tagged by the final's references.
    expect(quizzes.get("entrainement")!.objectives).toEqual({});
  });

  test("a question left untagged is simply absent from the map (the checker names it)", () => {
    const dir = coursesWith({
      "entrainement.yaml": PRACTICE,
      "finale.yaml": `id: finale\ntitle: Finale\nkind: evaluation-finale\npassMark: 70\nquestions:\n  - from: p1\n`,
    });
    const { quizzes, problems } = loadQuizzes(dir, new Set(["source-a"]));
    expect(problems).toEqual([]);
    expect(quizzes.get("finale")!.objectives).toEqual({});
  });

  test("are refused in a practice quiz, and when they are not a whole number from 1", () => {
    const dir = coursesWith({
      "entrainement.yaml": PRACTICE.replace("questions:\n", `questions:\n${question("p0", "    objective: 1\n")}`),
      "finale.yaml": `id: finale\ntitle: Finale\nkind: evaluation-finale\npassMark: 70\nquestions:\n  - { from: p1, objective: 0 }\n`,
      "finale-b.yaml": `id: finale-b\ntitle: Finale B\nkind: evaluation-finale\npassMark: 70\nquestions:\n  - { from: p2, objective: deux }\n`,
    });
    const { problems } = loadQuizzes(dir, new Set(["source-a"]));
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: "quizzes/entrainement.yaml",
          message: "question p0 : objective ne s'emploie que dans une évaluation finale (il renvoie aux objectifs de son parcours)",
        },
        { file: "quizzes/finale.yaml", message: "questions.0.objective : les objectifs du parcours se comptent à partir de 1" },
        { file: "quizzes/finale-b.yaml", message: "questions.0.objective : le numéro d'un objectif du parcours (1, 2, 3…)" },
      ]),
    );
  });
});
