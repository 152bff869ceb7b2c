import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, test } from "vitest";
import { drawChoiceOrder, drawOrderSeed, isOrderSeed, orderedChoices, orderFromSeed, parseChoiceOrder } from "./choice-order.ts";
import { shuffled } from "~/utils/shuffle.ts";
import { ScenarioSchema, type Scenario } from "./scenario-schema.ts";

const load = (file: string) => ScenarioSchema.parse(parse(readFileSync(path.resolve(file), "utf8")));
const s0: Scenario = load("courses/scenarios/s0-premier-pas.yaml");
const sorted = (ids: string[]) => [...ids].sort();

describe("the order of options in a run", () => {
  test("a drawn order is a permutation of each scene's options", () => {
    for (let i = 0; i < 50; i++) {
      const order = drawChoiceOrder(s0);
      expect(Object.keys(order).sort()).toEqual(s0.scenes.map((scene) => scene.id).sort());
      for (const scene of s0.scenes) expect(sorted(order[scene.id]!)).toEqual(sorted(scene.choices.map((choice) => choice.id)));
    }
  });

  test("drawn orders are spread: over 3 000 draws each option is first about as often as the others", () => {
    const scene = s0.scenes[0]!;
    const expected = 3000 / scene.choices.length;
    const firsts: Record<string, number> = {};
    for (let i = 0; i < 3000; i++) {
      const first = drawChoiceOrder(s0)[scene.id]![0]!;
      firsts[first] = (firsts[first] ?? 0) + 1;
    }
    // Uniform: 3 000 / n each (1 000 for 3 options); ± 20 % is more than 7 standard deviations away.
    expect(Object.keys(firsts).sort()).toEqual(sorted(scene.choices.map((choice) => choice.id)));
    for (const count of Object.values(firsts)) {
      expect(count).toBeGreaterThan(expected * 0.8);
      expect(count).toBeLessThan(expected * 1.2);
    }
  });

  test("all 24 orders of four options come out of the shuffle", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(shuffled(["a", "b", "c", "d"], (max) => Math.floor(Math.random() * max)).join(""));
    expect(seen.size).toBe(24);
  });

  test("a scene's options follow the run's order; unknown options come last, as written; no order means as written", () => {
    const scene = s0.scenes[0]!;
    expect(orderedChoices(scene, { [scene.id]: ["c", "a", "b"] }).map((choice) => choice.id)).toEqual(["c", "a", "b"]);
    expect(orderedChoices(scene, { [scene.id]: ["b"] }).map((choice) => choice.id)).toEqual(["b", "a", "c"]);
    expect(orderedChoices(scene, {}).map((choice) => choice.id)).toEqual(scene.choices.map((choice) => choice.id));
  });

  test("a stored order is read back, and anything malformed means « as written »", () => {
    expect(parseChoiceOrder('{"p1":["b","a"]}')).toEqual({ p1: ["b", "a"] });
    expect(parseChoiceOrder("not json")).toEqual({});
    expect(parseChoiceOrder("[1,2]")).toEqual({});
    expect(parseChoiceOrder('{"p1":[1,2],"p2":["a"]}')).toEqual({ p2: ["a"] });
  });
});

describe("a visitor's order, from a seed", () => {
  test("the same seed gives the same order (server and browser agree); seeds are checked", () => {
    const seed = drawOrderSeed();
    expect(isOrderSeed(seed)).toBe(true);
    expect(orderFromSeed(s0, seed)).toEqual(orderFromSeed(s0, seed));
    expect(isOrderSeed("x")).toBe(false);
    expect(isOrderSeed("ABCDEFGHIJ")).toBe(false);
  });

  test("different seeds give different orders: over 600 seeds each option of a scene is first at least 150 times", () => {
    const scene = s0.scenes[0]!;
    const firsts: Record<string, number> = {};
    for (let i = 0; i < 600; i++) {
      const order = orderFromSeed(s0, `graine${String(i).padStart(4, "0")}`);
      expect(sorted(order[scene.id]!)).toEqual(sorted(scene.choices.map((choice) => choice.id)));
      firsts[order[scene.id]![0]!] = (firsts[order[scene.id]![0]!] ?? 0) + 1;
    }
    expect(Object.keys(firsts)).toHaveLength(scene.choices.length);
    for (const count of Object.values(firsts)) expect(count).toBeGreaterThan(150);
  });
});
