/**
 * Who is behind, who has gone quiet: the two filters of a cohort's table. Pure.
 *
 * The expected pace is linear between the cohort's start and due dates: halfway through the
 * calendar, half of the path's lessons should be done. A learner is « en retard » when they have
 * completed fewer lessons than that (rounded down, so nobody is late on the first day). Without
 * both dates there is no pace, and nobody is late.
 */

const INACTIVE_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export interface CohortCalendar {
  startsOn: Date | string | null;
  dueOn: Date | string | null;
}

/** Share of the path expected by `now` (0 to 1), or null when the cohort has no calendar. */
function expectedShare(calendar: CohortCalendar, now: Date): number | null {
  if (!calendar.startsOn || !calendar.dueOn) return null;
  const start = new Date(calendar.startsOn).getTime();
  const due = new Date(calendar.dueOn).getTime();
  if (due <= start) return now.getTime() >= due ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (due - start)));
}

/** Lessons a learner should have completed by `now`; null without a calendar. */
export function expectedLessons(calendar: CohortCalendar, totalLessons: number, now: Date): number | null {
  const share = expectedShare(calendar, now);
  return share === null ? null : Math.floor(share * totalLessons);
}

export function isBehindPace(completedLessons: number, totalLessons: number, calendar: CohortCalendar, now: Date): boolean {
  const expected = expectedLessons(calendar, totalLessons, now);
  return expected !== null && completedLessons < expected;
}

/** No activity at all, or none in the last `days` days. */
export function isInactive(lastActivityAt: Date | string | null, now: Date, days = INACTIVE_DAYS): boolean {
  if (!lastActivityAt) return true;
  return now.getTime() - new Date(lastActivityAt).getTime() >= days * DAY;
}
