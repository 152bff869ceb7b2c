/**
 * One sign-in attempt, and one attempt at the second factor: the limits, the check, and what the
 * route must answer. The check itself is a parameter (the real one by default) so that tests can
 * count how many passwords or codes were really checked.
 */
import type { Db } from "~/db/create-db.server.ts";
import { verifyCredentials } from "./accounts.server.ts";
import { reserveSignInAttempt } from "./auth-rate-limits.server.ts";
import { claimChallengeAttempt, verifyTwoFactorCode } from "./two-factor.server.ts";

export type CheckPassword = (db: Db, email: string, password: string) => Promise<string | null>;

export type SignInAttempt =
  | { outcome: "limite"; retryAfterSeconds: number }
  | { outcome: "refuse" }
  | { outcome: "ok"; userId: string };

export async function attemptSignIn(
  db: Db,
  attempt: { clientIp: string; email: string; password: string; now?: Date },
  checkPassword: CheckPassword = verifyCredentials,
): Promise<SignInAttempt> {
  const { clientIp, email, password, now = new Date() } = attempt;
  // Counted before the check (see reserveSignInAttempt): never more checks than the limits allow.
  const reservation = await reserveSignInAttempt(db, clientIp, email, now);
  if (!reservation.allowed) return { outcome: "limite", retryAfterSeconds: reservation.retryAfterSeconds };
  const userId = await checkPassword(db, email, password);
  if (!userId) return { outcome: "refuse" };
  await reservation.giveBack();
  return { outcome: "ok", userId };
}

export type CheckCode = (db: Db, userId: string, code: string) => Promise<boolean>;

export type SecondFactorAttempt =
  | { outcome: "expire" }
  | { outcome: "refuse" }
  | { outcome: "ok"; userId: string; redirectTo: string; challengeId: string };

/** A code typed for the pending sign-in whose token the browser holds. */
export async function attemptSecondFactor(db: Db, token: string, code: string, checkCode: CheckCode = verifyTwoFactorCode): Promise<SecondFactorAttempt> {
  // The attempt is counted first, by the statement that claims it: a sixth code is never checked.
  const challenge = await claimChallengeAttempt(db, token);
  if (!challenge) return { outcome: "expire" };
  if (!(await checkCode(db, challenge.userId, code))) return { outcome: "refuse" };
  return { outcome: "ok", userId: challenge.userId, redirectTo: challenge.redirectTo, challengeId: challenge.id };
}
