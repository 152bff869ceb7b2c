import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { pruneExpiredNowAndThen } from "~/auth/housekeeping.server.ts";
import { prefersJson } from "~/errors/error-document.ts";
import { errorText } from "~/errors/error-messages.ts";
import { NonceContext } from "~/utils/nonce.tsx";
import { markPrivateResponse } from "~/auth/private-cache.server.ts";

const ABORT_DELAY = 5_000;

function addResponseCookies(headers: Headers, context: AppLoadContext | undefined) {
  for (const cookie of context?.responseCookies ?? []) headers.append("Set-Cookie", cookie);
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context, request }) => {
  pruneExpiredNowAndThen();
  addResponseCookies(response.headers, context);
  markPrivateResponse(request, response.headers);
  return response;
};

export function handleError(error: unknown, { request }: { request: Request }) {
  // Aborted requests (the visitor navigated away) are not errors worth a log line.
  if (request.signal.aborted) return;
  console.error(error);
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Expired counters, sessions and links are deleted in the background, now and then.
  pruneExpiredNowAndThen();
  addResponseCookies(responseHeaders, loadContext);
  markPrivateResponse(request, responseHeaders);
  // A script that asked for JSON gets the error as JSON, not the error page (every page refusal in
  // French either way).
  const errors = Object.values(remixContext.staticHandlerContext.errors ?? {});
  if (errors.length > 0 && prefersJson(request.headers.get("Accept"))) {
    const error = errors[0];
    const message =
      isRouteErrorResponse(error) && typeof error.data === "string" && error.data.length < 300 ? error.data : errorText(responseStatusCode);
    responseHeaders.set("Content-Type", "application/json; charset=utf-8");
    return new Response(JSON.stringify({ error: responseStatusCode, message }), { status: responseStatusCode, headers: responseHeaders });
  }
  // Crawlers get the whole page at once; browsers get it as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const nonce = loadContext?.cspNonce || undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell is ready reject above; later ones are logged once here.
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}
