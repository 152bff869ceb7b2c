/**
 * People for integration tests: one way to create an account, instead of a copy per test file.
 * Each account gets an e-mail no other test uses (counter and clock), on whichever database.
 *
 * @example
 * const userId = await createLearner(db);
 * const { userId, email } = await createTestAccount(db, { profile: "TRAINER", password: "autre mot de passe" });
 */
import { createAccount } from "~/auth/accounts.server.ts";
import type { Profile } from "~/auth/profiles.ts";
import type { Db } from "~/db/create-db.server.ts";

export const TEST_PASSWORD = "mot de passe solide";

export interface TestAccountOptions {
  name?: string;
  profile?: Profile;
  password?: string;
  /** The start of the e-mail address, to tell a test's people apart in a failure. */
  emailPrefix?: string;
}

let counter = 0;

export async function createTestAccount(db: Db, options: TestAccountOptions = {}): Promise<{ userId: string; email: string }> {
  const { name = "Apprenant·e Test", profile = "STUDENT", password = TEST_PASSWORD, emailPrefix = "test" } = options;
  counter += 1;
  const email = `${emailPrefix}.${counter}.${Date.now()}@exemple.fr`;
  const created = await createAccount(db, { name, email, profile, password });
  if (!created.ok) throw new Error(`création impossible (${created.reason})`);
  return { userId: created.userId, email };
}

/** A learner's user id: the account most tests need. */
export async function createLearner(db: Db, options: TestAccountOptions = {}): Promise<string> {
  return (await createTestAccount(db, options)).userId;
}
