/**
 * How much active time a heartbeat is worth. The browser sends a heartbeat every
 * HEARTBEAT_SECONDS while the lesson is visible and the learner has been active recently, claiming
 * the seconds it observed. The server never trusts the claim beyond what its own clock allows:
 *
 * - at most HEARTBEAT_SECONDS per heartbeat, however much is claimed;
 * - at most the time elapsed since this learner's previous credited heartbeat, on any lesson, so
 *   that two open tabs (or a replayed request) cannot count the same moment twice.
 *
 * The credited seconds go to an append-only ledger (ActiveTimeEntry) that attestations rely on.
 */

export const HEARTBEAT_SECONDS = 15;
/** Without a keystroke, scroll or pointer move for this long, the learner is considered away. */
export const IDLE_AFTER_SECONDS = 90;

/**
 * @example creditedSeconds({ claimed: 15, lastBeatAt: null, now }) // 15
 * @example creditedSeconds({ claimed: 600, lastBeatAt: null, now }) // 15 (capped)
 * @example creditedSeconds({ claimed: 15, lastBeatAt: fourSecondsAgo, now }) // 4
 */
export function creditedSeconds({
  claimed,
  lastBeatAt,
  now,
  cap = HEARTBEAT_SECONDS,
}: {
  claimed: number;
  lastBeatAt: Date | null;
  now: Date;
  /** Most a claim can be worth: a heartbeat's interval, or a lesson's reading time (see lesson-completion.server.ts). */
  cap?: number;
}): number {
  if (!Number.isFinite(claimed) || claimed <= 0) return 0;
  let credit = Math.min(claimed, cap);
  if (lastBeatAt) credit = Math.min(credit, (now.getTime() - lastBeatAt.getTime()) / 1000);
  return Math.max(0, Math.round(credit));
}
