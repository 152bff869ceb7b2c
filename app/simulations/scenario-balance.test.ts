import { checkGraph } from "./graph-check.ts";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { balanceProblems, bestIsLongest, measureBalance } from "./scenario-balance.ts";
import { ScenarioSchema, type Scenario } from "./scenario-schema.ts";

/** The engine's fixture is written the way the real scenarios were: the best option first and longest. */
const biased = ScenarioSchema.parse(parse(readFileSync(path.resolve("tests/fixtures/courses/scenarios/cas-essai.yaml"), "utf8")));

/**
 * A three-decision case with real trade-offs: meeting everyone builds trust and costs time, an
 * outside grant brings money and costs trust… Two good endings, good in different ways.
 */
function balanced(): Scenario {
  const choice = (id: string, text: string, effects: Record<string, number>, next: string) => ({
    id,
    text,
    effects,
    raise: [],
    feedback: `Ce que « ${text} » apporte et ce qu'il coûte.`,
    concepts: [],
    next,
  });
  return ScenarioSchema.parse({
    ...biased,
    flags: [],
    start: "d1",
    scenes: [
      {
        id: "d1",
        title: "Par où commencer ?",
        text: "Trois façons de démarrer.",
        choices: [
          choice("a", "Déposer tout de suite un dossier de subvention auprès du département.", { ressources: 2, confiance: -1 }, "d2"),
          choice("b", "Réunir les acteurs.", { confiance: 3, ressources: -1 }, "d2"),
          choice("c", "Lancer un atelier pilote dans un quartier, avec les bénévoles disponibles.", { impact: 1 }, "d2"),
        ],
      },
      {
        id: "d2",
        title: "Qui pilote ?",
        text: "Il faut une gouvernance.",
        choices: [
          choice("a", "La mairie pilote seule et rend compte chaque trimestre aux partenaires.", { impact: 2, confiance: -2 }, "d3"),
          choice("b", "Un comité partagé.", { confiance: 3, impact: -1 }, "d3"),
          choice("c", "Un partenaire financeur, qui fixe les priorités en échange de son apport.", { ressources: 2, confiance: -1 }, "d3"),
        ],
      },
      {
        id: "d3",
        title: "Que mesurer ?",
        text: "Le premier bilan approche.",
        choices: [
          choice(
            "a",
            "Compter les visites réalisées et les publier sans attendre, pour convaincre les financeurs.",
            { impact: 2, ressources: -2 },
            "fin",
          ),
          choice("b", "Interroger les habitants.", { confiance: 3, ressources: -1 }, "fin"),
          choice(
            "c",
            "Ne rien mesurer pour l'instant, et garder le temps pour l'action.",
            { impact: 1, ressources: 1, confiance: -2 },
            "fin",
          ),
        ],
      },
    ],
    variables: [
      { id: "confiance", label: "Confiance", description: "liens", initial: 3, min: 0, max: 10 },
      { id: "impact", label: "Impact", description: "effets", initial: 0, min: 0, max: 10 },
      { id: "ressources", label: "Ressources", description: "moyens", initial: 3, min: 0, max: 10 },
    ],
    endings: [
      {
        id: "f-liens",
        title: "Une alliance solide",
        tone: "positive",
        when: { var: "confiance", gte: 7 },
        message: "Les partenaires restent.",
      },
      {
        id: "f-effets",
        title: "Des effets visibles",
        tone: "positive",
        when: {
          all: [
            { var: "impact", gte: 4 },
            { var: "ressources", gte: 4 },
          ],
        },
        message: "Les résultats parlent.",
      },
      {
        id: "f-fragile",
        title: "Utile mais fragile",
        tone: "nuancee",
        when: { var: "impact", gte: 2 },
        message: "Il manque un ingrédient.",
      },
      { id: "f-relancer", title: "À relancer", tone: "negative", message: "Peu d'effets." },
    ],
    debrief: { ...biased.debrief, keyDecisions: [] },
  });
}

describe("scenario balance", () => {
  test("the engine's fixture shows every tell the rules forbid", () => {
    const balance = measureBalance(biased, checkGraph(biased).pathsPerEnding);
    expect(balance).toMatchObject({
      decisions: 2,
      bestIsLongest: 2,
      bestIsLongestShare: 1,
      alwaysLongest: { endingId: "essai-f1", tone: "positive" },
      alwaysFirst: { endingId: "essai-f1", tone: "positive" },
      goodSequences: 1,
    });
    expect(balanceProblems(balance)).toEqual([
      "l'option la mieux notée est aussi la plus longue dans 2 décisions sur 2 (100 %, au plus 40 %)",
      "choisir toujours l'option la plus longue mène à une bonne fin (essai-f1)",
      "choisir toujours la première option écrite mène à une bonne fin (essai-f1)",
      "1 suite(s) de choix mène(nt) à une bonne fin : il en faut au moins 2, pour qu'il y ait plusieurs façons de bien faire",
    ]);
  });

  test("a case with real trade-offs passes: no length tell, blind strategies fail, two good endings", () => {
    const balance = measureBalance(balanced(), checkGraph(balanced()).pathsPerEnding);
    expect(balance.bestIsLongest).toBe(0);
    expect(balance.alwaysLongest.tone).not.toBe("positive");
    expect(balance.alwaysFirst.tone).not.toBe("positive");
    expect(balance.goodEndingsReached).toEqual(["f-liens", "f-effets"]);
    expect(balance.withoutTradeOff).toEqual([]);
    expect(balanceProblems(balance)).toEqual([]);
  });

  test("a decision where only one option costs something is no trade-off", () => {
    const scenario = balanced();
    scenario.scenes[1]!.choices[1]!.effects = { confiance: 2 };
    scenario.scenes[1]!.choices[2]!.effects = { ressources: 2 };
    expect(measureBalance(scenario, checkGraph(scenario).pathsPerEnding).withoutTradeOff).toEqual(["d2"]);
  });

  test("ties count: the longest option among equally best-scored ones is a tell", () => {
    const scene = balanced().scenes[0]!;
    scene.choices[0]!.effects = { ressources: 1 };
    scene.choices[1]!.effects = { confiance: 1 };
    expect(bestIsLongest(scene)).toBe(true);
  });
});
