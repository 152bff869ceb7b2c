/**
 * Deletes what has outlived its purpose, as /confidentialite promises: rate-limit counters whose
 * window has ended, sessions past their expiry, e-mailed links (password reset, address change)
 * expired or used, pending two-factor sign-ins expired or out of attempts, the outbox's copies
 * of e-mails once no link they carry can work, and what a deleted account left for funders once its
 * time is up (retained-evidence.ts: anonymised certificates after 3 years, evidence after 6).
 *
 * The one entry point for whatever runs it: today the request path, now and then
 * (housekeeping.server.ts); later a job queue can call pruneExpired(db, now) on a schedule.
 */
import { EMAIL_CHANGE_LIFETIME_MS } from "./account-settings.server.ts";
import { RESET_LIFETIME_MS } from "./password-reset.server.ts";
import { CHALLENGE_MAX_ATTEMPTS } from "./two-factor.server.ts";
import type { Mailer } from "~/utils/mailer.server.ts";
import { pruneRateLimits } from "~/db/rate-limit.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { CERTIFICATE_RETENTION_YEARS, yearsAfter } from "./retained-evidence.ts";

/** How often a process prunes (housekeeping.server.ts): what expired is gone within this delay. */
export const PRUNE_INTERVAL_MS = 10 * 60 * 1000;

/** An outbox message is kept as long as the longest-lived link an e-mail can carry. */
export const OUTBOX_RETENTION_MS = Math.max(RESET_LIFETIME_MS, EMAIL_CHANGE_LIFETIME_MS);

interface PruneReport {
  rateLimits: number;
  sessions: number;
  passwordResetTokens: number;
  emailChangeTokens: number;
  signInChallenges: number;
  outboxMessages: number;
  anonymisedCertificates: number;
  retainedEvidence: number;
  /** LTI logins never completed (app/lti/oidc-login.server.ts: 10 minutes to come back). */
  ltiLoginStates: number;
}

export async function pruneExpired(
  db: Db,
  now = new Date(),
  options: { mailer?: Pick<Mailer, "pruneSentBefore"> } = {},
): Promise<PruneReport> {
  const spent = { OR: [{ expiresAt: { lte: now } }, { usedAt: { not: null } }] };
  // Independent deletes, each idempotent: run by several instances at once, they agree.
  const [
    rateLimits,
    sessions,
    passwordResetTokens,
    emailChangeTokens,
    signInChallenges,
    anonymisedCertificates,
    retainedEvidence,
    ltiLoginStates,
  ] = await Promise.all([
    pruneRateLimits(db, now),
    db.session.deleteMany({ where: { expiresAt: { lte: now } } }).then((r) => r.count),
    db.passwordResetToken.deleteMany({ where: spent }).then((r) => r.count),
    db.emailChangeToken.deleteMany({ where: spent }).then((r) => r.count),
    db.signInChallenge
      .deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { attempts: { gte: CHALLENGE_MAX_ATTEMPTS } }] } })
      .then((r) => r.count),
    // Only a deleted account's certificates (userId null): a person's own stay as long as the account.
    db.certificate
      .deleteMany({ where: { userId: null, completedAt: { lte: yearsAfter(now, -CERTIFICATE_RETENTION_YEARS) } } })
      .then((r) => r.count),
    db.retainedEvidence.deleteMany({ where: { keepUntil: { lte: now } } }).then((r) => r.count),
    db.ltiLoginState.deleteMany({ where: { expiresAt: { lte: now } } }).then((r) => r.count),
  ]);
  const outboxMessages = options.mailer ? await options.mailer.pruneSentBefore(new Date(now.getTime() - OUTBOX_RETENTION_MS)) : 0;
  return {
    rateLimits,
    sessions,
    passwordResetTokens,
    emailChangeTokens,
    signInChallenges,
    outboxMessages,
    anonymisedCertificates,
    retainedEvidence,
    ltiLoginStates,
  };
}
