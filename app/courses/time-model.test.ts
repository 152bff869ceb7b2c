import { describe, expect, test } from "vitest";
import {
  countWords,
  DEFAULT_MIN_ACTIVE_SHARE,
  lessonTime,
  minimumSecondsToComplete,
  pathTime,
  referenceLessonSeconds,
  requiredActiveSeconds,
  wordsFor,
  type LessonTimeInputs,
} from "./time-model.ts";

const inputs = (overrides: Partial<LessonTimeInputs> = {}): LessonTimeInputs => ({
  commonWords: 0,
  profileWords: {},
  reflections: 0,
  quizQuestions: 0,
  scenarioDecisions: 0,
  projectFields: {},
  ...overrides,
});

describe("the time model", () => {
  test("words are counted as a reader sees them", () => {
    expect(countWords("L'ODD 17 : le « comment faire » — c'est-à-dire les partenariats.")).toBe(8);
    expect(countWords("  \n ")).toBe(0);
  });

  test("a reader counts the common text and their own profile's passages; without a profile, every passage", () => {
    const lesson = { commonWords: 900, profileWords: { elu: 90, etudiant: 60 } };
    expect(wordsFor(lesson, "elu")).toBe(990);
    expect(wordsFor(lesson, "agent")).toBe(900);
    expect(wordsFor(lesson, null)).toBe(1050);
  });

  test("reading at 180 words a minute, plus a stated time per activity", () => {
    const time = lessonTime(inputs({ commonWords: 1800, reflections: 1, quizQuestions: 4, scenarioDecisions: 3, projectFields: { p: 2 } }), null);
    expect(time).toEqual({ readingSeconds: 600, activitySeconds: 120 + 4 * 45 + 3 * 60, projectSeconds: 2 * 300, totalSeconds: 600 + 480 + 600 });
  });

  test("a lesson can be marked done after a quarter of its on-page time, in whole minutes, never under a minute", () => {
    // 10 min of reading and 2 min of activities: a quarter is 3 min; the project written elsewhere does not count.
    expect(minimumSecondsToComplete(lessonTime(inputs({ commonWords: 1800, reflections: 1, projectFields: { p: 20 } }), null))).toBe(180);
    // 7 min: a quarter is 1 min 45, shown and required as 2 min.
    expect(minimumSecondsToComplete(lessonTime(inputs({ commonWords: 1260 }), null))).toBe(120);
    expect(minimumSecondsToComplete(lessonTime(inputs({ commonWords: 50 }), null))).toBe(60);
  });

  test("a path counts its final project once, however many lessons embed it", () => {
    const writing = inputs({ commonWords: 1800, projectFields: { projet: 10 } });
    const selfAssessment = inputs({ commonWords: 900, projectFields: { projet: 10 } });
    const total = pathTime([writing, selfAssessment], "elu");
    expect(total.projectSeconds).toBe(10 * 300);
    expect(total.totalSeconds).toBe(600 + 300 + 3000);
    expect(total.minimumSeconds).toBe(180 + 120);
  });

  test("a trainer's reference is the profile reading the least, without the project", () => {
    expect(referenceLessonSeconds(inputs({ commonWords: 1800, profileWords: { elu: 180, agent: 360, etudiant: 180, formateur: 540 }, projectFields: { p: 3 } }))).toBe(660);
  });

  test("a certificate asks for half the path's duration unless the path says otherwise", () => {
    expect(DEFAULT_MIN_ACTIVE_SHARE).toBe(0.5);
    expect(requiredActiveSeconds(720, undefined)).toBe(6 * 3600);
    expect(requiredActiveSeconds(60, undefined)).toBe(30 * 60);
    expect(requiredActiveSeconds(240, 0.25)).toBe(3600);
    expect(requiredActiveSeconds(240, 0)).toBe(0);
  });
});
