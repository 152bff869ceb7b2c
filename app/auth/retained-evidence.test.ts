import { expect, test } from "vitest";
import { summariseEvidence, yearsAfter } from "./retained-evidence.ts";

const certificate = {
  code: "ABCD",
  pathId: "decouvrir",
  pathTitle: "Découvrir",
  nominalMinutes: 60,
  activeSeconds: 3700,
  firstActivityAt: new Date("2027-03-01T08:00:00Z"),
  completedAt: new Date("2027-03-03T17:00:00Z"),
};

test("yearsAfter: calendar years (29 February falls on 1 March)", () => {
  expect(yearsAfter(new Date("2027-01-05T16:00:00Z"), 6)).toEqual(new Date("2033-01-05T16:00:00Z"));
  expect(yearsAfter(new Date("2028-02-29T12:00:00Z"), 3)).toEqual(new Date("2031-03-01T12:00:00Z"));
  expect(yearsAfter(new Date("2030-06-01T00:00:00Z"), -3)).toEqual(new Date("2027-06-01T00:00:00Z"));
});

test("time and lessons per day in Paris; assessments of the training only, in order, results without answers", () => {
  const summary = summariseEvidence(
    certificate,
    [
      { receivedAt: new Date("2027-03-01T09:00:00Z"), seconds: 15 },
      // 23:10 UTC is past midnight in Paris: the next day.
      { receivedAt: new Date("2027-03-01T23:10:00Z"), seconds: 10 },
      { receivedAt: new Date("2027-03-03T10:00:00Z"), seconds: 15 },
    ],
    [
      { lessonId: "l2", completedAt: new Date("2027-03-03T10:05:00Z") },
      { lessonId: "l1", completedAt: new Date("2027-03-01T09:30:00Z") },
      { lessonId: "l3", completedAt: null },
    ],
    [
      { quizId: "finale", number: 2, submittedAt: new Date("2027-03-03T16:00:00Z"), score: 90, passed: true },
      { quizId: "finale", number: 1, submittedAt: new Date("2027-03-03T15:00:00Z"), score: 40, passed: false },
      { quizId: "avant", number: 1, submittedAt: new Date("2027-02-01T15:00:00Z"), score: 10, passed: false },
      { quizId: "apres", number: 1, submittedAt: new Date("2027-04-01T15:00:00Z"), score: 10, passed: false },
      { quizId: "ouvert", number: 1, submittedAt: null, score: null, passed: null },
    ],
    [
      { askedAt: new Date("2027-03-02T10:00:00Z"), answeredAt: null },
      { askedAt: new Date("2027-03-01T10:00:00Z"), answeredAt: new Date("2027-03-01T15:00:00Z") },
    ],
  );
  expect(summary.days).toEqual([
    { day: "2027-03-01", activeSeconds: 15, lessonsCompleted: ["l1"] },
    { day: "2027-03-02", activeSeconds: 10, lessonsCompleted: [] },
    { day: "2027-03-03", activeSeconds: 15, lessonsCompleted: ["l2"] },
  ]);
  // Questions: when asked and answered, oldest first; never their words.
  expect(summary.questions).toEqual([
    { askedAt: "2027-03-01T10:00:00.000Z", answeredAt: "2027-03-01T15:00:00.000Z" },
    { askedAt: "2027-03-02T10:00:00.000Z", answeredAt: null },
  ]);
  expect(summary.assessments.map((a) => `${a.quizId}#${a.number}:${a.score}`)).toEqual(["finale#1:40", "finale#2:90"]);
  expect(Object.keys(summary).sort()).toEqual(
    [
      "activeSeconds",
      "assessments",
      "certificateCode",
      "completedAt",
      "days",
      "firstActivityAt",
      "format",
      "nominalMinutes",
      "pathId",
      "pathTitle",
      "questions",
    ].sort(),
  );
});
