import { describe, expect, test } from "vitest";
import { questionsFor, SatisfactionSchema, usefulnessContext } from "./questionnaire.ts";

describe("the questionnaire's wording", () => {
  test("the usefulness question names what the learner's profile does", () => {
    expect(usefulnessContext("ELECTED_OFFICIAL")).toBe("votre mandat");
    expect(usefulnessContext("CIVIL_SERVANT")).toBe("votre poste");
    expect(usefulnessContext("STUDENT")).toBe("vos études");
    expect(usefulnessContext("OTHER")).toBe("votre activité");
    expect(usefulnessContext("n'importe quoi")).toBe("votre activité");
    expect(questionsFor("ELECTED_OFFICIAL").find((q) => q.id === "usefulness")?.text).toBe(
      "Ce parcours vous sera-t-il utile pour votre mandat\u00A0?",
    );
  });

  test("every point of every scale has a label", () => {
    for (const question of questionsFor("STUDENT")) expect(Object.keys(question.labels)).toEqual(["1", "2", "3", "4"]);
  });
});

describe("SatisfactionSchema", () => {
  const valid = { objectivesMet: "4", clarity: "3", usefulness: "2", recommend: "1" };

  test("reads the four scores as numbers; an empty comment is none", () => {
    expect(SatisfactionSchema.parse({ ...valid, comment: "  " })).toEqual({
      objectivesMet: 4,
      clarity: 3,
      usefulness: 2,
      recommend: 1,
      comment: null,
    });
    expect(SatisfactionSchema.parse({ ...valid, comment: " Très utile. " }).comment).toBe("Très utile.");
  });

  test("refuses a missing or out-of-scale score and a comment over 2 000 characters, with French messages", () => {
    const missing = SatisfactionSchema.safeParse({ ...valid, clarity: undefined });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ["clarity"], message: "Choisissez une réponse." });
    for (const bad of ["0", "5", "3.5", "4 ", "quatre", ""]) {
      expect(SatisfactionSchema.safeParse({ ...valid, recommend: bad }).success, bad).toBe(bad === "4 ");
    }
    const long = SatisfactionSchema.safeParse({ ...valid, comment: "é".repeat(2001) });
    expect(long.error?.issues[0]?.message).toBe("Votre commentaire compte au plus 2\u00A0000 caractères.");
    expect(SatisfactionSchema.safeParse({ ...valid, comment: "é".repeat(2000) }).success).toBe(true);
  });
});
