import { describe, expect, test } from "vitest";
import { expectedLessons, isBehindPace, isInactive } from "./pace.ts";

const calendar = { startsOn: "2027-01-04T00:00:00Z", dueOn: "2027-01-14T00:00:00Z" };
const on = (iso: string) => new Date(iso);

describe("pace", () => {
  test.each([
    ["before the start", "2027-01-01T12:00:00Z", 0],
    ["on the first day", "2027-01-04T09:00:00Z", 0],
    ["halfway", "2027-01-09T00:00:00Z", 5],
    ["at 79 % of the calendar", "2027-01-11T21:36:00Z", 7],
    ["on the due date", "2027-01-14T00:00:00Z", 10],
    ["after it", "2027-02-01T00:00:00Z", 10],
  ])("expected lessons of 10 %s", (_when, now, expected) => {
    expect(expectedLessons(calendar, 10, on(now))).toBe(expected);
  });

  test("halfway through, 4 lessons of 10 is late, 5 is on time", () => {
    expect(isBehindPace(4, 10, calendar, on("2027-01-09T00:00:00Z"))).toBe(true);
    expect(isBehindPace(5, 10, calendar, on("2027-01-09T00:00:00Z"))).toBe(false);
  });

  test("without both dates nobody is late", () => {
    expect(isBehindPace(0, 10, { startsOn: calendar.startsOn, dueOn: null }, on("2027-06-01T00:00:00Z"))).toBe(false);
    expect(isBehindPace(0, 10, { startsOn: null, dueOn: null }, on("2027-06-01T00:00:00Z"))).toBe(false);
  });

  test.each([
    ["never active", null, true],
    ["active 6 days 23 h ago", "2027-01-02T01:00:00Z", false],
    ["active exactly 7 days ago", "2027-01-02T00:00:00Z", true],
    ["active 10 days ago", "2026-12-30T00:00:00Z", true],
  ])("inactive for 7 days: %s", (_why, last, expected) => {
    expect(isInactive(last, on("2027-01-09T00:00:00Z"))).toBe(expected);
  });
});
