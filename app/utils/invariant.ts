/**
 * Guards that read as one line (epic-stack's `invariantResponse`): when the condition fails, the
 * request stops with a Response whose plain-text body is the French message. The root error
 * boundary shows it in the site's layout; `withErrorPages` turns it into a page or JSON for
 * resource routes. Client-safe: nothing here touches the server.
 *
 * @example invariantResponse(quiz, "Ce quiz n'existe pas.") // 404 unless told otherwise
 * @example invariantResponse(intent.success, "Cette action n'existe pas.", { status: 400 })
 */
export function invariantResponse(condition: unknown, message: string | (() => string), init?: ResponseInit): asserts condition {
  if (condition) return;
  const headers = new Headers(init?.headers);
  // A plain-text body is what the error pages read as the message meant for the visitor.
  if (!headers.has("Content-Type")) headers.set("Content-Type", "text/plain; charset=utf-8");
  throw new Response(typeof message === "function" ? message() : message, { status: 404, ...init, headers });
}
