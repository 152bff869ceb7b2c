/**
 * The server's clock for the time rules (a lesson's minimum time, active-time heartbeats).
 *
 * Tests only: when AAFA_TEST_CLOCK_FILE names a file, the sum of the numbers of seconds written in
 * it, one per line, is added to the real time, so that an end-to-end test can « wait » twenty
 * minutes by appending 1200 (see tests/e2e/test-clock.ts). Appending, never rewriting, lets several
 * test workers move the clock at once without a lost or half-read update sending it backwards. It is honoured only outside production or on the end-to-end test
 * server (AAFA_TEST_SERVER=1, set by tests/e2e/serve.ts); a production server ignores it.
 */
import { readFileSync } from "node:fs";

function testOffsetMs(): number {
  const file = process.env.AAFA_TEST_CLOCK_FILE;
  if (!file) return 0;
  if (process.env.NODE_ENV === "production" && process.env.AAFA_TEST_SERVER !== "1") return 0;
  try {
    let seconds = 0;
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const value = Number(line.trim());
      if (line.trim() !== "" && Number.isFinite(value)) seconds += value;
    }
    return seconds * 1000;
  } catch {
    return 0; // no file yet: real time
  }
}

export function now(): Date {
  return new Date(Date.now() + testOffsetMs());
}
