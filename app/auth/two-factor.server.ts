/**
 * Two-factor sign-in with an authenticator app (TOTP, RFC 6238: 6 digits, 30 seconds, SHA-1, the
 * settings every app supports), via the otpauth library. A code is accepted one step either side of
 * the server's clock, and never twice: `lastUsedStep` only moves forward.
 */
import { Secret, TOTP } from "otpauth";
import type { Db } from "~/db/create-db.server.ts";
import { hashToken, newSecretToken } from "./secret-tokens.server.ts";

const ISSUER = "Apprendre à faire alliance";
const PERIOD = 30;

function totp(secret: string, label: string) {
  return new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: PERIOD });
}

/** The 30-second step a valid code belongs to, or null. */
export function codeStep(secret: string, code: string, now = Date.now()): number | null {
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

/** Turns 2FA on with this secret once the user types a valid code from their app; refused while it is on. */
export async function enableTwoFactor(db: Db, userId: string, secret: string, code: string, now = Date.now()): Promise<boolean> {
  if (!SECRET_PATTERN.test(secret)) return false;
  const step = codeStep(secret, code, now);
  if (step === null) return false;
  const existing = await db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } });
  if (existing?.enabledAt) return false;
  await db.twoFactor.upsert({
    where: { userId },
    create: { userId, secret, enabledAt: new Date(now), lastUsedStep: step },
    update: { secret, enabledAt: new Date(now), lastUsedStep: step },
  });
  return true;
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

export async function disableTwoFactor(db: Db, userId: string) {
  await db.twoFactor.deleteMany({ where: { userId } });
}

// A sign-in between the password and the code: the browser holds a random token in a short-lived
// cookie; the database holds its hash, the account and where to go next.
export const CHALLENGE_LIFETIME_MS = 5 * 60 * 1000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

export async function createSignInChallenge(db: Db, userId: string, redirectTo: string, now = new Date()): Promise<string> {
  const { token, hash } = newSecretToken();
  await db.signInChallenge.deleteMany({ where: { userId } });
  await db.signInChallenge.create({ data: { userId, tokenHash: hash, redirectTo, expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS) } });
  return token;
}

export function findSignInChallenge(db: Db, token: string, now = new Date()) {
  if (!token) return Promise.resolve(null);
  return db.signInChallenge.findFirst({ where: { tokenHash: hashToken(token), expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } } });
}

/**
 * Claims one of the pending sign-in's attempts before its code is checked: a single statement that
 * counts the attempt only while attempts remain, so concurrent codes can never be checked more than
 * CHALLENGE_MAX_ATTEMPTS times. Null when the sign-in has expired or used up its attempts.
 */
export async function claimChallengeAttempt(db: Db, token: string, now = new Date()) {
  if (!token) return null;
  const tokenHash = hashToken(token);
  const { count } = await db.signInChallenge.updateMany({
    where: { tokenHash, expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (count !== 1) return null;
  return db.signInChallenge.findUnique({ where: { tokenHash }, select: { id: true, userId: true, redirectTo: true } });
}

export async function endSignInChallenge(db: Db, id: string) {
  await db.signInChallenge.deleteMany({ where: { id } });
}
