import { describe, expect, test } from "vitest";
import { delayHours, formatAnsweredIn, formatElapsed, formatWaiting, questionEvidence } from "./waiting.ts";

const NBSP = "\u00A0";
const asked = new Date("2027-01-04T09:00:00Z");
const after = (hours: number) => new Date(asked.getTime() + hours * 3_600_000);

describe("the time a question waited, in words", () => {
  test("under an hour, in hours, then in whole days, always rounded down", () => {
    expect(formatWaiting(asked, after(0.99))).toBe("en attente depuis moins d'une heure");
    expect(formatWaiting(asked, after(1))).toBe(`en attente depuis 1${NBSP}heure`);
    expect(formatWaiting(asked, after(23.9))).toBe(`en attente depuis 23${NBSP}heures`);
    expect(formatWaiting(asked, after(24))).toBe(`en attente depuis 1${NBSP}jour`);
    expect(formatWaiting(asked, after(47.9))).toBe(`en attente depuis 1${NBSP}jour`);
    expect(formatWaiting(asked, after(72))).toBe(`en attente depuis 3${NBSP}jours`);
  });

  test("a clock behind the question's time reads as no wait, not a negative one", () => {
    expect(formatElapsed(-5_000)).toBe("moins d'une heure");
  });

  test("the answer's delay, from ISO strings as loaders send them", () => {
    expect(formatAnsweredIn(asked.toISOString(), after(5).toISOString())).toBe(`répondu en 5${NBSP}heures`);
  });
});

describe("evidence for the relevé d'activité", () => {
  test("delay in hours to the hundredth, null while unanswered", () => {
    expect(delayHours(asked, after(26.5))).toBe(26.5);
    expect(delayHours(asked, new Date(asked.getTime() + 60_000))).toBe(0.02);
    expect(delayHours(asked, null)).toBeNull();
  });

  test("every question, oldest first, with its times", () => {
    const evidence = questionEvidence([
      { askedAt: after(48), answer: null },
      { askedAt: asked, answer: { answeredAt: after(3) } },
    ]);
    expect(evidence).toEqual([
      { askedAt: asked, answeredAt: after(3), delayHours: 3 },
      { askedAt: after(48), answeredAt: null, delayHours: null },
    ]);
  });
});
