import { expect, test } from "vitest";
import { createThrottledTask } from "./throttled-task.ts";

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

test("runs at most once per interval, and never twice at once", async () => {
  let now = 0;
  let runs = 0;
  let finish: () => void = () => {};
  const task = createThrottledTask(
    () => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    { intervalMs: 600_000, onError: () => {}, clock: () => now },
  );
  task.poke();
  task.poke();
  await tick();
  expect(runs).toBe(1);
  now = 700_000; // the interval has passed, but the first run has not finished
  task.poke();
  await tick();
  expect(runs).toBe(1);
  finish();
  await tick();
  task.poke();
  await tick();
  expect(runs).toBe(2);
  now = 800_000; // within the interval of the second run
  finish();
  await tick();
  task.poke();
  await tick();
  expect(runs).toBe(2);
});

test("the caller never waits: poke returns before a task that never ends, or throws at once", async () => {
  const errors: unknown[] = [];
  let started = false;
  const hanging = createThrottledTask(
    () => {
      started = true;
      return new Promise(() => {});
    },
    { intervalMs: 1, onError: (error) => errors.push(error) },
  );
  expect(hanging.poke()).toBeUndefined();
  expect(started).toBe(false); // not even started yet: it runs after the caller's turn
  await tick();
  expect(started).toBe(true);

  const throwing = createThrottledTask(
    () => {
      throw new Error("base injoignable");
    },
    { intervalMs: 1, onError: (error) => errors.push(error) },
  );
  expect(() => throwing.poke()).not.toThrow();
  await tick();
  expect(errors).toEqual([new Error("base injoignable")]);
});
