/**
 * Proves a simulation complete by walking every state its machine can reach (xstate/graph):
 * every scene reachable, every ending reachable, every choice leads somewhere from every state it
 * can be offered in, no dead end, no endless loop, every variable within its bounds. Also counts
 * the complete paths leading to each ending. Each problem names the scene concerned.
 */
import { getAdjacencyMap } from "xstate/graph";
import { END, type Condition, type Scenario } from "./scenario-schema.ts";
import { buildScenarioMachine, endingState, type ScenarioEvent, type ScenarioSnapshot } from "./scenario.machine.ts";

export interface GraphReport {
  problems: string[];
  /** Number of distinct complete paths (sequences of choices) ending in each ending. */
  pathsPerEnding: Record<string, number>;
  totalPaths: number;
  reachableStates: number;
}

function conditionRefs(condition: Condition | undefined, vars: string[], flags: string[]) {
  if (!condition) return;
  if ("all" in condition) condition.all.forEach((c) => conditionRefs(c, vars, flags));
  else if ("any" in condition) condition.any.forEach((c) => conditionRefs(c, vars, flags));
  else if ("not" in condition) conditionRefs(condition.not, vars, flags);
  else if ("flag" in condition) flags.push(condition.flag);
  else vars.push(condition.var);
}

function duplicates(values: string[]): string[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}

/** References and structure, before any traversal. */
function checkDefinition(scenario: Scenario): string[] {
  const problems: string[] = [];
  const sceneIds = scenario.scenes.map((scene) => scene.id);
  const varIds = scenario.variables.map((variable) => variable.id);
  const flagIds = scenario.flags.map((flag) => flag.id);
  for (const id of duplicates(sceneIds)) problems.push(`scène ${id} : définie deux fois`);
  for (const id of duplicates(varIds)) problems.push(`variable ${id} : définie deux fois`);
  for (const id of duplicates(flagIds)) problems.push(`drapeau ${id} : défini deux fois`);
  for (const id of duplicates(scenario.endings.map((ending) => ending.id))) problems.push(`fin ${id} : définie deux fois`);
  if (sceneIds.includes(END)) problems.push(`« ${END} » est réservé à la fin : renommez la scène`);
  if (!sceneIds.includes(scenario.start)) problems.push(`scène de départ inconnue : ${scenario.start}`);

  for (const variable of scenario.variables) {
    if (variable.min >= variable.max) problems.push(`variable ${variable.id} : bornes invalides (${variable.min}–${variable.max})`);
    if (variable.initial < variable.min || variable.initial > variable.max) {
      problems.push(`variable ${variable.id} : valeur initiale ${variable.initial} hors des bornes ${variable.min}–${variable.max}`);
    }
    const levels = variable.levels ?? [];
    if (levels.length > 0 && levels.at(-1)!.upTo !== variable.max)
      problems.push(`variable ${variable.id} : le dernier niveau doit aller jusqu'à ${variable.max}`);
    if (levels.some((level, index) => index > 0 && level.upTo <= levels[index - 1]!.upTo))
      problems.push(`variable ${variable.id} : niveaux non croissants`);
  }

  for (const scene of scenario.scenes) {
    for (const id of duplicates(scene.choices.map((choice) => choice.id)))
      problems.push(`scène ${scene.id} : choix ${id} défini deux fois`);
    for (const choice of scene.choices) {
      const at = `scène ${scene.id}, choix ${choice.id}`;
      for (const name of Object.keys(choice.effects)) if (!varIds.includes(name)) problems.push(`${at} : variable inconnue « ${name} »`);
      for (const flag of choice.raise) if (!flagIds.includes(flag)) problems.push(`${at} : drapeau inconnu « ${flag} »`);
      const branches = typeof choice.next === "string" ? [{ goto: choice.next, when: undefined }] : choice.next;
      for (const branch of branches) {
        if (branch.goto !== END && !sceneIds.includes(branch.goto)) problems.push(`${at} : suite inconnue « ${branch.goto} »`);
        const vars: string[] = [];
        const flags: string[] = [];
        conditionRefs(branch.when, vars, flags);
        for (const name of vars) if (!varIds.includes(name)) problems.push(`${at} : condition sur une variable inconnue « ${name} »`);
        for (const name of flags) if (!flagIds.includes(name)) problems.push(`${at} : condition sur un drapeau inconnu « ${name} »`);
      }
    }
  }

  scenario.endings.forEach((ending, index) => {
    const last = index === scenario.endings.length - 1;
    if (last && ending.when)
      problems.push(`fin ${ending.id} : la dernière fin ne doit pas avoir de condition (elle s'applique dans tous les autres cas)`);
    if (!last && !ending.when) problems.push(`fin ${ending.id} : seule la dernière fin peut être sans condition`);
    const vars: string[] = [];
    const flags: string[] = [];
    conditionRefs(ending.when, vars, flags);
    for (const name of vars)
      if (!varIds.includes(name)) problems.push(`fin ${ending.id} : condition sur une variable inconnue « ${name} »`);
    for (const name of flags) if (!flagIds.includes(name)) problems.push(`fin ${ending.id} : condition sur un drapeau inconnu « ${name} »`);
  });
  for (const decision of scenario.debrief.keyDecisions) {
    if (!sceneIds.includes(decision.scene)) problems.push(`débriefing : scène inconnue « ${decision.scene} »`);
  }
  return problems;
}

const serialize = (snapshot: ScenarioSnapshot) => JSON.stringify([snapshot.value, snapshot.context.vars, snapshot.context.flags]);

/** Walks every reachable state. Stops early (with a problem) beyond `limit` states. */
export function checkGraph(scenario: Scenario, { limit = 200_000 } = {}): GraphReport {
  const problems = checkDefinition(scenario);
  if (problems.length > 0) return { problems, pathsPerEnding: {}, totalPaths: 0, reachableStates: 0 };

  const machine = buildScenarioMachine(scenario);
  const eventsFor = (snapshot: ScenarioSnapshot): ScenarioEvent[] => {
    const scene = scenario.scenes.find((candidate) => candidate.id === snapshot.value);
    return scene ? scene.choices.map((choice) => ({ type: "CHOOSE", sceneId: scene.id, choiceId: choice.id })) : [];
  };
  type Adjacency = Record<string, { state: unknown; transitions: Record<string, { state: unknown }> }>;
  const adjacency = getAdjacencyMap(machine, {
    events: eventsFor as never,
    serializeState: serialize as never,
    serializeEvent: ((event: ScenarioEvent) => `${event.sceneId}-${event.choiceId}`) as never,
    limit,
  }) as unknown as Adjacency;
  const entries = Object.entries(adjacency);
  if (entries.length >= limit) {
    return { problems: [`plus de ${limit} états : simplifiez le cas`], pathsPerEnding: {}, totalPaths: 0, reachableStates: entries.length };
  }

  const reachedScenes = new Set<string>();
  const reachedEndings = new Set<string>();
  const seen = new Set<string>();
  const edges = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const snapshot = value.state as ScenarioSnapshot;
    const where = String(snapshot.value);
    const sceneId = scenario.scenes.some((scene) => scene.id === where) ? where : null;
    if (sceneId) reachedScenes.add(sceneId);
    const ending = scenario.endings.find((candidate) => endingState(candidate.id) === where);
    if (ending) reachedEndings.add(ending.id);

    for (const variable of scenario.variables) {
      const v = snapshot.context.vars[variable.id]!;
      if (v < variable.min || v > variable.max) {
        const message = `scène ${sceneId ?? where} : ${variable.id} vaut ${v}, hors des bornes ${variable.min}–${variable.max}`;
        if (!seen.has(message)) problems.push(message);
        seen.add(message);
      }
    }
    const next: string[] = [];
    if (sceneId) {
      for (const event of eventsFor(snapshot)) {
        if (!snapshot.can(event)) {
          const message = `scène ${sceneId}, choix ${event.choiceId} : aucune suite ne s'applique avec ${JSON.stringify(snapshot.context.vars)}`;
          if (!seen.has(message)) problems.push(message);
          seen.add(message);
        }
      }
      for (const transition of Object.values(value.transitions)) next.push(serialize(transition.state as ScenarioSnapshot));
      if (next.length === 0 && !seen.has(`impasse ${sceneId}`)) {
        problems.push(`scène ${sceneId} : impasse (aucun choix possible)`);
        seen.add(`impasse ${sceneId}`);
      }
    } else if (!ending) {
      problems.push(`état ${where} : ni scène ni fin`);
    }
    edges.set(key, next);
  }
  for (const scene of scenario.scenes) if (!reachedScenes.has(scene.id)) problems.push(`scène ${scene.id} : inatteignable`);
  for (const ending of scenario.endings) if (!reachedEndings.has(ending.id)) problems.push(`fin ${ending.id} : inatteignable`);

  // Count complete paths per ending (dynamic programming over the state graph), detecting loops.
  const memo = new Map<string, Record<string, number>>();
  const onStack = new Set<string>();
  let loop: string | null = null;
  const endingOf = (key: string) => {
    const where = String((adjacency[key]!.state as ScenarioSnapshot).value);
    return scenario.endings.find((ending) => endingState(ending.id) === where)?.id ?? null;
  };
  const count = (key: string): Record<string, number> => {
    const known = memo.get(key);
    if (known) return known;
    if (onStack.has(key)) {
      loop ??= String((adjacency[key]!.state as ScenarioSnapshot).value);
      return {};
    }
    const ending = endingOf(key);
    if (ending) {
      const result = { [ending]: 1 };
      memo.set(key, result);
      return result;
    }
    onStack.add(key);
    const total: Record<string, number> = {};
    for (const next of edges.get(key) ?? []) {
      for (const [endingId, n] of Object.entries(count(next))) total[endingId] = (total[endingId] ?? 0) + n;
    }
    onStack.delete(key);
    memo.set(key, total);
    return total;
  };
  const initialKey = entries[0]![0];
  const pathsPerEnding = count(initialKey);
  if (loop) problems.push(`scène ${loop} : boucle sans fin (un parcours peut y revenir indéfiniment)`);
  const totalPaths = Object.values(pathsPerEnding).reduce((sum, n) => sum + n, 0);
  return { problems, pathsPerEnding, totalPaths, reachableStates: entries.length };
}
