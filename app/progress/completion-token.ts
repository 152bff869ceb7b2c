/**
 * The signed render time a lesson page's « J'ai terminé cette leçon » form carries, so that the
 * server knows, without JavaScript and without writing anything when the page is shown, how long
 * ago this learner opened this lesson. An HMAC-SHA256 over the learner, the lesson and the time:
 * a token cannot be forged, moved to another lesson or learner, or kept for days.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** A page left open longer than this must be reloaded before its lesson is marked done. */
export const COMPLETION_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Tolerance for a token dated slightly in the future (several servers with clocks a little apart). */
const FUTURE_TOLERANCE_MS = 2 * 60 * 1000;

interface TokenSubject {
  userId: string;
  lessonId: string;
}

function mac(key: Uint8Array, { userId, lessonId }: TokenSubject, issuedAtMs: number): Buffer {
  // The parts are joined by a byte no id contains: « a|bc » and « ab|c » cannot collide.
  return createHmac("sha256", key)
    .update(["lecon-terminee", userId, lessonId, String(issuedAtMs)].join("\0"))
    .digest();
}

/** « 1765100000000.<signature> ». */
export function signCompletionToken(key: Uint8Array, subject: TokenSubject, issuedAt: Date): string {
  const issuedAtMs = issuedAt.getTime();
  return `${issuedAtMs}.${mac(key, subject, issuedAtMs).toString("base64url")}`;
}

type CompletionTokenCheck = { ok: true; issuedAt: Date; elapsedSeconds: number } | { ok: false; reason: "invalide" | "expire" };

export function checkCompletionToken(key: Uint8Array, token: string, subject: TokenSubject, now: Date): CompletionTokenCheck {
  const match = /^(\d{1,16})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return { ok: false, reason: "invalide" };
  const issuedAtMs = Number(match[1]);
  const expected = mac(key, subject, issuedAtMs);
  const given = Buffer.from(match[2]!, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalide" };
  const elapsedMs = now.getTime() - issuedAtMs;
  if (elapsedMs < -FUTURE_TOLERANCE_MS) return { ok: false, reason: "invalide" };
  if (elapsedMs > COMPLETION_TOKEN_LIFETIME_MS) return { ok: false, reason: "expire" };
  return { ok: true, issuedAt: new Date(issuedAtMs), elapsedSeconds: Math.max(0, Math.floor(elapsedMs / 1000)) };
}
