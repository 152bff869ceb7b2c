/**
 * Fixed-window rate limits kept in the database, so that every instance behind a load balancer
 * counts the same requests. A window is short (minutes): being limited never lasts longer than
 * that, so nobody can lock another person out for good. A row lives as long as its window
 * (`expiresAt`); pruneExpired deletes it afterwards.
 *
 * There is deliberately no "is it limited?" read: a check followed by a count lets every request
 * that arrives before the first count through (30 parallel sign-ins were all checked). A request
 * is counted first, in one statement that returns the count, and only the requests whose own
 * number is within the limit go on. A limit on failures counts every attempt the same way and gives
 * the slot back when the attempt turns out not to be a failure (releaseRateLimit).
 */
import type { Db } from "./create-db.server.ts";
import { isRecordNotFoundError, isUniqueConstraintError } from "./errors.ts";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

/** When allowed, `windowEndsAt` identifies the window the request was counted in (to give it back). */
type RateLimitResult = { allowed: true; remaining: number; windowEndsAt: Date } | { allowed: false; retryAfterSeconds: number };

function refused(windowEndsAt: Date, now: Date): RateLimitResult {
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowEndsAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Counts one request under `key` and says whether it is within the limit. Each step is a single
 * atomic statement, so concurrent requests on any number of instances never let more through.
 */
export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date(), retries = 3): Promise<RateLimitResult> {
  // 1. Inside an open window: count this request, reading back the count it made (one statement,
  // so concurrent requests each see their own number).
  try {
    const row = await db.rateLimit.update({
      where: { key, expiresAt: { gt: now } },
      data: { count: { increment: 1 } },
      select: { expiresAt: true, count: true },
    });
    const windowEndsAt = new Date(row.expiresAt);
    if (row.count <= rule.limit) return { allowed: true, remaining: rule.limit - row.count, windowEndsAt };
    return refused(windowEndsAt, now);
  } catch (error) {
    if (!isRecordNotFoundError(error)) throw error;
  }
  const windowEndsAt = new Date(now.getTime() + rule.windowMs);
  // 2. No window yet: open one. Only one concurrent creator succeeds.
  try {
    await db.rateLimit.create({ data: { key, expiresAt: windowEndsAt, count: 1 } });
    return { allowed: true, remaining: rule.limit - 1, windowEndsAt };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
  }
  // 3. The row exists: its window has closed (reopen it — only one request can), or another request
  // just opened it (then count ourselves in it).
  const reopened = await db.rateLimit.updateMany({ where: { key, expiresAt: { lte: now } }, data: { expiresAt: windowEndsAt, count: 1 } });
  if (reopened.count === 1) return { allowed: true, remaining: rule.limit - 1, windowEndsAt };
  if (retries === 0) return { allowed: false, retryAfterSeconds: 1 };
  return hitRateLimit(db, key, rule, now, retries - 1);
}

/**
 * Gives back a request counted by hitRateLimit (one statement). Only the window it was counted in
 * is touched: once that window has ended, there is nothing to give back.
 */
export async function releaseRateLimit(db: Db, key: string, windowEndsAt: Date): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, expiresAt: windowEndsAt, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

/** Deletes the counters whose window has ended (see pruneExpired). */
export async function pruneRateLimits(db: Db, now = new Date()): Promise<number> {
  return (await db.rateLimit.deleteMany({ where: { expiresAt: { lte: now } } })).count;
}
