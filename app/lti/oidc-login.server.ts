/**
 * Step 1 of an LTI 1.3 launch, OpenID Connect third-party initiated login (IMS Security Framework
 * §5.1.1): the platform sends the browser to /lti/login with its issuer and a login hint; the tool
 * answers with a redirect to the platform's authorization endpoint, carrying a `state` and a `nonce`
 * it remembers (LtiLoginState) and a cookie that binds the state to this browser.
 */
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "~/db/create-db.server.ts";
import { LtiError } from "./lti-error.ts";

/** A login must come back within this time (the platform answers at once; 10 minutes is generous). */
export const LOGIN_TTL_MS = 10 * 60 * 1000;
export const BROWSER_COOKIE = "lti-navigateur";

export const LoginParamsSchema = z.object({
  iss: z.string().min(1).max(500),
  login_hint: z.string().min(1).max(2000),
  target_link_uri: z.string().min(1).max(2000),
  lti_message_hint: z.string().max(4000).optional(),
  client_id: z.string().max(255).optional(),
  lti_deployment_id: z.string().max(255).optional(),
});
export type LoginParams = z.infer<typeof LoginParamsSchema>;

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** The browser's binding value, from its cookie (reused, so two activities opened at once both work). */
export function browserValueOf(cookieHeader: string | null): string | null {
  const match = new RegExp(`(?:^|;\\s*)${BROWSER_COOKIE}=([A-Za-z0-9_-]{43})(?:;|$)`).exec(cookieHeader ?? "");
  return match ? match[1]! : null;
}

/**
 * SameSite=None: the launch comes back as a cross-site POST from the platform's page, and the cookie
 * must travel with it; Secure is required with None (browsers accept it on http://localhost).
 */
export function browserCookie(value: string): string {
  return `${BROWSER_COOKIE}=${value}; Path=/lti; HttpOnly; Secure; SameSite=None; Max-Age=86400`;
}

export async function startLogin(
  db: Db,
  params: LoginParams,
  options: { redirectUri: string; cookieHeader: string | null; now?: Date },
): Promise<{ location: string; setCookie: string }> {
  const platforms = await db.ltiPlatform.findMany({
    where: { issuer: params.iss, ...(params.client_id ? { clientId: params.client_id } : {}) },
    select: { id: true, clientId: true, authLoginUrl: true },
  });
  if (platforms.length === 0) throw new LtiError("Cette plateforme n'est pas enregistrée auprès de l'outil.", 404);
  // One issuer may have registered the tool twice (two client ids): it must then say which.
  if (platforms.length > 1) throw new LtiError("Plusieurs enregistrements pour cette plateforme\u00A0: le client_id est nécessaire.", 400);
  const platform = platforms[0]!;
  const now = options.now ?? new Date();
  const browser = browserValueOf(options.cookieHeader) ?? randomBytes(32).toString("base64url");
  const state = randomBytes(32).toString("base64url");
  const nonce = randomBytes(32).toString("base64url");
  await db.ltiLoginState.create({
    data: { state, nonce, platformId: platform.id, browserHash: sha256(browser), expiresAt: new Date(now.getTime() + LOGIN_TTL_MS) },
  });
  const location = new URL(platform.authLoginUrl);
  const query = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: options.redirectUri,
    login_hint: params.login_hint,
    state,
    nonce,
    ...(params.lti_message_hint ? { lti_message_hint: params.lti_message_hint } : {}),
  };
  for (const [key, value] of Object.entries(query)) location.searchParams.set(key, value);
  return { location: location.toString(), setCookie: browserCookie(browser) };
}
