/** How certificate fields read in French, on the page and in the PDF. Client-safe and pure. */
import { formatMinutes } from "~/courses/catalog.ts";
import { formatFrenchDate } from "~/utils/french-date.ts";
import { NBSP } from "~/utils/french-typography.ts";

/** « 23 novembre 2026 », « 1er décembre 2026 » (Paris time: a completion at 23:30 UTC on the 30th is the 1st in France). */
export function formatCertificateDate(when: Date | string): string {
  return formatFrenchDate(when);
}

/** The nominal duration: « 1 h », « 4 h », « 12 h ». */
export function formatNominalDuration(minutes: number): string {
  return formatMinutes(minutes);
}

/**
 * Recorded active time, to the minute: « 3 h 07 min », « 42 min ». Rounded down: a certificate never
 * claims time that was not recorded.
 */
export function formatActiveTime(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes}${NBSP}min`;
  return `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, "0")}${NBSP}min`;
}
