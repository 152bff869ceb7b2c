/**
 * Fixed-window rate limits kept in the database, so that every instance behind a load balancer
 * counts the same requests. A window is short (minutes): being limited never lasts longer than
 * that, so nobody can lock another person out for good.
 */
import type { Db } from "~/db/create-db.server.ts";
import { isRecordNotFoundError, isUniqueConstraintError } from "~/db/errors.ts";

export interface RateLimitRule {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateLimitResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one request under `key` and says whether it is within the limit. Each step is a single
 * atomic statement, so concurrent requests on any number of instances never let more through.
 */
export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date(), retries = 3): Promise<RateLimitResult> {
  const windowFloor = new Date(now.getTime() - rule.windowMs);
  // 1. Inside an open window: count this request, reading back the count it made (one statement,
  // so concurrent requests each see their own number).
  try {
    const row = await db.rateLimit.update({
      where: { key, windowStart: { gt: windowFloor } },
      data: { count: { increment: 1 } },
      select: { windowStart: true, count: true },
    });
    if (row.count <= rule.limit) return { allowed: true, remaining: rule.limit - row.count };
    const reopensAt = new Date(row.windowStart).getTime() + rule.windowMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
  } catch (error) {
    if (!isRecordNotFoundError(error)) throw error;
  }
  // 2. No window yet: open one. Only one concurrent creator succeeds.
  try {
    await db.rateLimit.create({ data: { key, windowStart: now, count: 1 } });
    return { allowed: true, remaining: rule.limit - 1 };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
  }
  // 3. The row exists: its window has closed (reopen it — only one request can), or another request
  // just opened it (then count ourselves in it).
  const reopened = await db.rateLimit.updateMany({ where: { key, windowStart: { lte: windowFloor } }, data: { windowStart: now, count: 1 } });
  if (reopened.count === 1) return { allowed: true, remaining: rule.limit - 1 };
  if (retries === 0) return { allowed: false, retryAfterSeconds: 1 };
  return hitRateLimit(db, key, rule, now, retries - 1);
}

/**
 * Whether `key` is over its limit right now, without counting a request (for limits that count
 * only failures: check first, count after a failure).
 */
export async function isRateLimited(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { windowStart: true, count: true } });
  if (!row || row.windowStart.getTime() <= now.getTime() - rule.windowMs || row.count < rule.limit) {
    return { allowed: true, remaining: rule.limit - (row && row.windowStart.getTime() > now.getTime() - rule.windowMs ? row.count : 0) };
  }
  const reopensAt = row.windowStart.getTime() + rule.windowMs;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((reopensAt - now.getTime()) / 1000)) };
}

/**
 * Gives back one request counted by hitRateLimit (for limits on failures that must be counted
 * before the outcome is known, so that concurrent guesses cannot all slip under the limit: count
 * first, then give the count back when the attempt succeeded).
 */
export async function refundRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()) {
  await db.rateLimit.updateMany({
    where: { key, windowStart: { gt: new Date(now.getTime() - rule.windowMs) }, count: { gt: 0 } },
    data: { count: { decrement: 1 } },
  });
}

/** Forgets windows closed for more than a day (run now and then; the table only holds open windows). */
export async function pruneRateLimits(db: Db, now = new Date()) {
  await db.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } } });
}
