/**
 * Dates and times as French readers write them, in Paris time, everywhere the platform shows one
 * (pages, certificates, PDFs, e-mails): « 1er décembre 2026 » — Intl writes « 1 décembre 2026 »,
 * the first of the month takes the ordinal — and « 9 h 05 » rather than « 09:05 » (Imprimerie
 * nationale). Client-safe and pure: the server and the browser render the same text.
 */
import { NBSP } from "./french-typography.ts";

const TIME_ZONE = "Europe/Paris";
const DATE = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const TIME = new Intl.DateTimeFormat("fr-FR", { hour: "numeric", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });

/** « 1er décembre 2026 », « 23 novembre 2026 » (a completion at 23:30 UTC on 30 November is the 1st in Paris). */
export function formatFrenchDate(when: Date | string | number): string {
  return DATE.formatToParts(new Date(when))
    .map((part) => (part.type === "day" && part.value === "1" ? "1er" : part.value))
    .join("");
}

/** « 9 h 05 », « 14 h 30 », with no-break spaces. */
export function formatFrenchTime(when: Date | string | number): string {
  const parts = TIME.formatToParts(new Date(when));
  const hour = parts.find((part) => part.type === "hour")?.value ?? "";
  const minute = parts.find((part) => part.type === "minute")?.value ?? "";
  return `${Number(hour)}${NBSP}h${NBSP}${minute}`;
}

/** « 1er décembre 2026 à 9 h 05 ». */
export function formatFrenchDateTime(when: Date | string | number): string {
  return `${formatFrenchDate(when)} à ${formatFrenchTime(when)}`;
}
