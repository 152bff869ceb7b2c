/**
 * Sign-up confirmed by e-mail, on both databases: the answer to /inscription is the same whether or
 * not the address has an account (nobody learns who is registered), the account is created only
 * from the link sent to the address, with the password chosen at sign-up, once, within 24 hours.
 */
import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { createAccount, verifyCredentials } from "~/auth/accounts.server.ts";
import { handleSignUp } from "~/auth/sign-up-action.server.ts";
import { CHECK_INBOX_PATH, confirmSignUp, findPendingSignUp, requestSignUp, SIGNUP_LIFETIME_MS } from "~/auth/sign-up.server.ts";
import type { Mail } from "~/utils/mailer.server.ts";
import { capturingMailer } from "../helpers/capturing-mailer.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const linkOf = (mail: Mail) => new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
const tokenOf = (mail: Mail) => linkOf(mail).searchParams.get("jeton")!;

let counter = 0;
const newEmail = (prefix = "inscription") => `${prefix}.${++counter}.${Date.now()}@exemple.fr`;

function signUpRequest(fields: Record<string, string>) {
  return new Request("http://localhost:3000/inscription", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://localhost:3000" },
    body: new URLSearchParams(fields),
  });
}

async function everything(response: Response) {
  return { status: response.status, headers: [...response.headers.entries()], body: await response.text() };
}

const chosen = { name: "Camille Nouvelle", profile: "TRAINER" as const, password: "une phrase de passe solide" };

describeEachDatabase("sign-up confirmed by e-mail", (get) => {
  test("a new and a taken address get the very same answer, and one e-mail each", async () => {
    const { db } = get();
    const taken = newEmail("deja");
    const owner = await createAccount(db, {
      name: "Titulaire Existant",
      email: taken,
      profile: "ELECTED_OFFICIAL",
      password: "mot de passe du titulaire",
    });
    if (!owner.ok) throw new Error("création impossible");
    const fresh = newEmail();
    const mailer = capturingMailer();
    const post = (email: string) =>
      handleSignUp(
        signUpRequest({ name: "Autre Personne", email, profile: "STUDENT", password: "une autre phrase de passe", redirectTo: "" }),
        { db, mailer, clientIp: "198.51.100.40" },
      );

    const forNew = await everything(await post(fresh));
    const forTaken = await everything(await post(taken));
    expect(forNew.status).toBe(303);
    expect(forNew.headers).toContainEqual(["location", CHECK_INBOX_PATH]);
    expect(forNew.headers.map(([name]) => name)).not.toContain("set-cookie");
    expect(forTaken).toEqual(forNew);

    expect(mailer.sent.map((mail) => mail.to)).toEqual([fresh, taken]);
    expect(mailer.sent[0]!.text).toContain("/inscription/confirmer?jeton=");
    expect(mailer.sent[1]!.text).toContain("Quelqu'un a demandé à créer un compte avec cette adresse");
    expect(mailer.sent[1]!.text).toContain("http://localhost:3000/connexion");
    expect(mailer.sent[1]!.text).toContain("http://localhost:3000/mot-de-passe-oublie");
    expect(mailer.sent[1]!.text).not.toContain("jeton");
    // Nothing changes for the owner, and no account exists yet for the new address.
    expect(await verifyCredentials(db, taken, "mot de passe du titulaire")).toBe(owner.userId);
    expect(await db.user.findUniqueOrThrow({ where: { email: taken } })).toMatchObject({
      name: "Titulaire Existant",
      profile: "ELECTED_OFFICIAL",
    });
    expect(await db.user.count({ where: { email: fresh } })).toBe(0);
    // The same database work for both; the taken address's row can never be confirmed (no link sent).
    expect(await db.pendingSignup.count({ where: { email: taken } })).toBe(1);
    expect(await db.pendingSignup.count({ where: { email: fresh } })).toBe(1);
  });

  test("the redirect keeps where the sign-up started; a refused form says why, in French, and writes nothing", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const email = newEmail();
    const response = await handleSignUp(signUpRequest({ ...chosen, email, redirectTo: "/rejoindre/K7QM-3XRT" }), {
      db,
      mailer,
      clientIp: "198.51.100.41",
    });
    expect(response.headers.get("Location")).toBe(`${CHECK_INBOX_PATH}?redirectTo=%2Frejoindre%2FK7QM-3XRT`);
    expect(await db.pendingSignup.findUniqueOrThrow({ where: { email } })).toMatchObject({ redirectTo: "/rejoindre/K7QM-3XRT" });
    const outside = newEmail();
    await handleSignUp(signUpRequest({ ...chosen, email: outside, redirectTo: "//evil.example" }), {
      db,
      mailer,
      clientIp: "198.51.100.41",
    });
    expect(await db.pendingSignup.findUniqueOrThrow({ where: { email: outside } })).toMatchObject({ redirectTo: null });

    const before = await db.pendingSignup.count();
    const refused = await handleSignUp(signUpRequest({ name: "C", email: "pas-une-adresse", profile: "PIRATE", password: "court" }), {
      db,
      mailer,
      clientIp: "198.51.100.41",
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain("Le mot de passe doit compter au moins 10 caractères.");
    expect(await db.pendingSignup.count()).toBe(before);
    expect(mailer.sent).toHaveLength(2);
  });

  test("the link creates the account once, with the password chosen at sign-up and the profile's role", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const email = newEmail();
    await requestSignUp(db, mailer, { ...chosen, email }, "https://exemple.fr/");
    expect(mailer.sent).toHaveLength(1);
    const link = linkOf(mailer.sent[0]!);
    expect(`${link.origin}${link.pathname}`).toBe("https://exemple.fr/inscription/confirmer");
    const token = tokenOf(mailer.sent[0]!);
    const stored = await db.pendingSignup.findUniqueOrThrow({ where: { email } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(chosen.password);
    expect(await findPendingSignUp(db, token)).toEqual({ email, name: chosen.name });

    // Whoever did not choose the password cannot confirm (an address registered by someone else).
    expect(await confirmSignUp(db, token, "pas le bon mot de passe")).toEqual({ ok: false, reason: "mot-de-passe" });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const [first, second] = await Promise.all([confirmSignUp(db, token, chosen.password), confirmSignUp(db, token, chosen.password)]);
    const results = [first, second];
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([{ ok: false, reason: "lien" }]);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ name: chosen.name, profile: "TRAINER", role: "TRAINER" });
    expect(results.find((result) => result.ok)).toEqual({ ok: true, userId: user.id, redirectTo: null });
    expect(await verifyCredentials(db, email, chosen.password)).toBe(user.id);
    expect(await db.pendingSignup.count({ where: { email } })).toBe(0);
    expect(await confirmSignUp(db, token, chosen.password)).toEqual({ ok: false, reason: "lien" });
    expect(await findPendingSignUp(db, token)).toBeNull();
  });

  test("a link expires after 24 hours; a newer request replaces the older link; expired requests are erased", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const email = newEmail();
    const past = new Date(Date.now() - SIGNUP_LIFETIME_MS - 1000);
    await requestSignUp(db, mailer, { ...chosen, email }, "https://exemple.fr", past);
    const expired = tokenOf(mailer.sent[0]!);
    expect(await findPendingSignUp(db, expired)).toBeNull();
    expect(await confirmSignUp(db, expired, chosen.password)).toEqual({ ok: false, reason: "lien" });
    expect(await db.user.count({ where: { email } })).toBe(0);

    const other = newEmail();
    await requestSignUp(db, mailer, { ...chosen, email: other }, "https://exemple.fr");
    // The expired request of the first address is gone (it held a name and a password hash).
    expect(await db.pendingSignup.count({ where: { email } })).toBe(0);

    await requestSignUp(db, mailer, { ...chosen, email: other, name: "Deuxième Essai" }, "https://exemple.fr");
    const [older, newer] = mailer.sent.slice(-2).map(tokenOf);
    expect(await db.pendingSignup.count({ where: { email: other } })).toBe(1);
    expect(await confirmSignUp(db, older!, chosen.password)).toEqual({ ok: false, reason: "lien" });
    expect(await confirmSignUp(db, newer!, chosen.password)).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { email: other } })).name).toBe("Deuxième Essai");
  });

  test("an address taken between the request and the link: a clear refusal, nothing created", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const email = newEmail();
    await requestSignUp(db, mailer, { ...chosen, email }, "https://exemple.fr");
    await createAccount(db, { name: "Plus Rapide", email, profile: "OTHER", password: "mot de passe solide" });
    expect(await confirmSignUp(db, tokenOf(mailer.sent[0]!), chosen.password)).toEqual({ ok: false, reason: "adresse-prise" });
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ name: "Plus Rapide" });
    expect(await db.pendingSignup.count({ where: { email } })).toBe(0);
  });

  test("at most 3 e-mails an hour to one address, whether or not it has an account; the answer does not change", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const fresh = newEmail();
    const taken = newEmail("deja");
    await createAccount(db, { name: "Titulaire", email: taken, profile: "ELECTED_OFFICIAL", password: "mot de passe solide" });
    for (let i = 0; i < 5; i += 1) {
      await requestSignUp(db, mailer, { ...chosen, email: fresh }, "https://exemple.fr");
      await requestSignUp(db, mailer, { ...chosen, email: taken }, "https://exemple.fr");
    }
    expect(mailer.sent.filter((mail) => mail.to === fresh)).toHaveLength(3);
    expect(mailer.sent.filter((mail) => mail.to === taken)).toHaveLength(3);
    // The last link sent still works (a request beyond the limit does not replace it).
    expect(await confirmSignUp(db, tokenOf(mailer.sent.filter((mail) => mail.to === fresh).at(-1)!), chosen.password)).toMatchObject({
      ok: true,
    });
  });
});
