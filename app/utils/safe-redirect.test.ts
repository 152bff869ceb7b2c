import { expect, test } from "vitest";
import { safeRedirect } from "./safe-redirect.ts";

test.each([
  ["/parcours/decouvrir", "/parcours/decouvrir"],
  ["/parcours?x=1", "/parcours?x=1"],
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
