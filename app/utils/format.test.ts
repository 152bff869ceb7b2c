import { describe, expect, test } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDuration,
  formatMinutes,
  formatNumber,
  formatNumericDate,
  formatPercent,
  formatShare,
  formatTime,
} from "./format.ts";

/** « ␣ » stands for U+00A0, « ⍽ » for U+202F: the assertions show which space is where. */
const show = (text: string) => text.replace(/\u00A0/g, "␣").replace(/\u202F/g, "⍽");

describe("dates", () => {
  test("the first of the month reads « 1er », in Paris time", () => {
    expect(show(formatDate(new Date("2026-12-01T10:00:00Z")))).toBe("1er␣décembre 2026");
    // 23:30 UTC on 30 November is already 1 December in Paris.
    expect(show(formatDate("2026-11-30T23:30:00Z"))).toBe("1er␣décembre 2026");
    expect(show(formatDate(new Date("2027-01-01T00:30:00+01:00")))).toBe("1er␣janvier 2027");
  });

  test("other days are plain numbers, never « 11er » or « 21er »", () => {
    expect(show(formatDate("2026-11-20T15:30:00Z"))).toBe("20␣novembre 2026");
    expect(show(formatDate("2026-11-11T12:00:00Z"))).toBe("11␣novembre 2026");
    expect(show(formatDate("2026-11-21T12:00:00Z"))).toBe("21␣novembre 2026");
    expect(show(formatDate("2026-12-31T12:00:00Z"))).toBe("31␣décembre 2026");
  });

  test("a calendar day is that day, in winter and in summer time", () => {
    expect(show(formatDate("2026-12-07"))).toBe("7␣décembre 2026");
    expect(show(formatDate("2027-03-01"))).toBe("1er␣mars 2027");
    expect(show(formatDate("2027-07-14"))).toBe("14␣juillet 2027");
  });

  test("a spreadsheet date is day/month/year with two digits, in Paris time", () => {
    expect(formatNumericDate("2027-03-05T10:00:00Z")).toBe("05/03/2027");
    expect(formatNumericDate("2026-12-31T23:30:00Z")).toBe("01/01/2027");
  });

  test("times read « 9 h 05 », in Paris time, with no-break spaces", () => {
    expect(show(formatTime("2026-12-01T08:05:00Z"))).toBe("9␣h␣05");
    expect(show(formatTime("2026-12-01T23:00:00Z"))).toBe("0␣h␣00");
    expect(show(formatTime("2027-07-01T12:30:00Z"))).toBe("14␣h␣30");
    expect(show(formatDateTime("2026-12-01T13:30:00Z"))).toBe("1er␣décembre 2026 à 14␣h␣30");
  });
});

describe("durations: one style, rounded down", () => {
  test.each([
    [0, "0␣min"],
    [-5, "0␣min"],
    [Number.NaN, "0␣min"],
    [0.9, "0␣min"],
    [20, "20␣s"],
    [59.9, "59␣s"],
    [60, "1␣min"],
    [179, "2␣min"],
    [3599, "59␣min"],
    [3600, "1␣h"],
    [3659, "1␣h"],
    [3900, "1␣h␣05"],
    [7800, "2␣h␣10"],
    [14_820, "4␣h␣07"],
    [45_000, "12␣h␣30"],
    [3_600_000, "1⍽000␣h"],
  ])("formatDuration(%d) → %s", (seconds, text) => {
    expect(show(formatDuration(seconds))).toBe(text);
  });

  test("a time counting up reads « 0 s » before its first second", () => {
    expect(show(formatDuration(0.4, { zero: "s" }))).toBe("0␣s");
    expect(show(formatDuration(20, { zero: "s" }))).toBe("20␣s");
    expect(show(formatDuration(120, { zero: "s" }))).toBe("2␣min");
  });

  test("minutes read the same way", () => {
    expect([0, 20, 60, 90, 240, 720].map((minutes) => show(formatMinutes(minutes)))).toEqual([
      "0␣min",
      "20␣min",
      "1␣h",
      "1␣h␣30",
      "4␣h",
      "12␣h",
    ]);
  });
});

describe("numbers and percentages", () => {
  test("thousands are grouped with U+202F, decimals take a comma", () => {
    expect(show(formatNumber(0))).toBe("0");
    expect(show(formatNumber(999))).toBe("999");
    expect(show(formatNumber(1000))).toBe("1⍽000");
    expect(show(formatNumber(12_500_000))).toBe("12⍽500⍽000");
    expect(show(formatNumber(3.456, 1))).toBe("3,5");
    expect(show(formatNumber(2, 1))).toBe("2,0");
    expect(show(formatNumber(2.5))).toBe("3");
  });

  test("a percentage is whole, with a no-break space before « % »", () => {
    expect(show(formatPercent(0))).toBe("0␣%");
    expect(show(formatPercent(82))).toBe("82␣%");
    expect(show(formatPercent(82.5))).toBe("83␣%");
    expect(show(formatPercent(100))).toBe("100␣%");
    expect(show(formatShare(0))).toBe("0␣%");
    expect(show(formatShare(0.825))).toBe("83␣%");
    expect(show(formatShare(1 / 3))).toBe("33␣%");
  });
});
