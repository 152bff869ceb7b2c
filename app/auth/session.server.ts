/**
 * The signed-in user of a request: reading, refreshing, starting and ending sessions, and the
 * `require…` guards every protected loader and action calls first.
 */
import { redirect, type AppLoadContext } from "@remix-run/node";
import { db } from "~/db/db.server.ts";
import { env } from "~/utils/env.server.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { createLucia, type AppLucia } from "./lucia.server.ts";
import { isProfile, isRole, type Profile, type Role } from "./profiles.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const lucia = singleton("lucia", () => createLucia(db, { secureCookies: useSecureCookies() }));

/** Secure cookies in production, unless the site is explicitly served over plain http. */
function useSecureCookies(): boolean {
  const { NODE_ENV, PUBLIC_URL } = env();
  return NODE_ENV === "production" && !PUBLIC_URL?.startsWith("http://");
}

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  profile: Profile;
  role: Role;
}

const perRequest = new WeakMap<Request, Promise<CurrentUser | null>>();

/** The signed-in user, or null. Looked up once per request however many loaders ask. */
export function getCurrentUser(request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  let pending = perRequest.get(request);
  if (!pending) {
    pending = readSession(lucia, request, context);
    perRequest.set(request, pending);
  }
  return pending;
}

/** Exported for tests, which pass a Lucia instance on their own database. */
export async function readSession(lucia: AppLucia, request: Request, context: AppLoadContext): Promise<CurrentUser | null> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) {
    context.responseCookies.push(lucia.createBlankSessionCookie().serialize());
    return null;
  }
  if (session.fresh) {
    // Lucia extended the session: the cookie must follow, or it would expire first.
    context.responseCookies.push(lucia.createSessionCookie(session.id).serialize());
  }
  const { email, name, profile, role } = user;
  return {
    id: user.id,
    email,
    name,
    profile: isProfile(profile) ? profile : "OTHER",
    role: isRole(role) ? role : "LEARNER",
  };
}

/** The signed-in user; anyone else is sent to the sign-in page and brought back afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? url.pathname + url.search : url.pathname;
    throw redirect(`/connexion?${new URLSearchParams({ redirectTo: back })}`);
  }
  return user;
}

/** The signed-in user if their role is one of `roles`; a 403 page otherwise. */
export async function requireRole(request: Request, context: AppLoadContext, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(request, context);
  invariantResponse(roles.includes(user.role), "Cette page est réservée à un autre rôle.", { status: 403 });
  return user;
}

/**
 * Starts a session for `userId` and returns its Set-Cookie header. Any session the browser already
 * carried is ended, so a session id is never reused across a sign-in (no session fixation).
 */
export async function startSession(request: Request, userId: string): Promise<string> {
  const previous = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (previous) await lucia.invalidateSession(previous);
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

/** The id of the request's session cookie (to keep this session when ending the others). */
export function currentSessionId(request: Request): string | null {
  return lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
}

/** Ends the request's session (if any) and returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}
