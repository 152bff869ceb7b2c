import type { Choice, Scenario } from "./scenario-schema.ts";

/**
 * « Confiance +2, Ressources −1 »: a choice's effects in words, with a real minus sign.
 * @example effectsText(s0, { effects: { confiance: 2, ressources: -1 } }) // "Confiance +2, Ressources −1"
 */
export function effectsText(scenario: Scenario, choice: Pick<Choice, "effects">): string {
  return Object.entries(choice.effects)
    .filter(([, delta]) => delta !== 0)
    .map(([name, delta]) => {
      const label = scenario.variables.find((variable) => variable.id === name)?.label ?? name;
      return `${label} ${delta > 0 ? "+" : "−"}${Math.abs(delta)}`;
    })
    .join(", ");
}
