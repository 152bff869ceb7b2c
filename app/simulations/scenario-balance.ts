/**
 * Does a simulation give its best ending away? The figures `courses:check` prints and enforces for
 * each scenario (issue 16, « des scénarios à vrais arbitrages »; rules in courses/README.md):
 *
 * - the share of decisions whose best-scored option is also the longest (≤ 40 %): a learner who
 *   learnt nothing but « pick the most detailed answer » must not do well;
 * - the endings reached by two blind strategies, « always the longest option » and « always the
 *   first option as written »: neither may reach a good (`positive`) ending;
 * - the number of distinct choice sequences reaching a good ending (≥ 2): more than one way to do
 *   well, so that the debrief can discuss strategies rather than recite one answer;
 * - real trade-offs: in a decision of 3 or 4 options, at least two options that gain on one
 *   variable and lose on another (no decision where one option is plainly free).
 *
 * An option's score is the sum of its effects: variables are on comparable 0–10 scales, and the
 * rule only needs « which option the author rewarded most », not a precise value. Pure.
 */
import { END } from "./scenario-end.ts";
import type { Choice, Scenario, Scene } from "./scenario-schema.ts";
import { applyChoice, endingFor, initialValues, nextStep } from "./scenario-state.ts";

const MAX_BEST_IS_LONGEST_SHARE = 0.4;
const MIN_GOOD_SEQUENCES = 2;

export interface ScenarioBalance {
  scenarioId: string;
  decisions: number;
  /** Decisions whose longest option is among the best-scored ones. */
  bestIsLongest: number;
  bestIsLongestShare: number;
  /** Ending reached by always taking the longest (resp. first written) option, with its tone. */
  alwaysLongest: StrategyOutcome;
  alwaysFirst: StrategyOutcome;
  /** Complete choice sequences per ending, and the total reaching a `positive` one. */
  sequencesPerEnding: Record<string, number>;
  goodSequences: number;
  /** Positive endings actually reachable. */
  goodEndingsReached: string[];
  /** Decisions of ≥ 3 options with fewer than two options that both gain and cost. */
  withoutTradeOff: string[];
}

interface StrategyOutcome {
  endingId: string | null;
  tone: "positive" | "nuancee" | "negative" | null;
}

export const score = (choice: Choice) => Object.values(choice.effects).reduce((sum, value) => sum + value, 0);
const length = (choice: Choice) => choice.text.trim().length;

/** True when the longest option of the scene (ties included) is among its best-scored options. */
export function bestIsLongest(scene: Scene): boolean {
  const best = Math.max(...scene.choices.map(score));
  const longest = Math.max(...scene.choices.map(length));
  return scene.choices.some((choice) => length(choice) === longest && score(choice) === best);
}

/** An option that buys something and costs something. */
const isTradeOff = (choice: Choice) => Object.values(choice.effects).some((v) => v > 0) && Object.values(choice.effects).some((v) => v < 0);

type Strategy = (choices: Choice[]) => Choice;
const longestFirst: Strategy = (choices) => choices.reduce((kept, choice) => (length(choice) > length(kept) ? choice : kept));
const firstWritten: Strategy = (choices) => choices[0]!;

function follow(scenario: Scenario, strategy: Strategy): StrategyOutcome {
  let values = initialValues(scenario);
  let sceneId: string | null = scenario.start;
  for (let step = 0; step < 200 && sceneId !== null && sceneId !== END; step++) {
    const scene = scenario.scenes.find((candidate) => candidate.id === sceneId);
    if (!scene) return { endingId: null, tone: null };
    const options = scene.choices.filter((choice) => nextStep(choice, applyChoice(scenario, values, choice)) !== null);
    if (options.length === 0) return { endingId: null, tone: null };
    const choice = strategy(options);
    values = applyChoice(scenario, values, choice);
    sceneId = nextStep(choice, values);
  }
  if (sceneId !== END) return { endingId: null, tone: null };
  const ending = endingFor(scenario, values);
  return { endingId: ending?.id ?? null, tone: ending?.tone ?? null };
}

/**
 * `sequencesPerEnding` is the graph check's count of complete runs per ending (graph-check.ts walks
 * every state once already; the balance reuses it rather than walking again).
 */
export function measureBalance(scenario: Scenario, sequencesPerEnding: Record<string, number>): ScenarioBalance {
  const decisions = scenario.scenes.filter((scene) => scene.kind === "decision" && scene.choices.length >= 2);
  const longestWins = decisions.filter(bestIsLongest).length;
  const positive = scenario.endings.filter((ending) => ending.tone === "positive").map((ending) => ending.id);
  return {
    scenarioId: scenario.id,
    decisions: decisions.length,
    bestIsLongest: longestWins,
    bestIsLongestShare: decisions.length === 0 ? 0 : longestWins / decisions.length,
    alwaysLongest: follow(scenario, longestFirst),
    alwaysFirst: follow(scenario, firstWritten),
    sequencesPerEnding,
    goodSequences: positive.reduce((sum, id) => sum + (sequencesPerEnding[id] ?? 0), 0),
    goodEndingsReached: positive.filter((id) => (sequencesPerEnding[id] ?? 0) > 0),
    withoutTradeOff: decisions
      .filter((scene) => scene.choices.length >= 3 && scene.choices.filter(isTradeOff).length < 2)
      .map((scene) => scene.id),
  };
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** The broken rules, in French, one message each. */
export function balanceProblems(balance: ScenarioBalance): string[] {
  const problems: string[] = [];
  if (balance.bestIsLongestShare > MAX_BEST_IS_LONGEST_SHARE) {
    problems.push(
      `l'option la mieux notée est aussi la plus longue dans ${balance.bestIsLongest} décisions sur ${balance.decisions} (${percent(balance.bestIsLongestShare)}, au plus ${percent(MAX_BEST_IS_LONGEST_SHARE)})`,
    );
  }
  if (balance.alwaysLongest.tone === "positive")
    problems.push(`choisir toujours l'option la plus longue mène à une bonne fin (${balance.alwaysLongest.endingId})`);
  if (balance.alwaysFirst.tone === "positive")
    problems.push(`choisir toujours la première option écrite mène à une bonne fin (${balance.alwaysFirst.endingId})`);
  if (balance.goodSequences < MIN_GOOD_SEQUENCES) {
    problems.push(
      `${balance.goodSequences} suite(s) de choix mène(nt) à une bonne fin : il en faut au moins ${MIN_GOOD_SEQUENCES}, pour qu'il y ait plusieurs façons de bien faire`,
    );
  }
  for (const sceneId of balance.withoutTradeOff) {
    problems.push(`scène ${sceneId} : moins de deux options qui gagnent sur un plan et coûtent sur un autre (pas de vrai arbitrage)`);
  }
  return problems;
}

/** The table `courses:check` prints. */
export function formatBalanceTable(balances: ScenarioBalance[]): string[] {
  const ending = (outcome: StrategyOutcome) => (outcome.endingId ? `${outcome.endingId} (${outcome.tone})` : "aucune");
  return [
    "simulation            plus longue = mieux notée   toujours la plus longue   toujours la première   suites → bonne fin (fins)",
    ...balances.map(
      (b) =>
        `${b.scenarioId.padEnd(22)}${`${b.bestIsLongest}/${b.decisions} (${percent(b.bestIsLongestShare)})`.padEnd(28)}${ending(b.alwaysLongest).padEnd(26)}${ending(b.alwaysFirst).padEnd(23)}${b.goodSequences} (${b.goodEndingsReached.join(", ") || "aucune"})`,
    ),
  ];
}
