import { expect, test } from "vitest";
import { splitFrontmatter } from "./frontmatter.ts";

test("splits YAML frontmatter from the body", () => {
  expect(splitFrontmatter("---\nid: l1\ntitle: « Un titre »\n---\n\nTexte")).toEqual({
    data: { id: "l1", title: "« Un titre »" },
    body: "\nTexte",
    bodyLine: 5,
  });
});

test("says in French when the header is missing or broken", () => {
  expect(() => splitFrontmatter("Pas d'en-tête")).toThrow("en-tête YAML absent");
  expect(() => splitFrontmatter("---\nid: [\n---\n")).toThrow(/^en-tête YAML invalide/);
});
