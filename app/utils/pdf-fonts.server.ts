/**
 * Source Sans 3 for the PDFs the platform writes (certificates, project exports): embedded as
 * subsets cut by HarfBuzz (subset-font) to the characters of each document, because pdf-lib's own
 * subsetting loses glyphs of this font in some readers and the full fonts weigh 370 KB each.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import type { PDFDocument, PDFFont } from "pdf-lib";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);
let fonts: { regular: Uint8Array; semibold: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes() {
  const file = (weight: string) => readFileSync(require.resolve(`@expo-google-fonts/source-sans-3/${weight}/SourceSans3_${weight}.ttf`));
  fonts ??= { regular: file("400Regular"), semibold: file("600SemiBold"), bold: file("700Bold") };
  return fonts;
}

/** The wording every document may use, on top of its own text. */
export const BASE_CHARACTERS =
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,;:!?'’«»()[]/-–—•·%@_#&+=" +
  "àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ\u00a0\u202f";

let coverage: ((codePoint: number) => boolean) | undefined;
/**
 * Text as the font can draw it: characters it has no glyph for (emoji, rare scripts) become « ? »,
 * and tabs become spaces, rather than breaking the document.
 */
export function drawableText(text: string): string {
  if (!coverage) {
    const font = fontkit.create(Buffer.from(fontBytes().regular));
    coverage = (codePoint) => font.hasGlyphForCodePoint(codePoint);
  }
  let out = "";
  for (const char of text.replace(/\t/g, " ")) out += coverage(char.codePointAt(0)!) ? char : "?";
  return out;
}

export async function embedFonts(pdf: PDFDocument, characters: string): Promise<{ regular: PDFFont; semibold: PDFFont; bold: PDFFont }> {
  pdf.registerFontkit(fontkit);
  const bytes = fontBytes();
  const all = [...new Set(BASE_CHARACTERS + characters)].join("");
  const embed = async (font: Uint8Array) => pdf.embedFont(await subsetFont(Buffer.from(font), all, { targetFormat: "truetype" }), { subset: false });
  const [regular, semibold, bold] = await Promise.all([embed(bytes.regular), embed(bytes.semibold), embed(bytes.bold)]);
  return { regular, semibold, bold };
}

/** Splits text into lines no wider than `width` at this size (words are never cut). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
