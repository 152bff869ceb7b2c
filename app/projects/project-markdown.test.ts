import { expect, test } from "vitest";
import { projectMarkdown } from "./project-markdown.ts";
import { PROJECT } from "./project-test-fixture.ts";

test("the Markdown export holds every step, field and criterion, and says what is missing", () => {
  const markdown = projectMarkdown(
    PROJECT,
    { defi: "L'isolement des aînés dans trois villages.", besoins: "Transport | visites", actions: "1. Réunir le CCAS." },
    { c1: { level: 3, justification: "Besoins sourcés |\n   par le CCAS." } },
    {
      learnerName: "Hélène Lefèvre",
      pathTitle: "Concevoir sa démarche",
      updatedAt: new Date("2027-03-02T10:00:00Z"),
      submittedAt: new Date("2027-03-01T10:00:00Z"),
    },
  );
  expect(markdown).toContain("# Ma démarche d'alliance\n\nHélène Lefèvre — parcours «\u202FConcevoir sa démarche\u202F»");
  expect(markdown).toContain("Projet remis le 1er\u00A0mars 2027\u202F; dernière modification le 2\u00A0mars 2027.");
  expect(markdown).toContain("## 1. Le diagnostic\n\n### Le défi\n\nL'isolement des aînés dans trois villages.");
  expect(markdown).toContain("### Remarques\n\n_(non renseigné)_");
  expect(markdown).toContain("## 2. Les premiers pas\n\n### Trois actions\n\n1. Réunir le CCAS.");
  // A pipe or a line break inside a cell would break the table.
  expect(markdown).toContain("| Diagnostic | 3 — Maîtrisé | Besoins sourcés \\| par le CCAS. |");
  expect(markdown).toContain("| Premiers pas | — | — |");
  expect(markdown).toContain("Total\u00A0: 3 / 8.");
});
