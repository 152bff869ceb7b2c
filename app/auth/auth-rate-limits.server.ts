/**
 * The limits that keep accounts from being guessed or flooded, counted in the database so that every
 * instance agrees (see app/db/rate-limit.server.ts). Each limit is a short fixed window: being limited always
 * ends, and nobody can lock someone else out for good.
 *
 * Sign-in counts every attempt per address, and failed attempts per account both from one address
 * and from all addresses together (counted before the password is checked, see
 * reserveSignInAttempt); the second factor counts wrong codes per account (see two-factor.server.ts).
 * An attacker at one address therefore cannot lock the account for
 * its owner at another; only a distributed attack can, and for an hour at most.
 */
import type { Db } from "~/db/create-db.server.ts";
import { env } from "~/utils/env.server.ts";
import { hitRateLimit, releaseRateLimit, type RateLimitRule } from "~/db/rate-limit.server.ts";

const MINUTE = 60_000;

export const AUTH_LIMITS = {
  /** Failed sign-ins from one address, all accounts together (a right password gives its place back). */
  signInPerAddress: { limit: 100, windowMs: 15 * MINUTE },
  signInFailuresPerAccountAndAddress: { limit: 5, windowMs: 15 * MINUTE },
  signInFailuresPerAccount: { limit: 50, windowMs: 60 * MINUTE },
  /** A classroom of 30 to 50 behind one address must be able to sign up in the same hour. */
  signUpPerAddress: { limit: 60, windowMs: 60 * MINUTE },
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

function minutesFrom(result: { retryAfterSeconds: number }): number {
  return Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
}

export function tooManyMessage(result: { retryAfterSeconds: number }): string {
  const minutes = minutesFrom(result);
  return `Trop de tentatives en peu de temps. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`;
}

// Keys that name an account carry its address (lower-cased by the schemas); accountRateLimitKeys
// finds them again when the account is deleted.
const signInFailuresKey = (email: string) => `connexion:echecs:${email}`;
const signInFailuresFromKey = (email: string, clientIp: string) => `${signInFailuresKey(email)}:${clientIp}`;
const resetAccountKey = (email: string) => `reinitialisation:compte:${email}`;

/**
 * The keys of every counter that names this account: the exact ones, and those of its failures per
 * address. Prisma's `startsWith` is a LIKE whose "_" (allowed in addresses) matches any character,
 * so its rows are only candidates, kept when they really start with the prefix.
 */
export async function accountRateLimitKeys(db: Db, email: string): Promise<string[]> {
  const prefix = `${signInFailuresKey(email)}:`;
  const candidates = await db.rateLimit.findMany({ where: { key: { startsWith: prefix } }, select: { key: true } });
  return [signInFailuresKey(email), resetAccountKey(email), ...candidates.map((row) => row.key).filter((key) => key.startsWith(prefix))];
}

type SignInReservation = { allowed: false; retryAfterSeconds: number } | { allowed: true; giveBack(): Promise<void> };

/**
 * Before checking a password: counts the attempt for the address, and reserves it a place among the
 * failures allowed for the account from this address and from everywhere. Each count is one atomic
 * statement that returns the new number, so however many attempts arrive at once, no more than the
 * limits get a place and reach the password check. A right password gives its places back
 * (`giveBack`): only failures stay counted.
 */
export async function reserveSignInAttempt(db: Db, clientIp: string, email: string, now = new Date()): Promise<SignInReservation> {
  const perAddress = await hitRateLimit(
    db,
    `connexion:ip:${clientIp}`,
    { ...AUTH_LIMITS.signInPerAddress, limit: env().SIGNIN_LIMIT_PER_ADDRESS },
    now,
  );
  if (!perAddress.allowed) return perAddress;
  const pairKey = signInFailuresFromKey(email, clientIp);
  const pair = await hitRateLimit(db, pairKey, AUTH_LIMITS.signInFailuresPerAccountAndAddress, now);
  if (!pair.allowed) return pair;
  const accountKey = signInFailuresKey(email);
  const account = await hitRateLimit(db, accountKey, AUTH_LIMITS.signInFailuresPerAccount, now);
  if (!account.allowed) {
    // Refused without a check: this address's place is not used up.
    await releaseRateLimit(db, pairKey, pair.windowEndsAt);
    return account;
  }
  return {
    allowed: true,
    // A right password counts against nothing: a classroom behind one address signs in freely,
    // while failures from it stay bounded (per address, per account and address, per account).
    async giveBack() {
      await releaseRateLimit(db, `connexion:ip:${clientIp}`, perAddress.windowEndsAt);
      await releaseRateLimit(db, pairKey, pair.windowEndsAt);
      await releaseRateLimit(db, accountKey, account.windowEndsAt);
    },
  };
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
  return { address: perAddress, account: await hitRateLimit(db, resetAccountKey(email), AUTH_LIMITS.resetPerAccount) };
}
