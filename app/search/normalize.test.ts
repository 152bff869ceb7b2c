import { expect, test } from "vitest";
import { normalizeText, queryTerms, searchTerm, tokenize, tokenizeWithOffsets } from "./normalize.ts";

test("accents, case and ligatures disappear, whatever the Unicode form", () => {
  expect(normalizeText("ÉLUS élus Élus")).toBe("elus elus elus");
  expect(normalizeText("L’ŒUVRE, ça")).toBe("l'oeuvre, ca");
  // A decomposed « é » (e + combining accent), as some editors save it.
  expect(normalizeText("e\u0301lus")).toBe("elus");
});

test("elisions are split and stop words are not searched", () => {
  expect(tokenize("l'élu d’une commune qu'on aime")).toEqual(["l", "élu", "d", "une", "commune", "qu", "on", "aime"]);
  expect(queryTerms("L'alliance d'intérêt général qu'elle porte")).toEqual(["alliance", "interet", "general", "porte"]);
  expect(queryTerms("le rôle des ÉLUS")).toEqual(["role", "elus"]);
  expect(searchTerm("Les")).toBeNull();
  expect(searchTerm("ODD")).toBe("odd");
});

test("a decomposed accent stays inside its word", () => {
  expect(tokenize("e\u0301lus locaux")).toEqual(["e\u0301lus", "locaux"]);
});

test("tokens keep their place in the text as written", () => {
  const text = "Les élus, l’ODD 17";
  expect(tokenizeWithOffsets(text).map(({ word, start, end }) => [word, text.slice(start, end) === word])).toEqual([
    ["Les", true],
    ["élus", true],
    ["l", true],
    ["ODD", true],
    ["17", true],
  ]);
});
