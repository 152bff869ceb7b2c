import { expect, test } from "vitest";
import { safeLocalPath, safeRedirect } from "./safe-redirect.ts";

test.each([
  ["/parcours/decouvrir", "/parcours/decouvrir"],
  ["/parcours?x=1", "/parcours?x=1"],
  ["/parcours/decouvrir/la-lecon?quiz=q1&etape=correction-a#quiz-q1", "/parcours/decouvrir/la-lecon?quiz=q1&etape=correction-a#quiz-q1"],
  ["/recherche?q=%C3%A9lus", "/recherche?q=%C3%A9lus"],
  ["/recherche?q=a%20b%09c", "/recherche?q=a%20b%09c"],
  ["//evil.example", "/tableau-de-bord"],
  ["/\\evil.example", "/tableau-de-bord"],
  ["https://evil.example", "/tableau-de-bord"],
  ["javascript:alert(1)", "/tableau-de-bord"],
  ["", "/tableau-de-bord"],
  [undefined, "/tableau-de-bord"],
  [42, "/tableau-de-bord"],
])("safeRedirect(%j) → %s", (input, expected) => {
  expect(safeRedirect(input)).toBe(expected);
});

// Each of these lands on another site in Chromium (browsers drop tabs and line breaks, read a
// backslash as a slash, trim control characters) or breaks the Location header (a line break).
test.each([
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/ /evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/%2F/evil.example",
  "/%2f%2fevil.example",
  "/%5Cevil.example",
  "/%5cevil.example",
  "/\u0000/evil.example",
  "/\u00A0/evil.example",
  "/\u2028/evil.example",
  "/\uFEFF/evil.example",
  "/%",
  "/%E0%A4%A",
  "\\\\evil.example",
  "/\\/evil.example",
  "http:/evil.example",
  `/${"a".repeat(3000)}`,
])("an unsafe target is refused: %j", (input) => {
  expect(safeLocalPath(input)).toBeNull();
  expect(safeRedirect(input, "/repli")).toBe("/repli");
});
