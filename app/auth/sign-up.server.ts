/**
 * Sign-up confirmed from the address itself. A request never says whether the address has an
 * account: a new address gets a link that creates the account (24 hours, once); an address with an
 * account gets a note to its owner instead (sign in, or reset the password). Both do the same work
 * — hash the submitted password, write the same row, send one e-mail — so that neither the answer
 * nor its timing tells them apart (`npm run bench:sign-up` measures it).
 *
 * The link alone does not create the account: it asks for the password chosen at sign-up. Otherwise
 * someone could register another person's address with a password of their own and wait for that
 * person to click « Confirmer » in good faith, then sign in to the account they use (a pre-account
 * takeover).
 */
import type { Db } from "~/db/create-db.server.ts";
import type { Mailer } from "~/utils/mailer.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { insertAccount } from "./accounts.server.ts";
import { signUpMailAllowed } from "./auth-rate-limits.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { isProfile, type Profile } from "./profiles.ts";
import { hashToken, newSecretToken } from "./secret-tokens.server.ts";

export const SIGNUP_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Where every sign-up request lands, whatever the address. */
export const CHECK_INBOX_PATH = "/inscription/verifiez-votre-boite";

interface SignUpRequest {
  name: string;
  /** Trimmed and lower-cased by SignupSchema. */
  email: string;
  profile: Profile;
  password: string;
  redirectTo?: string;
}

const base = (siteUrl: string) => siteUrl.replace(/\/+$/, "");

function confirmationMail(name: string, link: string) {
  return {
    subject: "Confirmez la création de votre compte — Apprendre à faire alliance",
    text: [
      `Bonjour ${name},`,
      "",
      "Pour créer votre compte «\u202FApprendre à faire alliance\u202F», ouvrez ce lien dans les 24 heures (il ne sert qu'une fois)\u202F; le mot de passe choisi à l'inscription vous sera demandé\u00A0:",
      "",
      link,
      "",
      "Si vous n'avez rien demandé, ignorez ce message\u00A0: aucun compte ne sera créé.",
    ].join("\n"),
  };
}

function alreadyRegisteredMail(name: string, siteUrl: string) {
  return {
    subject: "Votre adresse a déjà un compte — Apprendre à faire alliance",
    text: [
      `Bonjour ${name},`,
      "",
      "Quelqu'un a demandé à créer un compte avec cette adresse sur «\u202FApprendre à faire alliance\u202F». Elle a déjà un compte\u00A0: aucun autre ne sera créé.",
      "",
      "Si c'est vous, connectez-vous\u00A0:",
      `${base(siteUrl)}/connexion`,
      "",
      "ou, si vous avez oublié votre mot de passe, réinitialisez-le\u00A0:",
      `${base(siteUrl)}/mot-de-passe-oublie`,
      "",
      "Si ce n'est pas vous, ignorez ce message\u00A0: rien ne change sur votre compte.",
    ].join("\n"),
  };
}

/**
 * Handles a sign-up request; returns nothing, whatever happened (the caller answers the same way).
 * Beyond AUTH_LIMITS.signUpMailsPerEmail no e-mail leaves and the latest link stays valid.
 */
export async function requestSignUp(db: Db, mailer: Mailer, request: SignUpRequest, siteUrl: string, now = new Date()): Promise<void> {
  // Requests never confirmed hold a name and a password hash: they go once expired.
  await db.pendingSignup.deleteMany({ where: { expiresAt: { lte: now } } });
  const owner = await db.user.findUnique({ where: { email: request.email }, select: { name: true } });
  if (!(await signUpMailAllowed(db, request.email, now))) return;
  // The same work whether or not the address is taken: the argon2 hash (most of the request's
  // time), a new token, and the latest request stored in place of the previous one. For a taken
  // address the row can never be confirmed (its token is not sent) and it goes within 24 hours.
  const passwordHash = await hashPassword(request.password);
  const { token, hash } = newSecretToken();
  const redirectTo = safeRedirect(request.redirectTo, "") || null;
  const pending = {
    tokenHash: hash,
    name: request.name,
    profile: request.profile,
    passwordHash,
    redirectTo,
    expiresAt: new Date(now.getTime() + SIGNUP_LIFETIME_MS),
    createdAt: now,
  };
  await db.pendingSignup.upsert({ where: { email: request.email }, create: { email: request.email, ...pending }, update: pending });
  const link = `${base(siteUrl)}/inscription/confirmer?${new URLSearchParams({ jeton: token })}`;
  await mailer.send({ to: request.email, ...(owner ? alreadyRegisteredMail(owner.name, siteUrl) : confirmationMail(request.name, link)) });
}

function pendingByToken(db: Db, token: string, now: Date) {
  if (!token || token.length > 100) return Promise.resolve(null);
  return db.pendingSignup.findFirst({ where: { tokenHash: hashToken(token), expiresAt: { gt: now } } });
}

/** What the confirmation page shows for a link still valid (reading only: a GET never writes). */
export async function findPendingSignUp(db: Db, token: string, now = new Date()): Promise<{ email: string; name: string } | null> {
  const pending = await pendingByToken(db, token, now);
  return pending ? { email: pending.email, name: pending.name } : null;
}

type ConfirmSignUpResult =
  { ok: true; userId: string; redirectTo: string | null } | { ok: false; reason: "lien" | "mot-de-passe" | "adresse-prise" };

/**
 * Follows the link: with the password chosen at sign-up, claims the request (one statement, so two
 * clicks cannot both create an account) and creates the account.
 */
export async function confirmSignUp(db: Db, token: string, password: string, now = new Date()): Promise<ConfirmSignUpResult> {
  // No decoy hash for an unknown link: a 256-bit token cannot be guessed, and a decoy would hand
  // anyone a free argon2 computation per request.
  const pending = await pendingByToken(db, token, now);
  if (!pending) return { ok: false, reason: "lien" };
  if (!(await verifyPassword(pending.passwordHash, password))) return { ok: false, reason: "mot-de-passe" };
  const claimed = await db.pendingSignup.deleteMany({ where: { id: pending.id, tokenHash: pending.tokenHash } });
  if (claimed.count !== 1) return { ok: false, reason: "lien" };
  const created = await insertAccount(db, {
    name: pending.name,
    email: pending.email,
    profile: isProfile(pending.profile) ? pending.profile : "OTHER",
    passwordHash: pending.passwordHash,
  });
  if (!created.ok) return { ok: false, reason: "adresse-prise" };
  return { ok: true, userId: created.userId, redirectTo: pending.redirectTo };
}
