/**
 * CSV for spreadsheets as French users open them: UTF-8 with a byte-order mark (without it Excel
 * reads accents as Windows-1252), semicolons (the list separator of a French Excel, where the comma
 * is the decimal mark) and CRLF line ends. Pure.
 */
import { formatNumericDate } from "~/utils/format.ts";

const BOM = "\uFEFF";

/**
 * A cell as text. Fields holding the separator, quotes or line breaks are quoted; text a spreadsheet
 * would run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe, since
 * learners choose their own names (CSV injection).
 * @example csvCell('=HYPERLINK("x")') // "'=HYPERLINK(\"\"x\"\")" between quotes
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null | undefined>>): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(";"));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

/** A date as a French spreadsheet reads it: 05/03/2027. */
export function csvDate(when: Date | string | null): string {
  if (!when) return "";
  return formatNumericDate(when);
}
