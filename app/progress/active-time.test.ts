import { describe, expect, test } from "vitest";
import { creditedSeconds, HEARTBEAT_SECONDS } from "./active-time.ts";

const now = new Date("2026-05-01T10:00:00Z");
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe("creditedSeconds", () => {
  test("a regular heartbeat is credited in full", () => {
    expect(creditedSeconds({ claimed: 15, lastBeatAt: ago(15), now })).toBe(15);
  });
  test("a claim is never worth more than one heartbeat", () => {
    expect(creditedSeconds({ claimed: 3600, lastBeatAt: null, now })).toBe(HEARTBEAT_SECONDS);
    expect(creditedSeconds({ claimed: 3600, lastBeatAt: ago(600), now })).toBe(HEARTBEAT_SECONDS);
  });
  test("nor more than the time elapsed since the previous credited heartbeat", () => {
    expect(creditedSeconds({ claimed: 15, lastBeatAt: ago(4), now })).toBe(4);
    expect(creditedSeconds({ claimed: 15, lastBeatAt: now, now })).toBe(0);
  });
  test("a clock slightly early still counts the round seconds", () => {
    expect(creditedSeconds({ claimed: 15, lastBeatAt: ago(14.8), now })).toBe(15);
  });
  test("a partial last heartbeat (tab hidden) counts what it claims", () => {
    expect(creditedSeconds({ claimed: 7, lastBeatAt: ago(7.2), now })).toBe(7);
  });
  test.each([0, -10, Number.NaN, Number.POSITIVE_INFINITY])("nonsense claims (%s) are worth nothing", (claimed) => {
    expect(creditedSeconds({ claimed, lastBeatAt: null, now })).toBe(0);
  });
  test("a heartbeat from the future of the clock (clock went backwards) is worth nothing", () => {
    expect(creditedSeconds({ claimed: 15, lastBeatAt: new Date(now.getTime() + 5000), now })).toBe(0);
  });
});
