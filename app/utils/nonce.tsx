/**
 * The Content-Security-Policy nonce of the page being rendered, for the inline scripts Remix writes
 * (<Scripts>, <ScrollRestoration>). Provided by entry.server; in the browser it is empty, which is
 * fine: those scripts have already run, and browsers hide nonces from the DOM anyway.
 */
import { createContext, useContext } from "react";

export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
