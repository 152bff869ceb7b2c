// An error logged during a test is a bug nobody would otherwise notice: fail the test.
import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  if (errors.length > 0) {
    throw new Error(`console.error a été appelé pendant le test :\n${errors.map((args) => args.join(" ")).join("\n")}`);
  }
});
