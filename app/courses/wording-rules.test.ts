import { describe, expect, test } from "vitest";
import { wordingProblems } from "./wording-rules.ts";

const found = (text: string) => wordingProblems(text).map((problem) => problem.found);

describe("wording rules", () => {
  test("refuse « de Le RAMEAU » and « à Le RAMEAU », and say what to write", () => {
    const problems = wordingProblems("Les travaux de Le RAMEAU.\nMerci à Le RAMEAU. De Le RAMEAU vient la méthode.");
    expect(problems.map(({ line, found }) => [line, found])).toEqual([
      [1, "de Le RAMEAU"],
      [2, "à Le RAMEAU"],
      [2, "De Le RAMEAU"],
    ]);
    expect(problems[0]!.message).toContain("« du RAMEAU »");
    expect(problems[1]!.message).toContain("« au RAMEAU »");
    expect(problems[2]!.message).toContain("« Du RAMEAU »");
  });

  test("refuse every spelling of SilverGeek but one", () => {
    expect(found("Silver Geek, Silver-Geek, Silvergeek, SILVER GEEK et SilverGeek")).toEqual(["Silver Geek", "Silver-Geek", "Silvergeek", "SILVER GEEK"]);
  });

  test("refuse inclusive forms other than the middle dot with one plural", () => {
    expect(found("les élu(e)s et les salarié.e.s, les agent.es, les élu-e-s")).toEqual(["élu(e)s", "salarié.e.s", "agent.es", "élu-e-s"]);
    expect(found("les élus/élues et les citoyens/citoyennes, un·e élu/e")).toEqual(["élus/élues", "citoyens/citoyennes", "élu/e"]);
    expect(found("les élu·e·s et les adjoint·e·s")).toEqual(["élu·e·s", "adjoint·e·s"]);
    expect(found("les élu•es et les agent⋅es")).toEqual(["élu•es", "agent⋅es"]);
  });

  test("accept the house forms, doublets, URLs, paths and ordinary punctuation", () => {
    const fine = [
      "Les élu·es, agent·es, salarié·es, formateur·rices et un·e étudiant·e du RAMEAU, au RAMEAU, avec Le RAMEAU.",
      "Les élues et les élus de SilverGeek.",
      "Voir https://www.silver-geek.org/a/b et [la leçon](/parcours/comprendre-et-se-situer/les-roles).",
      "Une fin de phrase. Et une autre : « oui ». Les partenaire(s) éventuels, et/ou les autres.",
      "Le fichier index.mdx et la page quiz-l3-1.yaml.",
    ];
    for (const text of fine) expect(wordingProblems(text), text).toEqual([]);
  });
});
