import { describe, expect, test } from "vitest";
import { pathEligibility, scenarioRequirements, type LearnerActivity, type PathRequirements } from "./eligibility.ts";

const PATH: PathRequirements = { lessonIds: ["l1", "l2"], finalAssessmentId: "final", scenarioIds: ["s1"] };
const day = (n: number, hour = 9) => new Date(Date.UTC(2026, 10, n, hour));

const lesson = (lessonId: string, started: number, completed: number | null, activeSeconds = 600) => ({
  lessonId,
  startedAt: day(started),
  completedAt: completed === null ? null : day(completed),
  activeSeconds,
});
const attempt = (submitted: number | null, score: number | null, passed: boolean | null, quizId = "final") => ({
  quizId,
  startedAt: day(submitted ?? 20, 8),
  submittedAt: submitted === null ? null : day(submitted),
  score,
  passed,
});
const run = (scenarioId: string, started: number, finished: number | null) => ({
  scenarioId,
  startedAt: day(started),
  finishedAt: finished === null ? null : day(finished),
});

const complete: LearnerActivity = {
  lessons: [lesson("l1", 2, 3, 900), lesson("l2", 4, 5, 1200)],
  attempts: [attempt(6, 60, false), attempt(7, 80, true)],
  runs: [run("s1", 4, 4)],
};

describe("path eligibility", () => {
  test("a complete path: dates, best passing score and active time come from the records", () => {
    expect(pathEligibility(PATH, complete)).toEqual({
      eligible: true,
      firstActivityAt: day(2),
      completedAt: day(7),
      finalScore: 80,
      activeSeconds: 2100,
    });
  });

  const cases: Array<[string, LearnerActivity, unknown[]]> = [
    [
      "nothing done",
      { lessons: [], attempts: [], runs: [] },
      [
        { kind: "lecon", lessonId: "l1" },
        { kind: "lecon", lessonId: "l2" },
        { kind: "evaluation", quizId: "final", state: "a-faire" },
        { kind: "simulation", scenarioId: "s1" },
      ],
    ],
    [
      "a lesson started but not completed",
      { ...complete, lessons: [lesson("l1", 2, 3), lesson("l2", 4, null)] },
      [{ kind: "lecon", lessonId: "l2" }],
    ],
    [
      "the assessment failed",
      { ...complete, attempts: [attempt(6, 60, false)] },
      [{ kind: "evaluation", quizId: "final", state: "non-reussie" }],
    ],
    [
      "the assessment begun, not finished",
      { ...complete, attempts: [attempt(null, null, null)] },
      [{ kind: "evaluation", quizId: "final", state: "a-faire" }],
    ],
    [
      "another quiz passed instead",
      { ...complete, attempts: [attempt(6, 100, true, "practice")] },
      [{ kind: "evaluation", quizId: "final", state: "a-faire" }],
    ],
    ["the simulation left before its ending", { ...complete, runs: [run("s1", 4, null)] }, [{ kind: "simulation", scenarioId: "s1" }]],
    ["another simulation played", { ...complete, runs: [run("s2", 4, 4)] }, [{ kind: "simulation", scenarioId: "s1" }]],
  ];
  test.each(cases)("incomplete: %s", (_why, activity, missing) => {
    expect(pathEligibility(PATH, activity)).toEqual({ eligible: false, missing });
  });

  test("completion is when the last requirement was first met, not a later replay or retry", () => {
    const activity: LearnerActivity = {
      lessons: [lesson("l1", 2, 3), lesson("l2", 4, 5)],
      attempts: [attempt(6, 75, true), attempt(12, 95, true)],
      runs: [run("s1", 4, 9), run("s1", 14, 15)],
    };
    const result = pathEligibility(PATH, activity);
    expect(result).toMatchObject({ eligible: true, completedAt: day(9), finalScore: 95 });
  });

  test("first activity includes opening the path and starting an activity before any lesson", () => {
    const result = pathEligibility(PATH, { ...complete, runs: [run("s1", 1, 4)], enrolledAt: day(1, 7) });
    expect(result).toMatchObject({ eligible: true, firstActivityAt: day(1, 7) });
  });

  test("progress on lessons outside the path counts neither as done nor as time", () => {
    const result = pathEligibility(PATH, { ...complete, lessons: [...complete.lessons, lesson("autre", 1, 1, 5000)] });
    expect(result).toMatchObject({ eligible: true, activeSeconds: 2100, firstActivityAt: day(2) });
  });

  test("a path without a final assessment or simulation needs only its lessons", () => {
    const result = pathEligibility(
      { lessonIds: ["l1"], finalAssessmentId: null, scenarioIds: [] },
      { lessons: [lesson("l1", 2, 3)], attempts: [], runs: [] },
    );
    expect(result).toMatchObject({ eligible: true, finalScore: null, completedAt: day(3) });
  });

  test("a path without lessons is never complete", () => {
    expect(pathEligibility({ lessonIds: [], finalAssessmentId: null, scenarioIds: [] }, { lessons: [], attempts: [], runs: [] })).toEqual({
      eligible: false,
      missing: [],
    });
  });

  describe("a simulation offered as a choice (<SimulationChoice>)", () => {
    const CHOICE: PathRequirements = { ...PATH, scenarioIds: [], scenarioChoices: [["sa", "sb"]] };
    const choice = (runs: LearnerActivity["runs"]): LearnerActivity => ({ ...complete, runs });

    test.each([
      ["the first option played", [run("sa", 4, 4)]],
      ["the second option played", [run("sb", 4, 4)]],
      ["both played", [run("sa", 4, 4), run("sb", 4, 8)]],
    ])("is met by any one option: %s", (_why, runs) => {
      expect(pathEligibility(CHOICE, choice(runs))).toMatchObject({ eligible: true, completedAt: day(7) });
    });

    test("is missing while no option has reached an ending, and says which options there are", () => {
      expect(pathEligibility(CHOICE, choice([run("sa", 4, null), run("autre", 4, 4)]))).toEqual({
        eligible: false,
        missing: [{ kind: "simulation-au-choix", scenarioIds: ["sa", "sb"] }],
      });
    });

    test("is met when the earliest option ends, even if that is the last requirement", () => {
      expect(pathEligibility(CHOICE, choice([run("sb", 9, 10), run("sa", 11, 12)]))).toMatchObject({
        eligible: true,
        completedAt: day(10),
      });
    });
  });

  test.each([
    ["single simulations are all required", [["s0"], ["sa"]], { scenarioIds: ["s0", "sa"], scenarioChoices: [] }],
    ["a choice stays a choice", [["s0"], ["sa", "sb"]], { scenarioIds: ["s0"], scenarioChoices: [["sa", "sb"]] }],
    ["a choice including a required simulation is already met by it", [["sa", "sb"], ["sb"]], { scenarioIds: ["sb"], scenarioChoices: [] }],
    [
      "the same choice in two lessons counts once",
      [
        ["sa", "sb"],
        ["sb", "sa"],
      ],
      { scenarioIds: [], scenarioChoices: [["sa", "sb"]] },
    ],
  ])("requirements from a path's simulations: %s", (_why, groups, expected) => {
    expect(scenarioRequirements(groups)).toEqual(expected);
  });

  describe("a path with a final project", () => {
    const WITH_PROJECT: PathRequirements = { ...PATH, finalProjectId: "projet-12h" };
    test.each([
      ["not started", null, "a-faire"],
      ["started, not submitted", { createdAt: day(5), submittedAt: null }, "en-cours"],
    ] as const)("is incomplete while the project is %s", (_why, project, state) => {
      expect(pathEligibility(WITH_PROJECT, { ...complete, project })).toEqual({
        eligible: false,
        missing: [{ kind: "projet", projectId: "projet-12h", state }],
      });
    });

    test("is complete once the project is submitted, which may be its last requirement", () => {
      expect(pathEligibility(WITH_PROJECT, { ...complete, project: { createdAt: day(1, 6), submittedAt: day(12) } })).toMatchObject({
        eligible: true,
        firstActivityAt: day(1, 6),
        completedAt: day(12),
      });
    });
  });
});

describe("recorded active time (issue 16: a certificate means hours spent, not seconds)", () => {
  const TIMED: PathRequirements = { ...PATH, minActiveSeconds: 1800 };

  test("everything done in a hurry: the time is missing, with what is recorded and what is required", () => {
    const hurried = { ...complete, lessons: [lesson("l1", 2, 3, 0), lesson("l2", 4, 5, 45)] };
    expect(pathEligibility(TIMED, hurried)).toEqual({
      eligible: false,
      missing: [{ kind: "temps", recordedSeconds: 45, requiredSeconds: 1800 }],
    });
  });

  test("time on lessons of other paths does not count", () => {
    const elsewhere = { ...complete, lessons: [...complete.lessons, lesson("autre", 1, 1, 5000)] };
    expect(pathEligibility({ ...PATH, minActiveSeconds: 3000 }, elsewhere)).toEqual({
      eligible: false,
      missing: [{ kind: "temps", recordedSeconds: 2100, requiredSeconds: 3000 }],
    });
  });

  test("enough time recorded: eligible, exactly at the threshold too", () => {
    expect(pathEligibility({ ...PATH, minActiveSeconds: 2100 }, complete)).toMatchObject({ eligible: true, activeSeconds: 2100 });
  });

  test("time is listed after the other missing requirements", () => {
    const started = { ...complete, lessons: [lesson("l1", 2, null, 10)] };
    const result = pathEligibility(TIMED, started);
    expect(result.eligible).toBe(false);
    expect(!result.eligible && result.missing.map((item) => item.kind)).toEqual(["lecon", "lecon", "temps"]);
  });
});
