/**
 * Who may see /admin/organisation: administrators only. Anyone else, signed in or not, gets the
 * same 404 as an address that does not exist: the page does not tell them it is there.
 */
import type { AppLoadContext } from "@remix-run/node";
import { getCurrentUser, type CurrentUser } from "~/auth/session.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export async function requireAdminOrNotFound(request: Request, context: AppLoadContext): Promise<CurrentUser> {
  const user = await getCurrentUser(request, context);
  invariantResponse(user?.role === "ADMIN", "Cette page n'existe pas.", { status: 404 });
  return user;
}
