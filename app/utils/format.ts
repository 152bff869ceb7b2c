/**
 * How the platform writes dates, times, durations, percentages and numbers, everywhere it shows one
 * (pages, certificates, PDFs, e-mails, CSV, the command line): one module so that two pages never
 * disagree. Client-safe and pure: the server and the browser render the same text.
 *
 * Typography follows app/utils/french-typography.ts: U+00A0 between a number and its unit or its
 * month (« 1er décembre », « 3 h 07 », « 82 % ») so they never part at the end of a line, U+202F
 * between groups of thousands (« 12 500 »). Dates and times are read in Paris time.
 *
 * Durations have ONE style, the clock's: « 3 h 07 », « 3 h », « 45 min », « 20 s », « 0 min ».
 * No « min » after the hours (« 3 h 07 min » was the certificate's own style), no « moins d'une
 * minute ». Always rounded down: no page, certificate or message claims time that was not recorded.
 */
import { NBSP } from "./french-typography.ts";

const TIME_ZONE = "Europe/Paris";
const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const NUMERIC_DATE = new Intl.DateTimeFormat("fr-FR", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TIME_ZONE });
const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });

type When = Date | string | number;

/**
 * « 1er décembre 2026 », « 23 novembre 2026 ». Intl writes « 1 décembre »: the first of the month
 * takes the ordinal. A completion at 23:30 UTC on 30 November is the 1st in Paris. A calendar day
 * (« 2026-12-07 ») is midnight UTC, the same day in Paris.
 */
export function formatDate(when: When): string {
  const parts = DATE.formatToParts(new Date(when));
  const day = parts.find((part) => part.type === "day")?.value ?? "";
  const month = parts.find((part) => part.type === "month")?.value ?? "";
  const year = parts.find((part) => part.type === "year")?.value ?? "";
  return `${day === "1" ? "1er" : day}${NBSP}${month} ${year}`;
}

const DAY_KEY = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE });

/** The calendar day in Paris, as a sortable key: « 2027-01-04 » (a moment at 23:30 UTC is the next day in winter). */
export function parisDay(when: When): string {
  return DAY_KEY.format(new Date(when));
}

/** A date as a French spreadsheet reads it: « 05/03/2027 » (the CSV export). */
export function formatNumericDate(when: When): string {
  return NUMERIC_DATE.format(new Date(when));
}

/** « 9 h 05 », « 14 h 30 » rather than « 09:05 » (Imprimerie nationale). */
export function formatTime(when: When): string {
  const parts = TIME.formatToParts(new Date(when));
  const hour = parts.find((part) => part.type === "hour")?.value ?? "";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "";
  return `${Number(hour)}${NBSP}h${NBSP}${minute}`;
}

/** « 1er décembre 2026 à 9 h 05 ». */
export function formatDateTime(when: When): string {
  return `${formatDate(when)} à ${formatTime(when)}`;
}

/**
 * A duration given in seconds, rounded down to the second below a minute, to the minute above:
 * « 0 min », « 20 s », « 45 min », « 1 h », « 3 h 07 », « 125 h 00 » is « 125 h ». Nothing reads
 * « 0 min » (no time recorded yet), or « 0 s » with `zero: "s"`, for a time that is counting up
 * (« ouverte il y a 0 s »).
 * @example formatDuration(11_220) // "3\u00A0h\u00A007"
 */
export function formatDuration(seconds: number, { zero = "min" }: { zero?: "min" | "s" } = {}): string {
  const whole = Number.isFinite(seconds) ? Math.max(0, Math.floor(seconds)) : 0;
  if (whole === 0) return `0${NBSP}${zero}`;
  if (whole < 60) return `${whole}${NBSP}s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes}${NBSP}min`;
  const hours = formatNumber(Math.floor(minutes / 60));
  const rest = minutes % 60;
  return rest === 0 ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${String(rest).padStart(2, "0")}`;
}

/** The same for a duration counted in minutes (a path's or a lesson's nominal time): « 1 h 30 ». */
export function formatMinutes(minutes: number): string {
  return formatDuration(minutes * 60);
}

/**
 * A number as French readers write it: « 12 500 » (U+202F between thousands), « 3,5 ». Whole
 * unless `fractionDigits` asks for decimals, which are then always shown (« 2,0 »).
 */
export function formatNumber(value: number, fractionDigits = 0): string {
  return value.toLocaleString("fr-FR", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, useGrouping: true });
}

/** A percentage given out of 100, rounded to the nearest whole: « 82 % », « 0 % », « 100 % ». */
export function formatPercent(percent: number): string {
  return `${formatNumber(Math.round(percent))}${NBSP}%`;
}

/** A share between 0 and 1 as a percentage: 0.825 → « 83 % ». */
export function formatShare(share: number): string {
  return formatPercent(share * 100);
}
