/**
 * How long a question waited, in words and in hours: the inbox's « en attente depuis 3 jours », the
 * learner's « répondu en 5 heures », and the figures of the relevé d'activité. Pure and client-safe.
 *
 * Elapsed time is rounded down (« 1 jour » until 48 hours have passed), like every duration the
 * platform writes: it never claims more than the clock says.
 */
import { NBSP } from "~/utils/french-typography.ts";

const HOUR_MS = 3_600_000;

type When = Date | string | number;

/** « moins d'une heure », « 1 heure », « 23 heures », « 1 jour », « 3 jours ». */
export function formatElapsed(ms: number): string {
  const hours = Math.floor(Math.max(0, ms) / HOUR_MS);
  if (hours < 1) return "moins d'une heure";
  if (hours < 24) return `${hours}${NBSP}heure${hours > 1 ? "s" : ""}`;
  const days = Math.floor(hours / 24);
  return `${days}${NBSP}jour${days > 1 ? "s" : ""}`;
}

/** « en attente depuis 3 jours », for a question asked at `askedAt` and still waiting at `now`. */
export function formatWaiting(askedAt: When, now: When): string {
  return `en attente depuis ${formatElapsed(new Date(now).getTime() - new Date(askedAt).getTime())}`;
}

/** « répondu en 5 heures ». */
export function formatAnsweredIn(askedAt: When, answeredAt: When): string {
  return `répondu en ${formatElapsed(new Date(answeredAt).getTime() - new Date(askedAt).getTime())}`;
}

/** Hours between asking and answering, to the hundredth (null while unanswered). */
export function delayHours(askedAt: When, answeredAt: When | null): number | null {
  if (answeredAt === null) return null;
  const ms = new Date(answeredAt).getTime() - new Date(askedAt).getTime();
  return Math.round(Math.max(0, ms) / (HOUR_MS / 100)) / 100;
}

export interface QuestionEvidence {
  askedAt: Date;
  answeredAt: Date | null;
  /** Hours the learner waited for the answer; null while none came. */
  delayHours: number | null;
}

/**
 * What the relevé d'activité states of a learner's questions on a path (Code du travail art.
 * D6313-3-1, the assistance of a distance training: the delays in which tutors answered), oldest first.
 */
export function questionEvidence(rows: ReadonlyArray<{ askedAt: When; answer: { answeredAt: When } | null }>): QuestionEvidence[] {
  return rows
    .map((row) => {
      const askedAt = new Date(row.askedAt);
      const answeredAt = row.answer ? new Date(row.answer.answeredAt) : null;
      return { askedAt, answeredAt, delayHours: delayHours(askedAt, answeredAt) };
    })
    .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime());
}
