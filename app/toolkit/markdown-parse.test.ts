import { describe, expect, test } from "vitest";
import { parseMarkdown, unsupportedMarkdown } from "./markdown-parse.ts";

describe("parseMarkdown", () => {
  test("reads headings, paragraphs, lists, tables and rules", () => {
    const tree = parseMarkdown(
      [
        "## Titre",
        "",
        "Un paragraphe",
        "sur deux lignes.",
        "",
        "- un",
        "- deux",
        "  suite",
        "",
        "1. premier",
        "",
        "| A | B |",
        "| --- | --- |",
        "| a | **b** |",
        "",
        "---",
      ].join("\n"),
    );
    expect(tree.children!.map((node) => node.type)).toEqual(["heading", "paragraph", "list", "list", "table", "thematicBreak"]);
    expect(tree.children![1]!.children).toEqual([{ type: "text", value: "Un paragraphe\nsur deux lignes." }]);
    const [bullets, numbers, table] = tree.children!.slice(2, 5);
    expect(bullets!.ordered).toBe(false);
    expect(bullets!.children!.map((item) => item.children![0]!.children![0]!.value)).toEqual(["un", "deux\nsuite"]);
    expect(numbers!.ordered).toBe(true);
    expect(table!.children!.length).toBe(2);
    expect(table!.children![1]!.children![1]!.children).toEqual([{ type: "strong", children: [{ type: "text", value: "b" }] }]);
  });

  test("reads bold, italics, code and links inside a line, without positions", () => {
    expect(parseMarkdown("Voir **le guide** et *la note*, `code` puis [la boîte](/boite-a-outils).").children).toEqual([
      {
        type: "paragraph",
        children: [
          { type: "text", value: "Voir " },
          { type: "strong", children: [{ type: "text", value: "le guide" }] },
          { type: "text", value: " et " },
          { type: "emphasis", children: [{ type: "text", value: "la note" }] },
          { type: "text", value: ", " },
          { type: "inlineCode", value: "code" },
          { type: "text", value: " puis " },
          { type: "link", url: "/boite-a-outils", children: [{ type: "text", value: "la boîte" }] },
          { type: "text", value: "." },
        ],
      },
    ]);
  });
});

test("unsupportedMarkdown names raw HTML and ragged table rows, with their line", () => {
  expect(unsupportedMarkdown(["<b>gras</b>", "", "| A | B |", "| --- | --- |", "| a |"].join("\n"))).toEqual([
    { line: 1, message: "balise HTML : écrivez en Markdown (elle serait affichée telle quelle)" },
    { line: 5, message: "ligne de tableau à 1 colonne(s) au lieu de 2" },
  ]);
});
