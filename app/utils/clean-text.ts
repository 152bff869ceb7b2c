/**
 * Text typed by people never contains control characters other than tabs and line breaks; pasted
 * text sometimes does (a form feed from a PDF, a NUL from a broken clipboard). PostgreSQL refuses a
 * NUL in a text column while SQLite stores it, so the same input answered 500 on one database and
 * was saved on the other. Every form value is cleaned here, the same way whatever the database.
 * @example cleanText("Bonjour\u0000 à tous\r\n") // "Bonjour à tous\r\n"
 */
// eslint-disable-next-line no-control-regex -- control characters are what this removes
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function cleanText(value: string): string {
  return value.replace(CONTROL, "");
}
