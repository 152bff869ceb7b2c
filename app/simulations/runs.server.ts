/**
 * Simulation runs in the database. A choice is accepted only if replaying the run's stored choices
 * through the scenario's machine leads to a state where that choice is possible; the ending and the
 * final values are computed here, never taken from the request.
 */
import { ActivityError } from "~/activities/protocol.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { drawChoiceOrder, drawOrderSeed, isOrderSeed, orderFromSeed, parseChoiceOrder, type ChoiceOrder } from "./choice-order.ts";
import { replayChoices, type ChoiceRef } from "./replay.ts";
import type { Scenario } from "./scenario-schema.ts";
import type { SimulationMessageCode } from "./simulation-messages.ts";
import { SIMULATION_MESSAGES } from "./simulation-messages.ts";

export class SimulationError extends ActivityError<SimulationMessageCode> {
  constructor(status: 400 | 404 | 409, code: SimulationMessageCode) {
    super(status, code, SIMULATION_MESSAGES[code]);
  }
}

const slot = (userId: string, scenarioId: string) => `${userId}:${scenarioId}`;

const RUN_SELECT = { id: true, choices: true, choiceOrder: true, step: true, endingId: true, finishedAt: true, startedAt: true } as const;

function openRun(db: Db, userId: string, scenarioId: string) {
  return db.simulationRun.findUnique({ where: { openSlot: slot(userId, scenarioId) }, select: RUN_SELECT });
}

/** The open run, or a new one with its own order of options. Two simultaneous starts share one run. */
export async function startRun(db: Db, userId: string, scenario: Scenario) {
  const scenarioId = scenario.id;
  const existing = await openRun(db, userId, scenarioId);
  if (existing) return existing;
  try {
    return await db.simulationRun.create({
      data: { userId, scenarioId, openSlot: slot(userId, scenarioId), choiceOrder: JSON.stringify(drawChoiceOrder(scenario)) },
      select: RUN_SELECT,
    });
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    return (await openRun(db, userId, scenarioId))!;
  }
}

/** Leaves the open run (if any) unfinished and starts a new one. */
export async function restartRun(db: Db, userId: string, scenario: Scenario) {
  await db.simulationRun.updateMany({
    where: { openSlot: slot(userId, scenario.id) },
    data: { openSlot: null, abandonedAt: new Date() },
  });
  return startRun(db, userId, scenario);
}

export function parseChoices(json: string): ChoiceRef[] {
  return JSON.parse(json) as ChoiceRef[];
}

export async function chooseInRun(
  db: Db,
  scenario: Scenario,
  userId: string,
  { runId, sceneId, choiceId }: { runId: string; sceneId: string; choiceId: string },
) {
  const run = await db.simulationRun.findFirst({ where: { id: runId, userId, scenarioId: scenario.id }, select: RUN_SELECT });
  if (!run) throw new SimulationError(404, "partie-introuvable");
  if (run.finishedAt) throw new SimulationError(409, "partie-terminee");
  const previous = parseChoices(run.choices);
  const before = replayChoices(scenario, previous);
  if (!before.ok) throw new SimulationError(409, "choix-impossible"); // the stored run no longer fits the scenario
  if (before.sceneId !== sceneId && previous.at(-1)?.sceneId === sceneId) throw new SimulationError(409, "deja-joue");
  const choices = [...previous, { sceneId, choiceId }];
  const after = replayChoices(scenario, choices);
  if (!after.ok) throw new SimulationError(409, "choix-impossible");
  const finished = after.endingId !== null;
  const saved = await db.simulationRun.updateMany({
    where: { id: run.id, step: run.step, finishedAt: null },
    data: {
      choices: JSON.stringify(choices),
      step: run.step + 1,
      ...(finished
        ? {
            endingId: after.endingId,
            finalState: JSON.stringify({ vars: after.snapshot.context.vars, flags: after.snapshot.context.flags }),
            finishedAt: new Date(),
            openSlot: null,
          }
        : {}),
    },
  });
  if (saved.count === 0) throw new SimulationError(409, "deja-joue"); // another request moved the run on
  return { runId: run.id, sceneId: after.sceneId, endingId: after.endingId, step: run.step + 1 };
}

/** Runs played to an ending, per scenario (certificates, path page, debrief history). */
export async function finishedRuns(db: Db, userId: string, scenarioIds: string[]) {
  if (scenarioIds.length === 0) return new Map<string, { endingId: string; finishedAt: Date }>();
  const rows = await db.simulationRun.findMany({
    where: { userId, scenarioId: { in: scenarioIds }, finishedAt: { not: null } },
    orderBy: { finishedAt: "desc" },
    select: { scenarioId: true, endingId: true, finishedAt: true },
  });
  const latest = new Map<string, { endingId: string; finishedAt: Date }>();
  for (const row of rows)
    if (!latest.has(row.scenarioId)) latest.set(row.scenarioId, { endingId: row.endingId!, finishedAt: row.finishedAt! });
  return latest;
}

export interface SimulationView {
  scenarioId: string;
  signedIn: boolean;
  /** The run being played (stored for a learner, from the address for a visitor), or null before starting. */
  run: { id: string | null; choices: ChoiceRef[]; order: ChoiceOrder } | null;
  /** The last run played to an ending, when no run is open. */
  lastFinished: { choices: ChoiceRef[]; order: ChoiceOrder; endingId: string; finishedAt: string } | null;
  /** A visitor's seed for the order of options (from the address, or a new one for the next start); null for a learner. */
  orderSeed: string | null;
  finishedCount: number;
  message: SimulationMessageCode | null;
}

export async function getSimulationView(
  db: Db,
  scenario: Scenario,
  userId: string | null,
  {
    anonymousChoices,
    anonymousSeed,
    message = null,
  }: { anonymousChoices?: ChoiceRef[] | null; anonymousSeed?: string | null; message?: SimulationMessageCode | null } = {},
): Promise<SimulationView> {
  if (!userId) {
    const valid = anonymousChoices && replayChoices(scenario, anonymousChoices).ok ? anonymousChoices : null;
    const orderSeed = isOrderSeed(anonymousSeed) ? anonymousSeed : drawOrderSeed();
    return {
      scenarioId: scenario.id,
      signedIn: false,
      run: valid ? { id: null, choices: valid, order: orderFromSeed(scenario, orderSeed) } : null,
      lastFinished: null,
      orderSeed,
      finishedCount: 0,
      message,
    };
  }
  const [open, finished] = await Promise.all([
    openRun(db, userId, scenario.id),
    db.simulationRun.findMany({
      where: { userId, scenarioId: scenario.id, finishedAt: { not: null } },
      orderBy: { finishedAt: "desc" },
      select: { choices: true, choiceOrder: true, endingId: true, finishedAt: true },
    }),
  ]);
  const last = finished[0];
  return {
    scenarioId: scenario.id,
    signedIn: true,
    run: open ? { id: open.id, choices: parseChoices(open.choices), order: parseChoiceOrder(open.choiceOrder) } : null,
    lastFinished: last
      ? {
          choices: parseChoices(last.choices),
          order: parseChoiceOrder(last.choiceOrder),
          endingId: last.endingId!,
          finishedAt: last.finishedAt!.toISOString(),
        }
      : null,
    orderSeed: null,
    finishedCount: finished.length,
    message,
  };
}
