/**
 * The limits that keep accounts from being guessed or flooded, counted in the database so that every
 * instance agrees (see rate-limit.server.ts). Each limit is a short fixed window: being limited always
 * ends, and nobody can lock someone else out for good.
 *
 * Sign-in counts every attempt per address, and failed attempts per account both from one address
 * and from all addresses together; the second factor counts wrong codes per account (see
 * two-factor.server.ts). An attacker at one address therefore cannot lock the account for
 * its owner at another; only a distributed attack can, and for an hour at most.
 */
import type { Db } from "~/db/create-db.server.ts";
import { env } from "~/utils/env.server.ts";
import { hitRateLimit, isRateLimited, type RateLimitResult, type RateLimitRule } from "~/utils/rate-limit.server.ts";

const MINUTE = 60_000;

export const AUTH_LIMITS = {
  signInPerAddress: { limit: 30, windowMs: 15 * MINUTE },
  signInFailuresPerAccountAndAddress: { limit: 5, windowMs: 15 * MINUTE },
  signInFailuresPerAccount: { limit: 50, windowMs: 60 * MINUTE },
  signUpPerAddress: { limit: 10, windowMs: 60 * MINUTE },
  /** E-mails one address receives from sign-up requests (confirmation link or « already registered »). */
  signUpMailsPerEmail: { limit: 3, windowMs: 60 * MINUTE },
  /**
   * Wrong second-factor codes per account, whatever the sign-in or the address (each sign-in also
   * allows only 5). Only someone who knows the password gets this far, so this cannot lock out an
   * owner whose password is safe.
   */
  secondFactorFailuresPerAccount: { limit: 10, windowMs: 15 * MINUTE },
  resetPerAddress: { limit: 10, windowMs: 60 * MINUTE },
  resetPerAccount: { limit: 3, windowMs: 60 * MINUTE },
} satisfies Record<string, RateLimitRule>;

export function minutesFrom(result: Extract<RateLimitResult, { allowed: false }>): number {
  return Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
}

export function tooManyMessage(result: Extract<RateLimitResult, { allowed: false }>): string {
  const minutes = minutesFrom(result);
  return `Trop de tentatives en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

/** Before checking a password: counts the attempt for the address, and tells whether to refuse it. */
export async function signInAllowed(db: Db, clientIp: string, email: string): Promise<RateLimitResult> {
  const perAddress = await hitRateLimit(db, `connexion:ip:${clientIp}`, { ...AUTH_LIMITS.signInPerAddress, limit: env().SIGNIN_LIMIT_PER_ADDRESS });
  if (!perAddress.allowed) return perAddress;
  const pair = await isRateLimited(db, `connexion:echecs:${email}:${clientIp}`, AUTH_LIMITS.signInFailuresPerAccountAndAddress);
  if (!pair.allowed) return pair;
  return isRateLimited(db, `connexion:echecs:${email}`, AUTH_LIMITS.signInFailuresPerAccount);
}

export async function recordSignInFailure(db: Db, clientIp: string, email: string) {
  await hitRateLimit(db, `connexion:echecs:${email}:${clientIp}`, AUTH_LIMITS.signInFailuresPerAccountAndAddress);
  await hitRateLimit(db, `connexion:echecs:${email}`, AUTH_LIMITS.signInFailuresPerAccount);
}

export function signUpAllowed(db: Db, clientIp: string) {
  return hitRateLimit(db, `inscription:ip:${clientIp}`, { ...AUTH_LIMITS.signUpPerAddress, limit: env().SIGNUP_LIMIT_PER_ADDRESS });
}

/** Whether a sign-up request may send one more e-mail to this address (the answer never says). */
export async function signUpMailAllowed(db: Db, email: string, now = new Date()) {
  return (await hitRateLimit(db, `inscription:adresse:${email}`, AUTH_LIMITS.signUpMailsPerEmail, now)).allowed;
}

/** Reset requests: per address, and per account (beyond, the request is answered the same but no e-mail leaves). */
export async function resetAllowed(db: Db, clientIp: string, email: string) {
  const perAddress = await hitRateLimit(db, `reinitialisation:ip:${clientIp}`, AUTH_LIMITS.resetPerAddress);
  if (!perAddress.allowed) return { address: perAddress, account: perAddress };
  return { address: perAddress, account: await hitRateLimit(db, `reinitialisation:compte:${email}`, AUTH_LIMITS.resetPerAccount) };
}
