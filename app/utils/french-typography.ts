/**
 * French typography, applied in one place so that no author has to type an invisible character:
 * lessons (remark plugin, app/courses/typography-plugin.ts), quizzes, simulations, projects and the
 * catalogue (app/courses/typeset-content.ts), PDFs and UI messages all call `frenchTypography`.
 * Client-safe and pure.
 *
 * The convention (Lexique des règles typographiques en usage à l'Imprimerie nationale, with the
 * narrow no-break space that most French publishers use on screen):
 * - U+202F (espace fine insécable) before « ; » « ! » « ? », inside « », and between groups of
 *   thousands (« 3 000 », as `Intl.NumberFormat("fr-FR")` writes them);
 * - U+00A0 (espace insécable, the width of a word space) before « : » and « % »/« ‰ », and between
 *   a number and its unit (« 1 h », « 12,7 M€ », « 30 min »);
 * - only an existing space is changed, except where the space is plainly missing (« Pourquoi? »,
 *   « «mot» ») — never in a URL, an e-mail address, a `code span`, an HTML entity, a time
 *   (« 10:30 ») or a ratio (« 1:2 »): those keep their characters.
 *
 * Idempotent: typeset text goes through unchanged, so it can run at every layer without harm.
 *
 * @example frenchTypography("Pourquoi ? « Faire alliance » : 82 % en 1 h") // "Pourquoi\u202F? «\u202FFaire alliance\u202F»\u00A0: 82\u00A0% en 1\u00A0h"
 */

export const NNBSP = "\u202F";
export const NBSP = "\u00A0";

/** Spans left exactly as written: URLs, e-mail addresses, `code`, HTML entities. */
const PROTECTED =
  /(?:https?:\/\/|www\.)[^\s<>«»"]*[^\s<>«»".,;:!?)]|mailto:[^\s<>«»"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|`[^`\n]*`|&(?:[a-zA-Z][a-zA-Z0-9]*|#\d+|#x[0-9a-fA-F]+);/g;

/** Any space a writer or a previous pass may have typed there. */
const SPACE = "[ \\t\\u00A0\\u202F\\u2009]";
/** The same, or a line break of the source (a soft break inside a paragraph). */
const SPACE_NL = "[ \\t\\n\\u00A0\\u202F\\u2009]";
/** What may follow a punctuation mark that closes a phrase: a space, the end, more punctuation. */
const PHRASE_END = `(?=$|[\\s»)\\]"”'’.,…;:!?])`;

/** Units and multipliers written after a number. Whole words only: « 3 h », never « 3 habitants ». */
const UNITS = [
  "%",
  "‰",
  "€",
  "k€",
  "M€",
  "Md€",
  "Mds€",
  "\\$",
  "£",
  "M",
  "Md",
  "Mds",
  "millions?",
  "milliards?",
  "h",
  "min",
  "s",
  "ms",
  "km",
  "m",
  "m²",
  "cm",
  "mm",
  "kg",
  "g",
  "°C",
  "Ko",
  "Mo",
  "Go",
  "To",
].join("|");

/** Groups of thousands: « 3 000 », « 12 500 000 » (not « 2012 200 »: a first group of four digits
 * is a year or a number written without separators, left alone). Matches the separator only. */
const THOUSANDS = new RegExp(`(?<=(?<![\\d,.])\\d{1,3}(?:${SPACE}\\d{3})*)${SPACE}(?=\\d{3}(?!\\d))`, "gu");

const RULES: Array<[RegExp, string]> = [
  // « mot » : spaces inside the guillemets, narrow and unbreakable.
  [new RegExp(`«${SPACE_NL}*`, "gu"), `«${NNBSP}`],
  [new RegExp(`${SPACE_NL}*»`, "gu"), `${NNBSP}»`],
  // ; ! ? — the narrow space goes before the first of a run (« vraiment ?! »). A missing space is
  // added only after a word and before a space, the end or closing punctuation, so « ?index »,
  // « a;b » or « !important » stay as they are.
  [new RegExp(`${SPACE_NL}+([;!?])${PHRASE_END}`, "gu"), `${NNBSP}$1`],
  [new RegExp(`([\\p{L}\\p{N})\\]…»])([;!?])${PHRASE_END}`, "gu"), `$1${NNBSP}$2`],
  // : — a word space, unbreakable. Added when missing after a word or a number followed by a space
  // or the end (« Attention: », « Étape 1: »); « 10:30 », « 1:2 », « https:// » have no space after.
  [new RegExp(`${SPACE_NL}+:${PHRASE_END}`, "gu"), `${NBSP}:`],
  [new RegExp(`([\\p{L}\\p{N})\\]»])(:)(?=$|\\s)`, "gu"), `$1${NBSP}$2`],
  // Number and unit: « 82 % », « 1 h », « 12,7 M€ », « 30 min ». Not « 3 m'ont », « 1 s'ouvre ».
  [new RegExp(`(\\d)${SPACE}(${UNITS})(?![\\p{L}\\p{N}'’])`, "gu"), `$1${NBSP}$2`],
  [new RegExp(`(\\d)([%‰])`, "gu"), `$1${NBSP}$2`],
  // « 1 h 30 »: the minutes stay with the hours.
  [new RegExp(`(\\d${NBSP}h)${SPACE}(\\d{2})(?!\\d)`, "gu"), `$1${NBSP}$2`],
];

function typesetPlain(text: string): string {
  let result = text.replace(THOUSANDS, NNBSP);
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}

/** Applies the rules to `text`, leaving URLs, e-mail addresses, code spans and entities untouched. */
export function frenchTypography(text: string): string {
  if (!text) return text;
  let result = "";
  let last = 0;
  for (const match of text.matchAll(PROTECTED)) {
    result += typesetPlain(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  // Protected spans are kept apart, but a space before them is still the text's: « voir : https://… ».
  return result + typesetPlain(text.slice(last));
}

/**
 * A tagged template for UI messages: fr`Score : ${score} %` reads « Score : 82 % » with its
 * no-break spaces. Interpolated values are typeset too (they are text the user reads).
 */
export function fr(strings: TemplateStringsArray, ...values: Array<string | number>): string {
  return frenchTypography(String.raw({ raw: strings }, ...values));
}

/**
 * The typeset copy of a content object (a quiz, a scenario, a project…): every string value goes
 * through `frenchTypography`, keys and non-strings are kept. Identifiers are safe: they have no
 * space or punctuation for the rules to change. `skip` names keys whose values are looked up
 * verbatim elsewhere (a glossary term matched against a lesson's `<Definition term>`).
 */
export function typesetDeep<T>(value: T, skip: ReadonlySet<string> = new Set()): T {
  if (typeof value === "string") return frenchTypography(value) as T;
  if (Array.isArray(value)) return value.map((item) => typesetDeep(item, skip)) as T;
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, skip.has(key) ? item : typesetDeep(item, skip)])) as T;
  }
  return value;
}
