import { describe, expect, test } from "vitest";
import { isOpen, placementCsvColumns, progressionRows, readPlacementForm, summarizeCohortPlacements } from "./placement-rules.ts";
import type { DiagnosticQuestion } from "./placement-schema.ts";

const OBJECTIVES = ["Expliquer pourquoi.", "Décrire ce qu'est une alliance."];
const QUESTIONS: DiagnosticQuestion[] = [
  { id: "cadre", question: "Dans quel cadre ?", options: ["Élu·e", "Autre"] },
  { id: "attentes", question: "Qu'attendez-vous ?" },
];

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

describe("readPlacementForm", () => {
  test("a level for each objective and optional answers", () => {
    const { values, errors } = readPlacementForm(
      form({ "objectif-1": "1", "objectif-2": "4", "question-cadre": "Élu·e", "question-attentes": "  " }),
      OBJECTIVES,
      QUESTIONS,
      "ENTRY",
    );
    expect(errors).toEqual({});
    expect(values).toEqual({
      objectives: [
        { objective: OBJECTIVES[0], level: 1 },
        { objective: OBJECTIVES[1], level: 4 },
      ],
      diagnostic: [{ id: "cadre", question: "Dans quel cadre ?", answer: "Élu·e" }],
    });
  });

  test("refuses a missing or impossible level, an option not offered, an answer too long", () => {
    const { errors } = readPlacementForm(
      form({ "objectif-1": "5", "question-cadre": "Ministre", "question-attentes": "x".repeat(1001) }),
      OBJECTIVES,
      QUESTIONS,
      "ENTRY",
    );
    expect(Object.keys(errors).sort()).toEqual(["objectif-1", "objectif-2", "question-attentes", "question-cadre"]);
    for (const level of ["0", "-1", "1.5", "", "01", "2e0"]) {
      expect(readPlacementForm(form({ "objectif-1": level, "objectif-2": "2" }), OBJECTIVES, [], "EXIT").errors).toHaveProperty(
        "objectif-1",
      );
    }
  });

  test("the exit takes levels only; unknown fields are ignored", () => {
    const { values, errors } = readPlacementForm(
      form({ "objectif-1": "2", "objectif-2": "3", "question-cadre": "Élu·e", "objectif-3": "4", autre: "x" }),
      OBJECTIVES,
      QUESTIONS,
      "EXIT",
    );
    expect(errors).toEqual({});
    expect(values.diagnostic).toEqual([]);
    expect(values.objectives).toHaveLength(2);
  });
});

test("the entry is open until a lesson is completed in this path, the exit once all are", () => {
  expect(isOpen("ENTRY", { completedLessons: 0, completedInPath: 0, totalLessons: 9 })).toBe(true);
  expect(isOpen("ENTRY", { completedLessons: 4, completedInPath: 0, totalLessons: 9 })).toBe(true);
  expect(isOpen("ENTRY", { completedLessons: 1, completedInPath: 1, totalLessons: 9 })).toBe(false);
  expect(isOpen("EXIT", { completedLessons: 8, completedInPath: 8, totalLessons: 9 })).toBe(false);
  expect(isOpen("EXIT", { completedLessons: 9, completedInPath: 2, totalLessons: 9 })).toBe(true);
  expect(isOpen("EXIT", { completedLessons: 0, completedInPath: 0, totalLessons: 0 })).toBe(false);
});

test("progression rows follow the objectives, and keep an objective rated under an older wording", () => {
  expect(
    progressionRows(
      OBJECTIVES,
      [
        { objective: "Ancien objectif.", level: 1 },
        { objective: OBJECTIVES[0]!, level: 2 },
      ],
      null,
    ),
  ).toEqual([
    { objective: OBJECTIVES[0], entry: 2, exit: null },
    { objective: OBJECTIVES[1], entry: null, exit: null },
    { objective: "Ancien objectif.", entry: 1, exit: null },
  ]);
});

test("the cohort distribution is hidden per moment under 5 respondents", () => {
  const rated = (level: number) => ({ moment: "ENTRY", objectives: [{ objective: OBJECTIVES[0]!, level }] });
  const four = summarizeCohortPlacements(OBJECTIVES, [1, 1, 2, 4].map(rated));
  expect(four.objectives[0]).toEqual({ objective: OBJECTIVES[0], entry: null, exit: null });
  const five = summarizeCohortPlacements(OBJECTIVES, [1, 1, 2, 4, 4].map(rated));
  expect(five.objectives[0]!.entry).toEqual([2, 1, 0, 2]);
  expect(five.objectives[1]!.entry).toEqual([0, 0, 0, 0]);
});

test("CSV columns: entry then exit per objective, empty cells for who did not answer", () => {
  const columns = placementCsvColumns(OBJECTIVES, new Map([["u1", { entry: [1, 2], exit: [null, 4] }]]));
  expect(columns.header).toHaveLength(4);
  expect(columns.header[0]).toContain("Positionnement d'entrée, objectif 1");
  expect(columns.cells("u1")).toEqual([1, 2, null, 4]);
  expect(columns.cells("u2")).toEqual([null, null, null, null]);
});
