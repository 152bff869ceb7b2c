/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1, the
 * settings every app supports), via the otpauth library. A code is accepted one step either side of
 * the server's clock, and never twice: `lastUsedStep` only moves forward. Ten single-use recovery
 * codes stand in for the app when it is lost.
 *
 * A password reset leaves 2FA on, on purpose: the reset link proves only access to the mailbox, and
 * the second factor exists precisely for the day the mailbox or the password is someone else's.
 * Someone who lost their phone signs in with a recovery code; without one, an administrator clears
 * 2FA from the command line (`npm run user:2fa-reset -- <email>`) after checking who is asking.
 */
import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { hitRateLimit, releaseRateLimit } from "~/db/rate-limit.server.ts";
import { accountPasswordMatches } from "./accounts.server.ts";
import { AUTH_LIMITS } from "./auth-rate-limits.server.ts";
import type { SecondFactorInput } from "./auth-schemas.ts";
import {
  formatRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_RANDOM_BYTES,
  recoveryCodeFromBytes,
} from "./recovery-codes.ts";
import { hashToken, newSecretToken } from "./secret-tokens.server.ts";

const ISSUER = "Apprendre à faire alliance";
const PERIOD = 30;

function totp(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: PERIOD });
}

/** The 30-second step a valid code belongs to, or null. */
function codeStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totp(secret, "").validate({ token: code, timestamp: now, window: 1 });
  return delta === null ? null : Math.floor(now / 1000 / PERIOD) + delta;
}

/** For tests and for the enrolment page's own check: the code of a secret at a time. */
export function currentCode(secret: string, now = Date.now()): string {
  return totp(secret, "").generate({ timestamp: now });
}

export async function twoFactorState(db: Db, userId: string) {
  return db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
}

/**
 * A secret to enrol with, and its otpauth:// address for the QR code. Nothing is stored: the page
 * shows it and the confirmation form sends it back with a first code (viewing the page writes nothing).
 */
export function newEnrollment(email: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: enrollmentUri(secret, email) };
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function enrollmentUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** A secret as newEnrollment makes them: 32 characters of base32 (160 bits). */
export const SECRET_PATTERN = /^[A-Z2-7]{32}$/;

type EnableTwoFactorResult = { ok: true; recoveryCodes: string[] } | { ok: false; reason: "mot-de-passe" | "code" | "deja-active" };

/**
 * Turns 2FA on with this secret once the user gives the account's password and a valid code from
 * their app. The password matters: with a session alone (a borrowed computer, a stolen cookie)
 * someone could enrol their own secret and lock the owner out. Nothing is written unless both are
 * right. Returns the recovery codes, to be shown once; every other session ends (they were opened
 * without the second factor).
 */
export async function enableTwoFactor(
  db: Db,
  userId: string,
  input: { secret: string; code: string; password: string },
  { now = new Date(), keepSessionId = null }: { now?: Date; keepSessionId?: string | null } = {},
): Promise<EnableTwoFactorResult> {
  if (!(await accountPasswordMatches(db, userId, input.password))) return { ok: false, reason: "mot-de-passe" };
  if (!SECRET_PATTERN.test(input.secret)) return { ok: false, reason: "code" };
  const step = codeStep(input.secret, input.code, now.getTime());
  if (step === null) return { ok: false, reason: "code" };
  if ((await twoFactorState(db, userId))?.enabledAt) return { ok: false, reason: "deja-active" };
  const recoveryCodes = newRecoveryCodes();
  try {
    await db.$transaction(async (tx) => {
      // A row never confirmed (left by an older version that stored the secret on view) gives way.
      await tx.twoFactor.deleteMany({ where: { userId, enabledAt: null } });
      // `create`, not `upsert`: of two enrolments at once, the unique userId lets one through.
      await tx.twoFactor.create({
        data: {
          userId,
          secret: input.secret,
          enabledAt: now,
          lastUsedStep: step,
          recoveryCodes: { create: recoveryCodeRows(userId, recoveryCodes) },
        },
      });
      await tx.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) return { ok: false, reason: "deja-active" };
    throw error;
  }
  return { ok: true, recoveryCodes };
}

/** Checks a sign-in code; a code (or an earlier one) already used is refused. */
export async function verifyTwoFactorCode(db: Db, userId: string, code: string, now = Date.now()): Promise<boolean> {
  const row = await db.twoFactor.findUnique({ where: { userId } });
  if (!row?.enabledAt) return false;
  const step = codeStep(row.secret, code, now);
  if (step === null) return false;
  const { count } = await db.twoFactor.updateMany({
    where: { userId, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
    data: { lastUsedStep: step },
  });
  return count === 1;
}

/** Turns 2FA off after the account's password; its recovery codes go with it (cascade). */
export async function disableTwoFactor(db: Db, userId: string, password: string): Promise<boolean> {
  if (!(await accountPasswordMatches(db, userId, password))) return false;
  await db.twoFactor.deleteMany({ where: { userId } });
  return true;
}

// Recovery codes: ten single-use codes shown once, for the day the phone is lost. Only a SHA-256 of
// "<userId>:<code>" is stored: 40 random bits are far beyond online guessing (limited below), and
// the user id in the hash keeps one table of precomputed hashes from serving for every account.
function recoveryCodeHash(userId: string, normalized: string): string {
  return createHash("sha256").update(`${userId}:${normalized}`).digest("hex");
}

function newRecoveryCodes(): string[] {
  const codes = new Set<string>();
  while (codes.size < RECOVERY_CODE_COUNT) codes.add(recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_RANDOM_BYTES)));
  return [...codes].map(formatRecoveryCode);
}

function recoveryCodeRows(userId: string, codes: string[]) {
  return codes.map((code) => ({ codeHash: recoveryCodeHash(userId, normalizeRecoveryCode(code)!) }));
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

/** New recovery codes after the account's password; the previous ones stop working. */
export async function regenerateRecoveryCodes(
  db: Db,
  userId: string,
  password: string,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; reason: "mot-de-passe" | "inactive" }> {
  if (!(await accountPasswordMatches(db, userId, password))) return { ok: false, reason: "mot-de-passe" };
  if (!(await twoFactorState(db, userId))?.enabledAt) return { ok: false, reason: "inactive" };
  const recoveryCodes = newRecoveryCodes();
  await db.$transaction([
    db.recoveryCode.deleteMany({ where: { userId } }),
    db.recoveryCode.createMany({ data: recoveryCodeRows(userId, recoveryCodes).map((row) => ({ ...row, userId })) }),
  ]);
  return { ok: true, recoveryCodes };
}

/** Burns a recovery code (normalized): true once per code, in one statement, so two uses at once cannot both pass. */
export async function useRecoveryCode(db: Db, userId: string, normalized: string, now: Date): Promise<boolean> {
  const { count } = await db.recoveryCode.updateMany({
    where: { userId, codeHash: recoveryCodeHash(userId, normalized), usedAt: null, twoFactor: { enabledAt: { not: null } } },
    data: { usedAt: now },
  });
  return count === 1;
}

/**
 * What an administrator does for someone who lost both their phone and their recovery codes
 * (`npm run user:2fa-reset`): 2FA and its codes are erased, pending sign-ins and every session end.
 * The password is unchanged. Null when no account has this address.
 */
export async function resetTwoFactor(db: Db, email: string): Promise<{ email: string; wasEnabled: boolean; sessionsEnded: number } | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
  if (!user) return null;
  const [removed, , sessions] = await db.$transaction([
    db.twoFactor.deleteMany({ where: { userId: user.id, enabledAt: { not: null } } }),
    db.twoFactor.deleteMany({ where: { userId: user.id } }),
    db.session.deleteMany({ where: { userId: user.id } }),
    db.signInChallenge.deleteMany({ where: { userId: user.id } }),
  ]);
  return { email: user.email, wasEnabled: removed.count > 0, sessionsEnded: sessions.count };
}

// A sign-in between the password and the code: the browser holds a random token in a short-lived
// cookie; the database holds its hash, the account and where to go next.
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export async function createSignInChallenge(db: Db, userId: string, redirectTo: string, now = new Date()): Promise<string> {
  const { token, hash } = newSecretToken();
  await db.signInChallenge.deleteMany({ where: { userId } });
  await db.signInChallenge.create({
    data: { userId, tokenHash: hash, redirectTo, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) },
  });
  return token;
}

export function findSignInChallenge(db: Db, token: string, now = new Date()) {
  if (!token) return Promise.resolve(null);
  return db.signInChallenge.findFirst({
    where: { tokenHash: hashToken(token), expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
  });
}

type SecondFactorResult =
  | { ok: true; userId: string; redirectTo: string; method: "totp" }
  | { ok: true; userId: string; redirectTo: string; method: "secours"; remaining: number }
  | { ok: false; reason: "expire" | "code" }
  | { ok: false; reason: "trop"; retryAfterSeconds: number };

const secondFactorKey = (userId: string) => `deux-facteurs:echecs:${userId}`;

/**
 * The second step of a sign-in: a code from the app or a recovery code, for the challenge whose
 * token the browser holds. Two limits apply: 5 attempts per challenge, and
 * AUTH_LIMITS.secondFactorFailuresPerAccount wrong codes per account over all challenges (a new
 * sign-in from another address does not start the count again). Both are counted before the code
 * is checked, in single statements, so concurrent guesses cannot all slip under them; a right code
 * gives its count back. A successful challenge is over.
 */
/** How a code is checked; a parameter so that tests can count how many codes were really checked. */
export interface SecondFactorChecks {
  totp: (db: Db, userId: string, code: string, now: number) => Promise<boolean>;
  recovery: (db: Db, userId: string, code: string, now: Date) => Promise<boolean>;
}

export async function checkSecondFactor(
  db: Db,
  token: string,
  input: SecondFactorInput,
  now = new Date(),
  checks: SecondFactorChecks = { totp: verifyTwoFactorCode, recovery: useRecoveryCode },
): Promise<SecondFactorResult> {
  const challenge = await findSignInChallenge(db, token, now);
  if (!challenge) return { ok: false, reason: "expire" };
  const key = secondFactorKey(challenge.userId);
  const limited = await hitRateLimit(db, key, AUTH_LIMITS.secondFactorFailuresPerAccount, now);
  if (!limited.allowed) return { ok: false, reason: "trop", retryAfterSeconds: limited.retryAfterSeconds };
  // Claimed by one statement that counts the attempt only while attempts remain: however many codes
  // arrive at once, a pending sign-in never has more than CHALLENGE_MAX_ATTEMPTS of them checked.
  const claimed = await db.signInChallenge.updateMany({
    where: { id: challenge.id, expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (claimed.count !== 1) {
    await releaseRateLimit(db, key, limited.windowEndsAt);
    return { ok: false, reason: "expire" };
  }
  const right =
    input.kind === "totp"
      ? await checks.totp(db, challenge.userId, input.value, now.getTime())
      : await checks.recovery(db, challenge.userId, input.value, now);
  if (!right) return { ok: false, reason: "code" };
  await releaseRateLimit(db, key, limited.windowEndsAt);
  const ended = await db.signInChallenge.deleteMany({ where: { id: challenge.id } });
  // Two right codes at once for one challenge: only one sign-in.
  if (ended.count !== 1) return { ok: false, reason: "expire" };
  const base = { ok: true as const, userId: challenge.userId, redirectTo: challenge.redirectTo };
  return input.kind === "totp"
    ? { ...base, method: "totp" }
    : { ...base, method: "secours", remaining: await remainingRecoveryCodes(db, challenge.userId) };
}
