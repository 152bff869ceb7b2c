import { describe, expect, test } from "vitest";
import { nextStepToComplete, stepStatuses, submitBlockers, summarizeAssessment } from "./project-progress.ts";
import { PROJECT } from "./project-test-fixture.ts";

describe("project steps", () => {
  test("a step is complete when every required field has text; optional fields do not count", () => {
    const statuses = stepStatuses(PROJECT, { defi: "L'isolement des aînés.", besoins: "   ", remarques: "" });
    expect(statuses).toEqual([
      { stepId: "diagnostic", title: "Le diagnostic", filled: 1, required: 2, complete: false },
      { stepId: "premiers-pas", title: "Les premiers pas", filled: 0, required: 1, complete: false },
    ]);
    expect(nextStepToComplete(PROJECT, { defi: "x", besoins: "y" })).toBe("premiers-pas");
    expect(nextStepToComplete(PROJECT, { defi: "x", besoins: "y", actions: "z" })).toBeNull();
  });
});

describe("self-assessment", () => {
  test.each([
    ["nothing rated", {}, { rated: 0, complete: false, total: 0, weak: ["c1", "c2"], meetsBar: false }],
    ["a level without justification does not count", { c1: { level: 3, justification: " " } }, { rated: 0, total: 0, weak: ["c1", "c2"] }],
    [
      "complete and above the bar",
      { c1: { level: 3, justification: "Besoins sourcés." }, c2: { level: 2, justification: "Une action." } },
      { rated: 2, complete: true, total: 5, weak: [], meetsBar: true },
    ],
    [
      "complete but one criterion below 2",
      { c1: { level: 4, justification: "a" }, c2: { level: 1, justification: "b" } },
      { complete: true, total: 5, weak: ["c2"], meetsBar: false },
    ],
    [
      "complete, each at 2, but the total under 5",
      { c1: { level: 2, justification: "a" }, c2: { level: 2, justification: "b" } },
      { complete: true, total: 4, weak: [], meetsBar: false },
    ],
  ])("%s", (_why, assessment, expected) => {
    expect(summarizeAssessment(PROJECT, assessment)).toMatchObject({ criteria: 2, max: 8, ...expected });
  });

  test("submission needs every step and every criterion, whatever the levels", () => {
    expect(submitBlockers(PROJECT, { defi: "a" }, { c1: { level: 1, justification: "b" } })).toEqual([
      { kind: "etape", stepId: "diagnostic", title: "Le diagnostic" },
      { kind: "etape", stepId: "premiers-pas", title: "Les premiers pas" },
      { kind: "grille", missing: 1 },
    ]);
    const assessment = { c1: { level: 1, justification: "b" }, c2: { level: 1, justification: "c" } };
    expect(submitBlockers(PROJECT, { defi: "a", besoins: "b", actions: "c" }, assessment)).toEqual([]);
  });
});
