import type { HeadersFunction } from "@remix-run/node";

/**
 * For routes whose action answers with headers a browser must see on the document (Retry-After on
 * a 429): Remix applies a route's loader and action headers to document responses only through its
 * `headers` export.
 */
export const actionHeaders: HeadersFunction = ({ actionHeaders: fromAction, loaderHeaders }) => {
  const headers = new Headers(loaderHeaders);
  const retry = fromAction.get("Retry-After");
  if (retry) headers.set("Retry-After", retry);
  return headers;
};
