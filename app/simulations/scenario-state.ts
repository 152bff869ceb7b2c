/**
 * The pure rules of a simulation: applying a choice's effects within bounds, evaluating a
 * condition, finding where a choice leads and which ending applies. Client-safe.
 */
import { END } from "./scenario-end.ts";
import type { Choice, Condition, Scenario } from "./scenario-schema.ts";

export interface ScenarioValues {
  vars: Record<string, number>;
  flags: Record<string, boolean>;
}

export function initialValues(scenario: Scenario): ScenarioValues {
  return {
    vars: Object.fromEntries(scenario.variables.map((variable) => [variable.id, variable.initial])),
    flags: Object.fromEntries(scenario.flags.map((flag) => [flag.id, false])),
  };
}

/** Effects applied in their written order, each result brought back within the variable's bounds. */
export function applyChoice(scenario: Scenario, values: ScenarioValues, choice: Choice): ScenarioValues {
  const vars = { ...values.vars };
  for (const [name, delta] of Object.entries(choice.effects)) {
    const variable = scenario.variables.find((candidate) => candidate.id === name);
    if (!variable) continue;
    vars[name] = Math.min(variable.max, Math.max(variable.min, (vars[name] ?? variable.initial) + delta));
  }
  const flags = { ...values.flags };
  for (const flag of choice.raise) flags[flag] = true;
  return { vars, flags };
}

export function evaluate(condition: Condition | undefined, values: ScenarioValues): boolean {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((part) => evaluate(part, values));
  if ("any" in condition) return condition.any.some((part) => evaluate(part, values));
  if ("not" in condition) return !evaluate(condition.not, values);
  if ("flag" in condition) return values.flags[condition.flag] === true;
  const value = values.vars[condition.var] ?? Number.NaN;
  if (condition.gte !== undefined && !(value >= condition.gte)) return false;
  if (condition.lte !== undefined && !(value <= condition.lte)) return false;
  if (condition.gt !== undefined && !(value > condition.gt)) return false;
  if (condition.lt !== undefined && !(value < condition.lt)) return false;
  if (condition.eq !== undefined && !(value === condition.eq)) return false;
  return true;
}

/** Where a choice leads once its effects are applied: a scene id, END, or null if no branch applies. */
export function nextStep(choice: Choice, after: ScenarioValues): string | null {
  if (typeof choice.next === "string") return choice.next;
  return choice.next.find((branch) => evaluate(branch.when, after))?.goto ?? null;
}

/** The first ending whose condition holds. */
export function endingFor(scenario: Scenario, values: ScenarioValues) {
  return scenario.endings.find((ending) => evaluate(ending.when, values));
}

export { END };

/** The word for a value (« fragile », « correcte »…), if the variable defines levels. */
export function levelLabel(scenario: Scenario, variableId: string, value: number): string | null {
  const variable = scenario.variables.find((candidate) => candidate.id === variableId);
  return variable?.levels?.find((level) => value <= level.upTo)?.label ?? null;
}
