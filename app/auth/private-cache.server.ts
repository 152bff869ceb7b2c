/**
 * A page rendered for a signed-in person (their dashboard, their account, a trainer's cohort) must
 * not stay in a shared cache or in the browser's history cache for the next user of a shared
 * computer. Every document and data response to a request that carries a session cookie, or that
 * sets a cookie, is marked `private, no-store` unless its route chose a Cache-Control itself.
 */
import { SESSION_COOKIE_NAME } from "./lucia.server.ts";

const PRIVATE_NO_STORE = "private, no-store";

function carriesSession(request: Request): boolean {
  const cookie = request.headers.get("Cookie") ?? "";
  return cookie.split(";").some((part) => part.trim().startsWith(`${SESSION_COOKIE_NAME}=`));
}

export function markPrivateResponse(request: Request, headers: Headers): void {
  if (headers.has("Cache-Control")) return;
  if (carriesSession(request) || headers.has("Set-Cookie")) headers.set("Cache-Control", PRIVATE_NO_STORE);
}
