/** Creating accounts and checking credentials. Pure domain logic over an explicit database. */
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { hashPassword, verifyAgainstDecoy, verifyPassword } from "./password.server.ts";
import { roleForNewAccount, type Profile } from "./profiles.ts";

export interface NewAccount {
  name: string;
  /** Already trimmed and lower-cased by SignupSchema. */
  email: string;
  profile: Profile;
  password: string;
}

export type CreateAccountResult = { ok: true; userId: string } | { ok: false; reason: "email-taken" };

export async function createAccount(db: Db, account: NewAccount): Promise<CreateAccountResult> {
  const taken = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (taken) return { ok: false, reason: "email-taken" };
  const hash = await hashPassword(account.password);
  try {
    // One statement creates the user and the password together: never a user without a password.
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        profile: account.profile,
        role: roleForNewAccount(account.profile),
        password: { create: { hash } },
      },
      select: { id: true },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    // Two sign-ups with the same address at the same moment: the unique index decides.
    if (isUniqueConstraintError(error)) return { ok: false, reason: "email-taken" };
    throw error;
  }
}

/** The user id when the credentials are right, null otherwise (same time either way). */
export async function verifyCredentials(
  db: Db,
  email: string,
  password: string,
): Promise<string | null> {
  const user = await db.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, password: { select: { hash: true } } },
  });
  if (!user?.password) {
    await verifyAgainstDecoy(password);
    return null;
  }
  return (await verifyPassword(user.password.hash, password)) ? user.id : null;
}
