import { expect, test } from "vitest";
import { highlight, snippet, type Segment } from "./snippet.ts";

const marked = (segments: Segment[]) => segments.filter((segment) => segment.match).map((segment) => segment.text);
const joined = (segments: Segment[]) => segments.map((segment) => segment.text).join("");

test("matched words are marked as written, accents and case included", () => {
  const segments = highlight("Le rôle des Élus et des élus locaux", new Set(["elus"]));
  expect(marked(segments)).toEqual(["Élus", "élus"]);
  expect(joined(segments)).toBe("Le rôle des Élus et des élus locaux");
});

test("a word after an elision is marked without its article", () => {
  expect(highlight("Agir pour l'alliance", new Set(["alliance"]))).toEqual([
    { text: "Agir pour l'", match: false },
    { text: "alliance", match: true },
  ]);
});

test("the passage is the part of a long text that holds the most different terms", () => {
  const filler = "Une phrase sans rapport avec la question posée. ".repeat(12);
  const text = `${filler}Ici les élus parlent de confiance.\n\n${filler}Là, seulement les élus. ${filler}`;
  const segments = snippet(text, new Set(["elus", "confiance"]), 200);
  expect(marked(segments)).toEqual(["élus", "confiance"]);
  const passage = joined(segments);
  expect(passage.startsWith("… ")).toBe(true);
  expect(passage.endsWith(" …")).toBe(true);
  expect(passage.length).toBeLessThanOrEqual(200 + 4);
  expect(passage).not.toContain("\n");
  // Cut between words, never inside one.
  expect(text.replace(/ *\n+ */g, " ")).toContain(passage.slice(2, -2));
  expect(passage.slice(2, -2)).toMatch(/^\S.*\S$/);
});

test("a short text is shown whole; a long one without a match shows its beginning", () => {
  expect(joined(snippet("Court texte.", new Set(["absent"])))).toBe("Court texte.");
  const long = "mot ".repeat(100).trim();
  const segments = snippet(long, new Set(["absent"]), 50);
  expect(joined(segments).startsWith("mot mot")).toBe(true);
  expect(joined(segments).endsWith(" …")).toBe(true);
  expect(marked(segments)).toEqual([]);
});

test("a passage does not start on the end of a quotation", () => {
  const text = `${"Un mot sans rapport. ".repeat(4)}Une étude « sur le terrain » indispensable : les élus y répondent. ${"Suite sans rapport. ".repeat(12)}`;
  const passage = joined(snippet(text, new Set(["elus"]), 80));
  expect(passage).toMatch(/^… [\p{L}«]/u);
  expect(passage).toContain("élus");
});
