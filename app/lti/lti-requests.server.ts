/** The LTI routes' plumbing: reading their parameters (GET or form POST), and turning a refusal into a page. */
import { LtiError } from "./lti-error.ts";

/** Query parameters and, for a POST, the form's fields (a platform may use either for the login). */
export async function requestParams(request: Request): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) params[key] = value;
  if (request.method === "POST") {
    const form = await request.formData().catch(() => null);
    if (!form) throw new LtiError("Cette requête de lancement ne se lit pas.", 400);
    for (const [key, value] of form) if (typeof value === "string") params[key] = value;
  }
  return params;
}

/** An LtiError as the Response `withErrorPages` shows in the site's layout, with its French message. */
export function asResponse(error: unknown): never {
  if (error instanceof LtiError) {
    throw new Response(error.message, { status: error.status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  throw error;
}
