/**
 * Password reset by e-mail. The answer to a request is the same whether or not the address has an
 * account; a link is valid one hour and once; using it sets the new password and ends every session
 * of the account (whoever had stolen one is signed out).
 */
import type { Db } from "~/db/create-db.server.ts";
import type { Mailer } from "~/utils/mailer.server.ts";
import { hashPassword } from "./password.server.ts";
import { hashToken, newSecretToken } from "./secret-tokens.server.ts";

export const RESET_LIFETIME_MS = 60 * 60 * 1000;

function resetMail(name: string, link: string) {
  return {
    subject: "Réinitialiser votre mot de passe — Apprendre à faire alliance",
    text: [
      `Bonjour ${name},`,
      "",
      "Quelqu'un, sans doute vous, a demandé à réinitialiser le mot de passe de votre compte «\u202FApprendre à faire alliance\u202F».",
      "Pour choisir un nouveau mot de passe, ouvrez ce lien dans l'heure qui vient (il ne sert qu'une fois)\u00A0:",
      "",
      link,
      "",
      "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message\u00A0: votre mot de passe ne change pas.",
    ].join("\n"),
  };
}

/** Sends a reset link if the address has an account; does nothing visible otherwise. */
export async function requestPasswordReset(db: Db, mailer: Mailer, email: string, siteUrl: string, now = new Date()): Promise<void> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true } });
  if (!user) return;
  const { token, hash } = newSecretToken();
  await db.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS) },
  });
  const link = `${siteUrl.replace(/\/+$/, "")}/mot-de-passe/nouveau?${new URLSearchParams({ jeton: token })}`;
  await mailer.send({ to: email, ...resetMail(user.name, link) });
}

/** The account a reset link opens, if the link is still valid. */
export async function findResetToken(db: Db, token: string, now = new Date()) {
  if (!token || token.length > 100) return null;
  return db.passwordResetToken.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, userId: true, user: { select: { email: true } } },
  });
}

/**
 * Uses the link: claims it (one statement, so two uses at once cannot both succeed), sets the new
 * password and deletes every session and every other reset link of the account.
 */
export async function resetPassword(
  db: Db,
  token: string,
  password: string,
  now = new Date(),
): Promise<{ ok: true; userId: string } | { ok: false }> {
  const found = await findResetToken(db, token, now);
  if (!found) return { ok: false };
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const claimed = await tx.passwordResetToken.updateMany({
      where: { id: found.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const };
    await tx.password.upsert({ where: { userId: found.userId }, create: { userId: found.userId, hash }, update: { hash } });
    await tx.session.deleteMany({ where: { userId: found.userId } });
    await tx.passwordResetToken.deleteMany({ where: { userId: found.userId, id: { not: found.id } } });
    return { ok: true as const, userId: found.userId };
  });
}
