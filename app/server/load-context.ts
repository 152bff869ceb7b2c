/**
 * What the HTTP server gives every loader and action. `responseCookies` lets code deep in a loader
 * (e.g. a session refresh) add a Set-Cookie to whatever response Remix ends up sending: entry.server
 * copies them onto document and data responses alike.
 */
import type { AppLoadContext } from "@remix-run/node";

interface RequestContext {
  responseCookies: string[];
  /** The visitor's address as Express sees it (after TRUST_PROXY), for per-address rate limits. */
  clientIp: string;
  /** This response's Content-Security-Policy nonce: the page's inline scripts must carry it. */
  cspNonce: string;
}

declare module "@remix-run/node" {
  // Declaration merging: Remix's context type becomes ours (an interface, so that it merges).
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

export function createRequestContext(clientIp = "inconnue", cspNonce = ""): AppLoadContext {
  return { responseCookies: [], clientIp, cspNonce };
}
