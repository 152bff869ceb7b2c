import { describe, expect, test } from "vitest";
import { checkCompletionToken, COMPLETION_TOKEN_LIFETIME_MS, signCompletionToken } from "./completion-token.ts";
import { spentEnough, tooEarlyMessage } from "./completion-rules.ts";

const key = Buffer.alloc(32, 7);
const subject = { userId: "u1", lessonId: "l1-2" };
const shown = new Date("2026-12-07T10:00:00Z");
const later = (seconds: number) => new Date(shown.getTime() + seconds * 1000);

describe("the signed render time of a lesson's completion form", () => {
  const token = signCompletionToken(key, subject, shown);

  test("tells how long ago the page was shown", () => {
    expect(checkCompletionToken(key, token, subject, later(200))).toEqual({ ok: true, issuedAt: shown, elapsedSeconds: 200 });
  });

  test("is refused when forged, altered, moved to another lesson or learner, or signed with another key", () => {
    const [time, signature] = token.split(".");
    for (const [forged, who, signingKey] of [
      [`${Number(time) - 3_600_000}.${signature}`, subject, key], // an earlier time with the same signature
      [`${time}.${signature!.slice(0, -2)}AA`, subject, key],
      [token, { ...subject, lessonId: "l1-3" }, key],
      [token, { ...subject, userId: "u2" }, key],
      [token, subject, Buffer.alloc(32, 8)],
      ["", subject, key],
      ["1765100000000", subject, key],
      ["abc.def", subject, key],
    ] as const) {
      expect(checkCompletionToken(signingKey, forged, who, later(600)), forged).toEqual({ ok: false, reason: "invalide" });
    }
  });

  test("expires after 24 hours; a time far in the future is not accepted", () => {
    expect(checkCompletionToken(key, token, subject, later(COMPLETION_TOKEN_LIFETIME_MS / 1000 + 1))).toEqual({
      ok: false,
      reason: "expire",
    });
    expect(checkCompletionToken(key, signCompletionToken(key, subject, later(3600)), subject, shown)).toEqual({
      ok: false,
      reason: "invalide",
    });
  });
});

describe("when a lesson may be marked done", () => {
  test("after its minimum, counted as the time since the page was shown or the recorded active time", () => {
    expect(spentEnough({ elapsedSeconds: 20, activeSeconds: 0, minimumSeconds: 180 })).toBe(false);
    expect(spentEnough({ elapsedSeconds: 180, activeSeconds: 0, minimumSeconds: 180 })).toBe(true);
    expect(spentEnough({ elapsedSeconds: 5, activeSeconds: 200, minimumSeconds: 180 })).toBe(true);
  });

  test("the message says how long ago and how long to take", () => {
    expect(tooEarlyMessage(20, 180)).toBe(
      "Vous avez ouvert cette leçon il y a 20\u00A0s\u00A0: prenez le temps de la lire (au moins 3\u00A0min) avant de la marquer comme terminée.",
    );
    expect(tooEarlyMessage(0.3, 240)).toContain("il y a 0\u00A0s\u00A0: prenez");
    expect(tooEarlyMessage(150, 240)).toContain("il y a 2\u00A0min\u00A0: prenez le temps de la lire (au moins 4\u00A0min)");
  });
});
