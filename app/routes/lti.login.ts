/**
 * LTI 1.3, step 1: OpenID Connect third-party initiated login (GET or POST from the platform).
 * Redirects to the platform's authorization endpoint with a state bound to this browser.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { LtiError } from "~/lti/lti-error.ts";
import { asResponse, requestParams } from "~/lti/lti-requests.server.ts";
import { LoginParamsSchema, startLogin } from "~/lti/oidc-login.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

async function login({ request }: { request: Request }) {
  try {
    const parsed = LoginParamsSchema.safeParse(await requestParams(request));
    if (!parsed.success)
      throw new LtiError("Cette demande de connexion LTI est incomplète (iss, login_hint et target_link_uri sont requis).", 400);
    const { location, setCookie } = await startLogin(db, parsed.data, {
      redirectUri: `${publicUrl().replace(/\/+$/, "")}/lti/launch`,
      cookieHeader: request.headers.get("Cookie"),
    });
    return new Response(null, { status: 302, headers: { Location: location, "Set-Cookie": setCookie, "Cache-Control": "no-store" } });
  } catch (error) {
    return asResponse(error);
  }
}

export const loader = withErrorPages((args: LoaderFunctionArgs) => login(args));
export const action = withErrorPages((args: ActionFunctionArgs) => login(args));
