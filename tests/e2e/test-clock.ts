/**
 * Time for the time rules without waiting: the test servers add the seconds written in their clock
 * file to the real time (app/utils/clock.server.ts, AAFA_TEST_CLOCK_FILE). A test « reads for five
 * minutes » by moving that clock five minutes on, and earns active time by sending the heartbeats a
 * lesson page would send, fifteen seconds of clock apart.
 */
import { appendFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { clockFileOf, ENGINE_PG_PORT, ENGINE_PORT, PLATFORM_PORT } from "./servers.ts";

function clockFile(): string {
  const project = test.info().project.name;
  return clockFileOf(project === "moteur" ? ENGINE_PORT : project === "moteur-pg" ? ENGINE_PG_PORT : PLATFORM_PORT);
}

/**
 * Moves the server's clock `seconds` forward. Each move is appended as a line (the server adds them
 * up): two workers moving it at once never lose a move, and the clock never goes back.
 */
export function advanceClock(seconds: number) {
  appendFileSync(clockFile(), `${seconds}\n`);
}

/** Spends `seconds` on the lesson shown (by the clock), then marks it done. */
export async function markLessonDone(page: Page, { seconds = 5 * 60 }: { seconds?: number } = {}) {
  advanceClock(seconds);
  await page.getByRole("button", { name: "J'ai terminé cette leçon" }).click();
}

/**
 * Active time on a lesson, as a visible and used lesson page records it: one heartbeat every 15 s
 * of clock. `page` carries the learner's session.
 */
export async function spendActiveTime(page: Page, { lessonId, pathId, seconds }: { lessonId: string; pathId: string; seconds: number }) {
  const origin = new URL(page.url()).origin;
  let credited = 0;
  for (let beat = 0; beat < Math.ceil(seconds / 15); beat++) {
    advanceClock(15);
    const response = await page.request.post(`${origin}/api/temps-actif`, {
      form: { lessonId, pathId, seconds: "15" },
      headers: { Origin: origin },
    });
    expect(response.status()).toBe(200);
    credited += ((await response.json()) as { credited: number }).credited;
  }
  return credited;
}
