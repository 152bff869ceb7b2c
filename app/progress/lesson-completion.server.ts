/**
 * Marking a lesson done from its page (« J'ai terminé cette leçon »): the form's signed render time
 * is checked, then the lesson's minimum time, then the lesson is completed and the reading time not
 * yet recorded is credited to the active-time ledger — so that a learner without JavaScript (no
 * heartbeats) also builds up the active time a certificate asks for.
 *
 * That credit can never count the same moment twice nor exceed what was really spent: it is at most
 * the time since the page was shown, at most the lesson's model time minus what heartbeats already
 * recorded on it, and goes through the same per-learner clock as heartbeats (active-time.ts), so
 * lessons opened together in several tabs share one stretch of time.
 */
import { createHash } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import type { SigningKey } from "~/certificates/signing.server.ts";
import { checkCompletionToken, signCompletionToken } from "./completion-token.ts";
import { EXPIRED_FORM_MESSAGE, INVALID_FORM_MESSAGE, spentEnough, tooEarlyMessage } from "./completion-rules.ts";
import { completeLesson, recordActiveTime } from "./progress.server.ts";

/**
 * The HMAC key of completion tokens, derived from the certificate signing key: every instance of a
 * deployment shares it already, and no new secret has to be configured.
 */
export function completionTokenKey(signingKey: Pick<SigningKey, "privateKey">): Buffer {
  return createHash("sha256")
    .update("apprendre-a-faire-alliance/jeton-fin-de-lecon/1\0")
    .update(signingKey.privateKey.export({ type: "pkcs8", format: "der" }))
    .digest();
}

export function completionToken(key: Uint8Array, userId: string, lessonId: string, now: Date): string {
  return signCompletionToken(key, { userId, lessonId }, now);
}

type CompletionResult =
  { ok: true; completed: boolean; creditedSeconds: number } | { ok: false; status: 400; error: string; tooEarly: boolean };

export async function completeLessonFromPage(
  db: Db,
  {
    key,
    token,
    userId,
    lessonId,
    pathId,
    minimumSeconds,
    modelSeconds,
    now,
  }: {
    key: Uint8Array;
    token: string;
    userId: string;
    lessonId: string;
    pathId: string | null;
    minimumSeconds: number;
    /** The lesson's model time for this learner (reading and activities): the most completion credits. */
    modelSeconds: number;
    now: Date;
  },
): Promise<CompletionResult> {
  const check = checkCompletionToken(key, token, { userId, lessonId }, now);
  if (!check.ok)
    return { ok: false, status: 400, error: check.reason === "expire" ? EXPIRED_FORM_MESSAGE : INVALID_FORM_MESSAGE, tooEarly: false };
  const progress = await db.lessonProgress.findUnique({
    where: { userId_lessonId: { userId, lessonId } },
    select: { completedAt: true, activeSeconds: true },
  });
  if (progress?.completedAt) return { ok: true, completed: false, creditedSeconds: 0 };
  const activeSeconds = progress?.activeSeconds ?? 0;
  if (!spentEnough({ elapsedSeconds: check.elapsedSeconds, activeSeconds, minimumSeconds })) {
    return { ok: false, status: 400, error: tooEarlyMessage(check.elapsedSeconds, minimumSeconds), tooEarly: true };
  }
  const unrecorded = Math.min(check.elapsedSeconds, Math.max(0, modelSeconds - activeSeconds));
  const creditedSeconds =
    unrecorded > 0 ? await recordActiveTime(db, { userId, lessonId, pathId, claimedSeconds: unrecorded, cap: unrecorded, now }) : 0;
  const completed = await completeLesson(db, { userId, lessonId, pathId, now });
  return { ok: true, completed, creditedSeconds };
}
