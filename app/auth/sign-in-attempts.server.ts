/**
 * One sign-in attempt: the limits, the check, and what the route must answer. The check itself is a
 * parameter (the real one by default) so that tests can count how many passwords were really
 * checked. The second factor has its own, checkSecondFactor (two-factor.server.ts).
 */
import type { Db } from "~/db/create-db.server.ts";
import { verifyCredentials } from "./accounts.server.ts";
import { reserveSignInAttempt } from "./auth-rate-limits.server.ts";

export type CheckPassword = (db: Db, email: string, password: string) => Promise<string | null>;

type SignInAttempt = { outcome: "limite"; retryAfterSeconds: number } | { outcome: "refuse" } | { outcome: "ok"; userId: string };

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
