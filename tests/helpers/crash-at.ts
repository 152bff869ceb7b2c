/**
 * « What if the process died right here? » A real database client wrapped so that the n-th call it
 * receives throws instead, as if the process had been killed just before it. Everything before that
 * point really reached the database.
 *
 * Each model call (`db.x.upsert(…)`) and each `$transaction` counts as one step. Statements built as
 * the arguments of a batch `$transaction([…])` count too, but throwing there only means the batch is
 * never sent — the same as dying just before the batch, which is all or nothing anyway.
 *
 * It proves an invariant for every crash point of a multi-statement write, deterministically, where
 * a SIGKILL benchmark only finds a violation when the timing happens to fall in the gap.
 */
import type { Db } from "~/db/create-db.server.ts";

export class SimulatedCrash extends Error {
  constructor(readonly step: number) {
    super(`arrêt simulé à l'étape ${step}`);
  }
}

export function crashAt(db: Db, n: number): Db {
  let count = 0;
  const step = () => {
    count += 1;
    if (count >= n) throw new SimulatedCrash(count);
  };
  const counted =
    (fn: (...args: unknown[]) => unknown, self: object) =>
    (...args: unknown[]) => {
      step();
      return fn.apply(self, args);
    };
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property === "$transaction") return counted(value as (...args: unknown[]) => unknown, target);
      if (typeof property !== "string" || property.startsWith("$") || !value || typeof value !== "object") return value;
      return new Proxy(value, {
        get(model, name, modelReceiver) {
          const method = Reflect.get(model, name, modelReceiver) as unknown;
          return typeof method === "function" ? counted(method as (...args: unknown[]) => unknown, model) : method;
        },
      });
    },
  });
}

/** Runs `write` against a client that dies at step 1, 2, 3… until a run completes; calls `check` after each. */
export async function everyCrashPoint(db: Db, write: (db: Db, run: number) => Promise<unknown>, check: (run: number) => Promise<void>) {
  for (let n = 1; n < 50; n++) {
    try {
      await write(crashAt(db, n), n);
      await check(n);
      return n; // this run went through every step
    } catch (error) {
      if (!(error instanceof SimulatedCrash)) throw error;
      await check(n);
    }
  }
  throw new Error("trop d'étapes");
}
