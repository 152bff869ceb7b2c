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

type CreateAccountResult = { ok: true; userId: string } | { ok: false; reason: "email-taken" };

export async function createAccount(db: Db, account: NewAccount): Promise<CreateAccountResult> {
  const taken = await db.user.findUnique({ where: { email: account.email }, select: { id: true } });
  if (taken) return { ok: false, reason: "email-taken" };
  const { password, ...rest } = account;
  return insertAccount(db, { ...rest, passwordHash: await hashPassword(password) });
}

/**
 * Creates the account with a password already hashed (a sign-up confirmed by e-mail hashed it when
 * it was requested). The role follows the profile: only the command line names administrators.
 */
export async function insertAccount(
  db: Db,
  account: Omit<NewAccount, "password"> & { passwordHash: string },
): Promise<CreateAccountResult> {
  try {
    // One statement creates the user and the password together: never a user without a password.
    const user = await db.user.create({
      data: {
        email: account.email,
        name: account.name,
        profile: account.profile,
        role: roleForNewAccount(account.profile),
        password: { create: { hash: account.passwordHash } },
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

/** Whether `password` is the account's (asked again before changes that matter for security). */
export async function accountPasswordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const row = await db.password.findUnique({ where: { userId }, select: { hash: true } });
  if (!row) {
    await verifyAgainstDecoy(password);
    return false;
  }
  return verifyPassword(row.hash, password);
}

/** The user id when the credentials are right, null otherwise (same time either way). */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<string | null> {
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
