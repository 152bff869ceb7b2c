import { describe, expect, test } from "vitest";
import { findSharedRuns } from "./copy-check.ts";

const seed: [string, string] = ["000.txt", "Aucun problème social ne peut être réglé seul : il faut un travail coordonné et durable entre organisations diverses."];

describe("copy check", () => {
  test("finds a copied run whatever its case, accents and punctuation, with its line", () => {
    const lesson = "Un titre\n\nOn le sait : AUCUN probleme social ne peut etre regle seul, il faut un travail coordonné, et ensuite autre chose.";
    expect(findSharedRuns(lesson, [seed], 10)).toEqual([
      { words: "aucun probleme social ne peut etre regle seul il faut un travail coordonne et", length: 14, line: 3, seed: "000.txt" },
    ]);
  });

  test("a paraphrase shorter than the threshold is not reported", () => {
    const lesson = "Aucun problème social ne se règle seul : il faut coordonner dans la durée des organisations différentes.";
    expect(findSharedRuns(lesson, [seed], 10)).toEqual([]);
  });

  test("cited source headings are titles, not copied sentences", () => {
    const lesson = `sources:\n  - ref: mission-2020\n    heading: "${seed[1]}"\n<KeyFigure value="1" heading="${seed[1]}" />`;
    expect(findSharedRuns(lesson, [seed], 10)).toEqual([]);
  });

  test("two separate copied passages are two runs", () => {
    const lesson = `${seed[1]}\nPuis une phrase à nous, entièrement nouvelle ici.\n${seed[1]}`;
    expect(findSharedRuns(lesson, [seed], 10).map((run) => run.line)).toEqual([1, 3]);
  });
});
