/**
 * Source Sans 3 for the PDFs the platform writes (certificates, project exports), and the one way
 * they put text on a page.
 *
 * Fonts are embedded as subsets cut by HarfBuzz (subset-font) to the characters of each document,
 * because pdf-lib's own subsetting loses glyphs of this font in some readers and the full fonts
 * weigh 370 KB each. The subsets keep no OpenType layout features: pdf-lib draws with fontkit,
 * which would otherwise substitute ligature glyphs (« ff », « ffi ») whose ToUnicode entry is empty,
 * so « effets » printed « e ets » and extracted so in every reader. Without them each character is
 * drawn with its own glyph, which the PDF maps back to that character.
 *
 * Text is drawn only after `printable` (app/utils/printable-text.ts): characters the font lacks
 * print as « ? » (or a safe decomposition), line breaks start new lines.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { rgb, type Color, type PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import subsetFont from "subset-font";
import { frenchTypography, NBSP, NNBSP } from "./french-typography.ts";
import { printableText, type PrintableOptions, type PrintableText } from "./printable-text.ts";

const require = createRequire(import.meta.url);

/** The page and colours of every PDF the platform writes, so a certificate and a project export look like one family. */
export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = 56;
export const INK = rgb(0.11, 0.13, 0.17);
export const MUTED = rgb(0.32, 0.35, 0.4);
export const ACCENT = rgb(0.05, 0.33, 0.42);
const WEIGHTS = ["400Regular", "600SemiBold", "700Bold"] as const;
type Weight = (typeof WEIGHTS)[number];

interface FontFiles {
  bytes: Record<Weight, Buffer>;
  /** True when every weight has a glyph for the code point. */
  covers: (codePoint: number) => boolean;
  /** See `embedFonts`. */
  lastGlyphCharacter: string;
}

let files: FontFiles | undefined;
function fontFiles(): FontFiles {
  if (files) return files;
  const bytes = Object.fromEntries(
    WEIGHTS.map((weight) => [
      weight,
      readFileSync(require.resolve(`@expo-google-fonts/source-sans-3/${weight}/SourceSans3_${weight}.ttf`)),
    ]),
  ) as Record<Weight, Buffer>;
  const fonts = WEIGHTS.map((weight) => fontkit.create(bytes[weight]));
  const regular = fonts[0]!;
  const covered = new Set(regular.characterSet.filter((codePoint) => fonts.every((font) => font.hasGlyphForCodePoint(codePoint))));
  // The mapped character whose glyph comes last in the font and has an outline.
  const byGlyph = [...covered].sort((a, b) => regular.glyphForCodePoint(b).id - regular.glyphForCodePoint(a).id);
  const last = byGlyph.find((codePoint) => regular.glyphForCodePoint(codePoint).path.toSVG() !== "")!;
  files = { bytes, covers: (codePoint) => covered.has(codePoint), lastGlyphCharacter: String.fromCodePoint(last) };
  return files;
}

/** The wording every document may use, on top of its own text. */
const BASE_CHARACTERS =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,;:!?'’«»()[]/-–—•·%@_#&+=" +
  "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ\u00a0\u202f";

/**
 * Text as the PDF fonts print it, and which characters were replaced (see printable-text.ts).
 * It is typeset first (app/utils/french-typography.ts): every PDF gets the no-break spaces of the
 * pages. Source Sans 3 has both U+00A0 and U+202F; were a font to lack the narrow one, it prints
 * as U+00A0 — never as a plain space (its compatibility decomposition), where a line could break.
 */
export function printable(text: string, options?: PrintableOptions): PrintableText {
  const { covers } = fontFiles();
  let typeset = frenchTypography(text);
  if (!covers(0x202f)) typeset = typeset.replaceAll(NNBSP, NBSP);
  return printableText(typeset, covers, options);
}

/** Whether the PDF font draws this character with a glyph of its own (tests check the no-break spaces). */
export function pdfFontCovers(character: string): boolean {
  return fontFiles().covers(character.codePointAt(0)!);
}

interface PdfFonts {
  regular: PDFFont;
  semibold: PDFFont;
  bold: PDFFont;
}

/**
 * Embeds the three weights, cut to `characters` (as printed) and the base wording.
 *
 * pdf-lib reads the width of every glyph of an embedded font, and fontkit reads past the end of
 * the glyph table when the last glyph of a subset is empty (a space: U+202F is among the last
 * glyphs of Source Sans 3). The character whose glyph comes last and has an outline (« ﬂ ») is
 * therefore always kept, so that the last glyph of every subset is one that can be read.
 */
export async function embedFonts(pdf: PDFDocument, characters: string): Promise<PdfFonts> {
  pdf.registerFontkit(fontkit);
  const { bytes, lastGlyphCharacter } = fontFiles();
  const all = [
    ...new Set(BASE_CHARACTERS + printable(characters, { lineBreaks: "keep" }).text.replace(/\n/g, "") + lastGlyphCharacter),
  ].join("");
  const embed = async (weight: Weight) =>
    pdf.embedFont(await subsetFont(bytes[weight], all, { targetFormat: "truetype", keepFeatures: [] }), { subset: false });
  const [regular, semibold, bold] = await Promise.all(WEIGHTS.map(embed));
  return { regular: regular!, semibold: semibold!, bold: bold! };
}

/** Draws one line of text as printed (a line break in it becomes a space). */
export function drawLine(page: PDFPage, text: string, options: { x: number; y: number; size: number; font: PDFFont; color: Color }) {
  page.drawText(printable(text).text, options);
}

/**
 * Splits text into lines no wider than `width` at this size, as printed: its own line breaks start
 * new lines (an empty line between two others stays, as ""), words go to the next line when they do not fit, and a
 * word wider than the whole line (a long address) is cut where it reaches the edge.
 */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (value: string) => font.widthOfTextAtSize(value, size) <= width;
  const lines: string[] = [];
  for (const paragraph of printable(text, { lineBreaks: "keep" }).text.split("\n")) {
    let line = "";
    for (let word of paragraph.split(" ").filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      while (!fits(word)) {
        const chars = [...word];
        let cut = 1;
        while (cut < chars.length - 1 && fits(chars.slice(0, cut + 1).join(""))) cut += 1;
        lines.push(chars.slice(0, cut).join(""));
        word = chars.slice(cut).join("");
      }
      line = word;
    }
    lines.push(line);
  }
  while (lines[0] === "") lines.shift();
  while (lines.at(-1) === "") lines.pop();
  return lines;
}
