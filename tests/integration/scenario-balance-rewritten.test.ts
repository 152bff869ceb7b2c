import { checkGraph } from "~/simulations/graph-check.ts";
/**
 * The scenarios rewritten for issue 16 (S0, SA, SB, SC, SD) keep their balance while the rule is only a
 * warning in `courses:check`: no tell in the options' length or order, real trade-offs, and two
 * good endings, each reached by a strategy of its own (the real case is one good way, not the only).
 */
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadScenarios } from "~/simulations/load-scenarios.server.ts";
import { replayChoices } from "~/simulations/replay.ts";
import { balanceProblems, measureBalance } from "~/simulations/scenario-balance.ts";

const real = loadScenarios(
  path.resolve("courses"),
  new Set(["mission-2020", "cahier-odd17-2022", "fiche-capitalisation-2019", "diner-elus-entreprises-2020", "bilan-feuille-de-route-2021"]),
);

/** Per scenario: its two good endings, and one run for each that avoids the other's signature choice. */
const REWRITTEN: Record<string, { good: string[]; runs: Array<{ path: string; ending: string }> }> = {
  "s0-premier-pas": {
    good: ["s0-f1", "s0-f4"],
    runs: [
      // Slow and solid: a shared diagnosis first, no quick start.
      { path: "p1a p2a p3a p4c p5a", ending: "s0-f1" },
      // Quick start with the association already at work, then a dedicated animator.
      { path: "p1b p2a p3b p4a p5a", ending: "s0-f4" },
    ],
  },
  "sa-catalyseur": {
    good: ["sa-f1", "sa-f5"],
    runs: [
      { path: "a1b a2b a3b a4c a5c a6a a7a a8b", ending: "sa-f1" },
      // Staying in the region is a good ending too.
      { path: "a1b a2b a3b a4c a5c a6a a7c a8c", ending: "sa-f5" },
      // Starting with the group's ready-made offer can still end well, once the collective adapts.
      { path: "a1a a2a a3a a3ea a4a a5c a6a a7a a8b", ending: "sa-f1" },
    ],
  },
  "sb-maire": {
    good: ["sb-f1", "sb-f5"],
    runs: [
      { path: "b1b b2a b3b b4c b5b b6a b7b b8a", ending: "sb-f1" },
      // Keeping campaign promises first, then sharing the work: quick visible results.
      { path: "b1a b2a b3b b4a b5b b6b b7b b8a", ending: "sb-f5" },
    ],
  },
  "sc-fonds": {
    good: ["sc-f1", "sc-f5"],
    runs: [
      // The real fund's choices: structural model, the group's four axes, mixed instruments with support,
      // « mi-chemin » consultants, co-construction, several years, two evaluations, hand-over.
      { path: "c1b c2b c3b c4b c5b c6a c7b c8a", ending: "sc-f1" },
      // Another slow and solid way: pragmatic start, axes chosen with associations, grants corrected by support.
      { path: "c1a c2a c3a c4b c5b c5ea c6a c7b c8b", ending: "sc-f1" },
      // Fast and lean: equity, one flagship, full-rate consultants, an open call, no formal evaluation.
      { path: "c1d c2c c3b c4c c5a c6a c7c c8a", ending: "sc-f5" },
    ],
  },
  "sd-mobilite": {
    good: ["sd-f1", "sd-f2"],
    runs: [
      // Close to Wimoov: co-built partnerships, step by step, the lab, a social-economy group, advocacy.
      { path: "d1b d2b d3a d4b d5a d6b d7c d8a", ending: "sd-f1" },
      // Becoming the operator, with a discount code and a grant rather than co-built services.
      { path: "d1a d2b d3a d4a d5c d6a d7b d8a", ending: "sd-f1" },
      // Handing the method over to others.
      { path: "d1b d2b d3a d4b d5b d6a d7c d8a", ending: "sd-f2" },
    ],
  },
};

describe.each(Object.entries(REWRITTEN))("%s", (id, expected) => {
  const scenario = () => real.scenarios.get(id)!;

  test("breaks none of the balance rules", () => {
    const balance = measureBalance(scenario(), checkGraph(scenario()).pathsPerEnding);
    expect(balanceProblems(balance)).toEqual([]);
    expect(balance.alwaysLongest.tone).not.toBe("positive");
    expect(balance.alwaysFirst.tone).not.toBe("positive");
  });

  test("has two good endings, both reachable", () => {
    const positive = scenario()
      .endings.filter((ending) => ending.tone === "positive")
      .map((ending) => ending.id);
    expect(positive.sort()).toEqual([...expected.good].sort());
    expect(measureBalance(scenario(), checkGraph(scenario()).pathsPerEnding).goodEndingsReached.sort()).toEqual([...expected.good].sort());
  });

  test.each(expected.runs)("$path → $ending", ({ path: steps, ending }) => {
    const choices = steps.split(" ").map((step) => ({ sceneId: step.slice(0, -1), choiceId: step.slice(-1) }));
    expect(replayChoices(scenario(), choices)).toMatchObject({ ok: true, endingId: ending });
  });

  test("every option's feedback says what it costs or risks, not only what it buys", () => {
    // A trade-off is announced by a turn of phrase: « Mais », « Le prix », « en revanche »…
    const turn = /\b(mais|le prix|en revanche|pourtant|il faut|coûte|reste à|se font attendre|le revers)\b/i;
    for (const scene of scenario().scenes)
      for (const choice of scene.choices) expect(choice.feedback, `${scene.id}${choice.id}`).toMatch(turn);
  });
});
