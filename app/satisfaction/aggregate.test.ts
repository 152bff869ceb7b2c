import { describe, expect, test } from "vitest";
import { summarize, summarizeByPath, type ResponseRow } from "./aggregate.ts";
import { cohortSatisfactionCsv, platformSatisfactionCsv } from "./satisfaction-csv.ts";

const row = (overrides: Partial<ResponseRow> = {}, day = 1): ResponseRow => ({
  pathId: "parcours-1h",
  profile: "STUDENT",
  objectivesMet: 4,
  clarity: 3,
  usefulness: 3,
  recommend: 4,
  comment: null,
  answeredAt: new Date(Date.UTC(2027, 0, day, 10)),
  ...overrides,
});

describe("summarize", () => {
  test("below 5 responses, only the count", () => {
    expect(summarize([row(), row(), row(), row()])).toEqual({ responses: 4, hidden: true });
  });

  test("from 5, each question's distribution and the comments, oldest first, without anything else", () => {
    const rows = [
      row({ comment: "Second", clarity: 1 }, 3),
      row({ comment: "Premier" }, 2),
      row({ clarity: 2 }),
      row({ clarity: 4 }),
      row({ clarity: 4 }),
    ];
    const summary = summarize(rows);
    expect(summary.hidden).toBe(false);
    if (summary.hidden) return;
    const clarity = summary.questions.find((q) => q.id === "clarity")!;
    expect(clarity.counts.map((c) => [c.label, c.count])).toEqual([
      ["Pas du tout", 1],
      ["Plutôt non", 1],
      ["Plutôt oui", 1],
      ["Tout à fait", 2],
    ]);
    expect(clarity.positiveShare).toBe(0.6);
    expect(summary.comments).toEqual(["Premier", "Second"]);
    // The generic wording, not one learner's profile.
    expect(summary.questions.find((q) => q.id === "usefulness")?.text).toContain("votre activité");
  });

  test("per path: the catalogue's order, then paths that left it, named by their id", () => {
    const byPath = summarizeByPath(
      [row({ pathId: "ancien" }), row()],
      [
        { id: "parcours-1h", title: "Découvrir" },
        { id: "parcours-4h", title: "Comprendre" },
      ],
    );
    expect(byPath.map((entry) => [entry.title, entry.summary.responses])).toEqual([
      ["Découvrir", 1],
      ["Comprendre", 0],
      ["ancien", 1],
    ]);
  });
});

describe("CSV", () => {
  test("cohort: French headers, one row per response, oldest first, a hostile comment defused", () => {
    const csv = cohortSatisfactionCsv([row({ comment: '=HYPERLINK("x");2' }, 5), row({}, 4)]);
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "Date de réponse;Objectifs atteints (1 = pas du tout, 4 = tout à fait);Clarté (1 = pas du tout, 4 = tout à fait);" +
        "Utilité (1 = pas du tout, 4 = tout à fait);Recommandation (1 = certainement pas, 4 = certainement);Commentaire",
    );
    expect(lines[1]).toBe("04/01/2027;4;3;3;4;");
    expect(lines[2]).toBe(`05/01/2027;4;3;3;4;"'=HYPERLINK(""x"");2"`);
    expect(lines).toHaveLength(4);
  });

  test("platform: path title and profile label, never a name", () => {
    const csv = platformSatisfactionCsv([row({ profile: "ELECTED_OFFICIAL" }), row({ pathId: "retire" })], { "parcours-1h": "Découvrir" });
    const lines = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toMatch(/^Parcours;Date de réponse;Profil;Objectifs atteints/);
    expect(lines[1]).toBe("Découvrir;01/01/2027;Élu·e;4;3;3;4;");
    expect(lines[2]).toBe("retire;01/01/2027;Étudiant·e;4;3;3;4;");
  });
});
