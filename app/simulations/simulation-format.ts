import type { Choice, Scenario } from "./scenario-schema.ts";

/**
 * « Confiance +2, Ressources −1 »: a choice's effects in words, with a real minus sign and a no-break space.
 * @example effectsText(s0, { effects: { confiance: 2, ressources: -1 } }) // "Confiance\u00a0+2, Ressources\u00a0−1"
 */
export function effectsText(scenario: Scenario, choice: Pick<Choice, "effects">): string {
  return Object.entries(choice.effects)
    .filter(([, delta]) => delta !== 0)
    .map(([name, delta]) => {
      const label = scenario.variables.find((variable) => variable.id === name)?.label ?? name;
      // A no-break space: « Ressources » and « −3 » never part at the end of a line.
      return `${label}\u00a0${delta > 0 ? "+" : "−"}${Math.abs(delta)}`;
    })
    .join(", ");
}
