import { describe, expect, test } from "vitest";
import { NBSP, NNBSP } from "./french-typography.ts";
import { pdfFontCovers, printable } from "./pdf-fonts.server.ts";
import { describeReplacements, printableText } from "./printable-text.ts";

/** A font with Latin letters, digits, spaces and a little punctuation (no accents, no emoji). */
const ascii = (codePoint: number) => codePoint >= 0x20 && codePoint < 0x7f;

describe("printableText", () => {
  test("keeps what the font has, exactly", () => {
    expect(printableText("Mesurer les effets, afficher l'officiel.", ascii)).toEqual({
      text: "Mesurer les effets, afficher l'officiel.",
      replacements: [],
    });
  });

  test("replaces each character the font lacks, as a reader sees it, by one « ? »", () => {
    expect(printableText("Zoe 王小明 😀 👨‍👩‍👧 🇫🇷 👍🏽 محمد", ascii)).toEqual({
      text: "Zoe ??? ? ? ? ? ????",
      replacements: ["王", "小", "明", "😀", "👨‍👩‍👧", "🇫🇷", "👍🏽", "م", "ح", "د"].map((original) => ({ original, printed: "?" })),
    });
  });

  test("prints a safe decomposition when the font has it: ligature characters, full-width letters, accents", () => {
    expect(printableText("ﬃ Ａ Zoë", ascii)).toEqual({
      text: "ffi A Zoe",
      replacements: [
        { original: "ﬃ", printed: "ffi" },
        { original: "Ａ", printed: "A" },
        { original: "ë", printed: "e" },
      ],
    });
  });

  test("composes decomposed accents before looking them up", () => {
    const withAccents = (codePoint: number) => ascii(codePoint) || codePoint === 0xe9;
    expect(printableText("e\u0301te\u0301", withAccents)).toEqual({ text: "été", replacements: [] });
  });

  test("keeps line breaks of any kind as « \\n », or makes them spaces; tabs become spaces", () => {
    const text = "un\r\ndeux\rtrois\u2028quatre\n\ncinq\tsix";
    expect(printableText(text, ascii, { lineBreaks: "keep" }).text).toBe("un\ndeux\ntrois\nquatre\n\ncinq six");
    expect(printableText(text, ascii).text).toBe("un deux trois quatre  cinq six");
  });

  test("drops invisible formatting characters, shows control characters", () => {
    expect(printableText("a\u200db\ufe0fc\u00add\u200be\u0007f", ascii)).toEqual({
      text: "abcde?f",
      replacements: [{ original: "\u0007", printed: "?" }],
    });
  });
});

test("describeReplacements says which characters print how, grouped", () => {
  expect(describeReplacements(printableText("王小 😀 ﬃ", ascii).replacements)).toBe(
    "« 王 », « 小 » et « 😀 » sont imprimés « ? » ; « ﬃ » est imprimé « ffi »",
  );
  expect(describeReplacements([])).toBe("");
});

describe("printable, with Source Sans 3", () => {
  test("prints French, other Latin scripts, Greek and Cyrillic as typed", () => {
    for (const text of [
      `Œuvre, cœur, «${NNBSP}effets${NNBSP}» — naïveté, ÿ`,
      "Zoë Ñúñez-O'Brien",
      "Łódź, Nguyễn, Dvořák, Þórr",
      "Αλέξανδρος",
      "Ольга",
    ]) {
      expect(printable(text)).toEqual({ text, replacements: [] });
    }
  });

  test("typesets French text, and the font has a glyph for both no-break spaces", () => {
    expect(pdfFontCovers(NBSP)).toBe(true);
    expect(pdfFontCovers(NNBSP)).toBe(true);
    expect(printable("« Faire alliance » : 82 % ?")).toEqual({
      text: `«${NNBSP}Faire alliance${NNBSP}»${NBSP}: 82${NBSP}%${NNBSP}?`,
      replacements: [],
    });
  });

  test("prints « ? » for Chinese, Arabic and emoji", () => {
    expect(printable("王小明 😀 محمد").text).toBe("??? ? ????");
  });
});
