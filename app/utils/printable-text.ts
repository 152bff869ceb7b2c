/**
 * Text as a PDF font can print it. Every PDF the platform writes draws its text through this
 * (app/utils/pdf-fonts.server.ts), so the rule is the same everywhere:
 *
 * - text is composed (NFC): an « é » typed as « e » + accent prints as « é »;
 * - line breaks (\r\n, \r, \u2028…) become « \n », or a space where the text is one line;
 *   tabs become spaces;
 * - invisible formatting characters (zero-width joiner, variation selectors, soft hyphen…) are
 *   dropped: they print nothing anyway;
 * - a character the font lacks is replaced as a whole character as a reader sees it (a grapheme
 *   cluster: « 👨‍👩‍👧 » is one), by its compatibility decomposition without accents when the font
 *   has that (« ﬃ » → « ffi », « Ａ » → « A »), otherwise by one « ? ». Chinese, Arabic, emoji
 *   print as « ? », visibly, never as a blank or as another character.
 *
 * Pure: the font's coverage is a parameter. The signed data of a certificate keeps the exact text;
 * only the drawing goes through this.
 */

const MISSING_CHARACTER = "?";

/** One character the font could not print as typed, and what it printed instead. */
interface Replacement {
  original: string;
  printed: string;
}

export interface PrintableText {
  text: string;
  /** Each distinct replaced character once, in order of appearance. */
  replacements: Replacement[];
}

export interface PrintableOptions {
  /** "keep": line breaks stay as « \n » (the caller starts a new line); "space": one line. */
  lineBreaks?: "keep" | "space";
}

const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARKS = /\p{M}/gu;
let graphemes: Intl.Segmenter | undefined; // created on first use: this module also reaches browsers

export function printableText(
  text: string,
  canDraw: (codePoint: number) => boolean,
  { lineBreaks = "space" }: PrintableOptions = {},
): PrintableText {
  const drawable = (value: string) => [...value].every((char) => canDraw(char.codePointAt(0)!));
  const replacements = new Map<string, string>();
  const normalized = text
    .normalize("NFC")
    .replace(LINE_BREAKS, lineBreaks === "keep" ? "\n" : " ")
    .replace(/\t/g, " ");

  let out = "";
  graphemes ??= new Intl.Segmenter("fr", { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(normalized)) {
    // Invisible by definition (zero-width joiner, variation selector, soft hyphen…): what a reader
    // sees is unchanged without them, and a font that has a soft hyphen would print a dash.
    const visible = [...segment].filter((char) => !INVISIBLE.test(char)).join("");
    if (visible === "" || visible === "\n" || drawable(visible)) {
      out += visible;
      continue;
    }
    const decomposed = visible.normalize("NFKD").replace(MARKS, "").normalize("NFC");
    const printed = decomposed !== "" && drawable(decomposed) ? decomposed : MISSING_CHARACTER;
    out += printed;
    if (!replacements.has(segment)) replacements.set(segment, printed);
  }
  return { text: out, replacements: [...replacements].map(([original, printed]) => ({ original, printed })) };
}

/** « « 王 », « 小 » et « 😀 » sont imprimés « ? » ; « ﬃ » est imprimé « ffi » », for a page that explains it. */
export function describeReplacements(replacements: Replacement[]): string {
  const byPrinted = new Map<string, string[]>();
  for (const { original, printed } of replacements) byPrinted.set(printed, [...(byPrinted.get(printed) ?? []), original]);
  const list = (items: string[]) => (items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")} et ${items.at(-1)!}`);
  return [...byPrinted]
    .map(
      ([printed, originals]) =>
        `${list(originals.map((original) => `« ${original} »`))} ${originals.length > 1 ? "sont imprimés" : "est imprimé"} « ${printed} »`,
    )
    .join(" ; ");
}
