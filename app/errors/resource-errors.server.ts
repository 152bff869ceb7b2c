/**
 * Resource routes (PDF, CSV, ZIP, JSON, scripts, the quiz and active-time endpoints) answer outside
 * Remix's page rendering, so a Response they throw used to reach the browser as bare text. Wrapped
 * with `withErrorPages`, a refusal becomes a page in the site's layout with a way back — or JSON
 * (`{ error, message }`) for a script that asked for JSON — and keeps its status and French message.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import appStyles from "~/styles/app.css";
import { prefersJson, renderErrorDocument } from "./error-document.ts";
import { errorText } from "./error-messages.ts";

/** A thrown text body is a French message meant for the visitor when it is short plain text. */
async function messageOf(response: Response): Promise<string | undefined> {
  const type = response.headers.get("Content-Type") ?? "text/plain";
  if (!type.startsWith("text/plain")) return undefined;
  const text = (await response.text()).trim();
  return text.length > 0 && text.length < 300 ? text : undefined;
}

async function errorPageFor(request: Request, response: Response): Promise<Response> {
  const status = response.status;
  const message = (await messageOf(response)) ?? errorText(status);
  const headers = new Headers();
  for (const name of ["Retry-After", "Set-Cookie", "Allow"]) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  headers.set("Cache-Control", "no-store");
  if (prefersJson(request.headers.get("Accept"))) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    return new Response(JSON.stringify({ error: status, message }), { status, headers });
  }
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(renderErrorDocument({ status, message, stylesheets: [appStyles] }), { status, headers });
}

type Handler<Args> = (args: Args) => Promise<Response> | Response;

/** Wraps a resource route's loader or action: thrown 4xx/5xx Responses become error pages. */
export function withErrorPages<Args extends LoaderFunctionArgs | ActionFunctionArgs>(
  handler: Handler<Args>,
): (args: Args) => Promise<Response> {
  return async (args) => {
    try {
      return await handler(args);
    } catch (thrown) {
      if (thrown instanceof Response && thrown.status >= 400) return errorPageFor(args.request, thrown);
      throw thrown; // redirects go through; unexpected errors are logged by entry.server's handleError
    }
  };
}
