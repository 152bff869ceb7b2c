import { expect, test } from "vitest";
import { createAccount } from "~/auth/accounts.server.ts";
import { PrismaLuciaAdapter } from "~/auth/lucia-adapter.server.ts";
import { createLucia } from "~/auth/lucia.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

describeEachDatabase("Lucia adapter", (get) => {
  async function newUser(email: string) {
    const result = await createAccount(get().db, { name: "Nina Test", email, profile: "STUDENT", password: "mot de passe solide" });
    if (!result.ok) throw new Error("création impossible");
    return result.userId;
  }

  test("stores a session and returns it with its user's attributes", async () => {
    const adapter = new PrismaLuciaAdapter(get().db);
    const userId = await newUser("nina@exemple.fr");
    const expiresAt = new Date(Date.now() + 3_600_000);
    await adapter.setSession({ id: "session-1", userId, expiresAt, attributes: {} });
    const [session, user] = await adapter.getSessionAndUser("session-1");
    expect(session).toEqual({ id: "session-1", userId, expiresAt, attributes: {} });
    expect(user).toEqual({
      id: userId,
      attributes: { email: "nina@exemple.fr", name: "Nina Test", profile: "STUDENT", role: "LEARNER" },
    });
    expect(await adapter.getSessionAndUser("inconnue")).toEqual([null, null]);
  });

  test("updates expiry, lists, deletes one, all of a user's, and the expired ones", async () => {
    const adapter = new PrismaLuciaAdapter(get().db);
    const userId = await newUser("multi@exemple.fr");
    const later = new Date(Date.now() + 3_600_000);
    const past = new Date(Date.now() - 1000);
    await adapter.setSession({ id: "a", userId, expiresAt: later, attributes: {} });
    await adapter.setSession({ id: "b", userId, expiresAt: later, attributes: {} });
    await adapter.setSession({ id: "old", userId, expiresAt: past, attributes: {} });

    const extended = new Date(Date.now() + 7_200_000);
    await adapter.updateSessionExpiration("a", extended);
    expect((await adapter.getSessionAndUser("a"))[0]?.expiresAt).toEqual(extended);
    expect((await adapter.getUserSessions(userId)).map((s) => s.id).sort()).toEqual(["a", "b", "old"]);

    await adapter.deleteExpiredSessions();
    expect((await adapter.getUserSessions(userId)).map((s) => s.id).sort()).toEqual(["a", "b"]);
    await adapter.deleteSession("a");
    expect((await adapter.getUserSessions(userId)).map((s) => s.id)).toEqual(["b"]);
    await adapter.deleteUserSessions(userId);
    expect(await adapter.getUserSessions(userId)).toEqual([]);
  });

  test("through Lucia: a new session validates, an invalidated one does not, the cookie is HttpOnly and Lax", async () => {
    const lucia = createLucia(get().db, { secureCookies: true });
    const userId = await newUser("lucia@exemple.fr");
    const session = await lucia.createSession(userId, {});
    const validated = await lucia.validateSession(session.id);
    expect(validated.user).toMatchObject({ id: userId, email: "lucia@exemple.fr", role: "LEARNER" });
    const cookie = lucia.createSessionCookie(session.id).serialize();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Secure/);
    await lucia.invalidateSession(session.id);
    expect((await lucia.validateSession(session.id)).session).toBeNull();
  });

  test("an expired session is refused and removed", async () => {
    const { db } = get();
    const lucia = createLucia(db, { secureCookies: false });
    const userId = await newUser("expire@exemple.fr");
    await new PrismaLuciaAdapter(db).setSession({ id: "expired", userId, expiresAt: new Date(Date.now() - 1000), attributes: {} });
    expect(await lucia.validateSession("expired")).toEqual({ session: null, user: null });
    expect(await db.session.count({ where: { id: "expired" } })).toBe(0);
  });

  test("deleting a user deletes their sessions and password", async () => {
    const { db } = get();
    const userId = await newUser("supprime@exemple.fr");
    await new PrismaLuciaAdapter(db).setSession({ id: "s-del", userId, expiresAt: new Date(Date.now() + 60_000), attributes: {} });
    await db.user.delete({ where: { id: userId } });
    expect(await db.session.count({ where: { userId } })).toBe(0);
    expect(await db.password.count({ where: { userId } })).toBe(0);
  });
});
