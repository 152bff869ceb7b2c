/**
 * The order in which a run shows each decision's options. Authors write the best option anywhere
 * (often first): showing options as written would let position give the answer away. So every run
 * gets its own random order, drawn once and kept, so that the page, its plain-form twin, a reload,
 * the journal and the debrief all show the same order. Client-safe.
 *
 * - A learner's run: the server draws the order when it creates the run and stores it with the run
 *   (SimulationRun.choiceOrder).
 * - A visitor's run lives in the address (nothing is stored): it carries a short random seed
 *   (« ordre=… ») drawn by the server for the page, and the order is derived from it by a small
 *   deterministic generator, the same in the browser and on the server. The seed is not signed: a
 *   visitor who edits it only reorders their own game, which counts for nothing; what matters is
 *   that the served order is not the written one, so position says nothing about the best option.
 */
import { shuffled, type RandomInt } from "~/utils/shuffle.ts";
import type { Scenario, Scene } from "./scenario-schema.ts";

/** Scene id → its option ids in the order shown. */
export type ChoiceOrder = Record<string, string[]>;

/** Unbiased integers from the platform's cryptographic generator (browser and Node ≥ 19). */
const secureRandomInt: RandomInt = (max) => {
  const limit = Math.floor(0x1_0000_0000 / max) * max;
  const buffer = new Uint32Array(1);
  for (;;) {
    globalThis.crypto.getRandomValues(buffer);
    if (buffer[0]! < limit) return buffer[0]! % max;
  }
};

/** A fresh order for every scene of the scenario. */
export function drawChoiceOrder(scenario: Scenario, randomInt: RandomInt = secureRandomInt): ChoiceOrder {
  return Object.fromEntries(
    scenario.scenes.map((scene) => [
      scene.id,
      shuffled(
        scene.choices.map((choice) => choice.id),
        randomInt,
      ),
    ]),
  );
}

/** A scene's options in the run's order. Options the order does not know (the scenario was edited after the run began) come last, as written. */
export function orderedChoices(scene: Scene, order: ChoiceOrder | null | undefined): Scene["choices"] {
  const ids = order?.[scene.id];
  if (!ids) return scene.choices;
  const rank = (id: string) => {
    const index = ids.indexOf(id);
    return index === -1 ? ids.length + scene.choices.findIndex((choice) => choice.id === id) : index;
  };
  return [...scene.choices].sort((a, b) => rank(a.id) - rank(b.id));
}

/** The stored JSON, or {} (order as written) if it is not a valid order. */
export function parseChoiceOrder(json: string | null | undefined): ChoiceOrder {
  try {
    const value: unknown = JSON.parse(json ?? "{}");
    if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
    const order: ChoiceOrder = {};
    for (const [sceneId, ids] of Object.entries(value)) {
      if (Array.isArray(ids) && ids.every((id) => typeof id === "string")) order[sceneId] = ids as string[];
    }
    return order;
  } catch {
    return {};
  }
}

// ——— Visitors: an order derived from a seed carried in the address ———

const SEED = /^[a-z0-9]{8,16}$/;

export function isOrderSeed(value: string | null | undefined): value is string {
  return typeof value === "string" && SEED.test(value);
}

/** A new seed: 10 random characters from [a-z0-9]. */
export function drawOrderSeed(randomInt: RandomInt = secureRandomInt): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");
}

/** FNV-1a: a 32-bit hash of a string, to seed the generator. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a small, well-mixed deterministic generator (not for secrets; enough to shuffle). */
function seededRandomInt(seed: number): RandomInt {
  let state = seed;
  return (max) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
    return Math.floor(unit * max);
  };
}

/** The order a visitor's seed gives: each scene shuffled by its own generator, so that editing a scene does not reorder the others. */
export function orderFromSeed(scenario: Scenario, seed: string): ChoiceOrder {
  return Object.fromEntries(
    scenario.scenes.map((scene) => [
      scene.id,
      shuffled(
        scene.choices.map((choice) => choice.id),
        seededRandomInt(hash32(`${seed}:${scenario.id}:${scene.id}`)),
      ),
    ]),
  );
}
