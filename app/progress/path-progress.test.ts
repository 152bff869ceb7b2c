import { describe, expect, test } from "vitest";
import { summarizePath } from "./path-progress.ts";

const lessons = [
  { id: "a", minutes: 10 },
  { id: "b", minutes: 20 },
  { id: "c", minutes: 30 },
];
const done = (lessonId: string, activeSeconds = 0) => ({ lessonId, startedAt: "2026-01-01", completedAt: "2026-01-02", activeSeconds });
const started = (lessonId: string, activeSeconds = 0) => ({ lessonId, startedAt: "2026-01-01", completedAt: null, activeSeconds });

describe("summarizePath", () => {
  test("nothing done: 0 %, resume at the first lesson, not started", () => {
    expect(summarizePath(lessons, [])).toMatchObject({
      percent: 0,
      completedLessons: 0,
      totalLessons: 3,
      resumeLessonId: "a",
      started: false,
      completed: false,
      statuses: { a: "a-faire", b: "a-faire", c: "a-faire" },
    });
  });

  test("percent follows the estimated minutes of completed lessons", () => {
    const summary = summarizePath(lessons, [done("a", 300), started("b", 120)]);
    expect(summary.percent).toBe(16); // 10 of 60 minutes, rounded down
    expect(summary.statuses).toEqual({ a: "terminee", b: "en-cours", c: "a-faire" });
    expect(summary.resumeLessonId).toBe("b");
    expect(summary.activeSeconds).toBe(420);
    expect(summary.started).toBe(true);
  });

  test("resume goes to the first unfinished lesson in path order, even if a later one is done", () => {
    expect(summarizePath(lessons, [done("a"), done("c")]).resumeLessonId).toBe("b");
  });

  test("all done: 100 %, completed, nothing to resume", () => {
    expect(summarizePath(lessons, [done("a"), done("b"), done("c")])).toMatchObject({
      percent: 100,
      completed: true,
      resumeLessonId: null,
    });
  });

  test("progress on lessons of other paths is ignored", () => {
    const summary = summarizePath(lessons, [done("z", 999)]);
    expect(summary).toMatchObject({ percent: 0, started: false, activeSeconds: 0 });
  });
});
