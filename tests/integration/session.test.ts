import { expect, test } from "vitest";
import { createAccount } from "~/auth/accounts.server.ts";
import { createLucia, SESSION_COOKIE_NAME } from "~/auth/lucia.server.ts";
import { readSession } from "~/auth/session.server.ts";
import { createRequestContext } from "~/server/load-context.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const DAY = 24 * 3_600_000;

describeEachDatabase("reading the session of a request", (get) => {
  async function userWithSession(email: string, expiresInDays: number) {
    const { db } = get();
    const created = await createAccount(db, { name: "Inès Roux", email, profile: "CIVIL_SERVANT", password: "mot de passe solide" });
    if (!created.ok) throw new Error("création impossible");
    const id = `session-${email.replace(/\W/g, "-")}`;
    await db.session.create({ data: { id, userId: created.userId, expiresAt: new Date(Date.now() + expiresInDays * DAY) } });
    return { id, userId: created.userId };
  }

  function requestWithCookie(sessionId: string) {
    return new Request("http://localhost/tableau-de-bord", { headers: { Cookie: `${SESSION_COOKIE_NAME}=${sessionId}` } });
  }

  test("a valid session gives the user and sets no cookie", async () => {
    const lucia = createLucia(get().db, { secureCookies: false });
    const { id, userId } = await userWithSession("valide@exemple.fr", 29);
    const context = createRequestContext();
    const user = await readSession(lucia, requestWithCookie(id), context);
    expect(user).toEqual({ id: userId, email: "valide@exemple.fr", name: "Inès Roux", profile: "CIVIL_SERVANT", role: "LEARNER" });
    expect(context.responseCookies).toEqual([]);
  });

  test("a session in the second half of its life is extended, and the cookie with it", async () => {
    const { db } = get();
    const lucia = createLucia(db, { secureCookies: false });
    const { id } = await userWithSession("prolonge@exemple.fr", 10);
    const context = createRequestContext();
    expect(await readSession(lucia, requestWithCookie(id), context)).not.toBeNull();
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(context.responseCookies).toHaveLength(1);
    expect(context.responseCookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=${id};.*Max-Age=2592000`));
  });

  test("an unknown session id gives no user and clears the cookie", async () => {
    const lucia = createLucia(get().db, { secureCookies: false });
    const context = createRequestContext();
    expect(await readSession(lucia, requestWithCookie("forgee"), context)).toBeNull();
    expect(context.responseCookies).toHaveLength(1);
    expect(context.responseCookies[0]).toMatch(new RegExp(`^${SESSION_COOKIE_NAME}=;.*Max-Age=0`));
  });

  test("no cookie at all: anonymous, nothing set", async () => {
    const lucia = createLucia(get().db, { secureCookies: false });
    const context = createRequestContext();
    expect(await readSession(lucia, new Request("http://localhost/"), context)).toBeNull();
    expect(context.responseCookies).toEqual([]);
  });
});
