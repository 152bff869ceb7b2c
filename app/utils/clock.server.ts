/**
 * The server's clock for the time rules (a lesson's minimum time, active-time heartbeats).
 *
 * Tests only: when AAFA_TEST_CLOCK_FILE names a file, its content — a number of seconds — is added
 * to the real time, so that an end-to-end test can « wait » twenty minutes by writing 1200 in it
 * (see tests/e2e/test-clock.ts). It is honoured only outside production or on the end-to-end test
 * server (AAFA_TEST_SERVER=1, set by tests/e2e/serve.ts); a production server ignores it.
 */
import { readFileSync } from "node:fs";

function testOffsetMs(): number {
  const file = process.env.AAFA_TEST_CLOCK_FILE;
  if (!file) return 0;
  if (process.env.NODE_ENV === "production" && process.env.AAFA_TEST_SERVER !== "1") return 0;
  try {
    const seconds = Number(readFileSync(file, "utf8").trim());
    return Number.isFinite(seconds) ? seconds * 1000 : 0;
  } catch {
    return 0; // no file yet: real time
  }
}

export function now(): Date {
  return new Date(Date.now() + testOffsetMs());
}
