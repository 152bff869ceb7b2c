/**
 * Runs a background task at most once per interval, started by whoever calls `poke` (a request,
 * say) but never awaited by it: `poke` returns at once, the task runs on its own, one at a time,
 * and a failure goes to `onError` instead of reaching the caller.
 */
export function createThrottledTask(
  task: () => Promise<unknown>,
  { intervalMs, onError, clock = Date.now }: { intervalMs: number; onError: (error: unknown) => void; clock?: () => number },
): { poke(): void } {
  let nextRunAt = Number.NEGATIVE_INFINITY;
  let running = false;
  return {
    poke() {
      const now = clock();
      if (running || now < nextRunAt) return;
      running = true;
      nextRunAt = now + intervalMs;
      // Deferred to a microtask: even a task that throws synchronously cannot delay the caller.
      void Promise.resolve()
        .then(task)
        .catch(onError)
        .finally(() => {
          running = false;
        });
    },
  };
}
