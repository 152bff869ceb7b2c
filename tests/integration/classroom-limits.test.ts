/**
 * A classroom behind one address (a school's NAT): 40 learners sign up and sign in within the hour,
 * with the production limits; guessing from that address stays bounded. Both databases.
 */
import { expect, test } from "vitest";
import { createAccount } from "~/auth/accounts.server.ts";
import { AUTH_LIMITS, signUpAllowed } from "~/auth/auth-rate-limits.server.ts";
import { attemptSignIn } from "~/auth/sign-in-attempts.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

let counter = 0;

describeEachDatabase("classroom behind one address", (get) => {
  test("40 learners sign up and sign in from one address; failures from it are still limited", { timeout: 120_000 }, async () => {
    const { db } = get();
    const school = `198.51.100.${++counter}`;
    const learners: string[] = [];
    for (let i = 0; i < 40; i += 1) {
      expect((await signUpAllowed(db, school)).allowed, `inscription ${i + 1}`).toBe(true);
      const email = `classe.${counter}.${i}.${Date.now()}@exemple.fr`;
      const created = await createAccount(db, { name: `Élève ${i}`, email, profile: "STUDENT", password: "mot de passe solide" });
      if (created.ok) learners.push(email);
    }
    // Everyone signs in at the start of the class, some after a typo.
    for (const [i, email] of learners.entries()) {
      if (i % 4 === 0)
        expect(await attemptSignIn(db, { clientIp: school, email, password: "faute de frappe" })).toEqual({ outcome: "refuse" });
      expect(await attemptSignIn(db, { clientIp: school, email, password: "mot de passe solide" }), email).toMatchObject({ outcome: "ok" });
    }
    // Guessing passwords across the class from that address stops at the address's limit of failures.
    const limit = AUTH_LIMITS.signInPerAddress.limit;
    const outcomes: string[] = [];
    for (let i = 0; i < limit; i += 1)
      outcomes.push((await attemptSignIn(db, { clientIp: school, email: learners[i % learners.length]!, password: `essai ${i}` })).outcome);
    expect(outcomes).toContain("limite");
    expect(outcomes.filter((outcome) => outcome === "refuse").length).toBeLessThanOrEqual(limit - 10);
  });
});
