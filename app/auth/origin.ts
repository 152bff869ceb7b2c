/**
 * Cross-site request forgery guard: a request that can change something must come from one of our
 * own pages. Browsers send `Origin` on every POST, including plain HTML form submissions.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

interface OriginCheckInput {
  method: string;
  /** The Origin header, or null when absent. */
  origin: string | null;
  /** The Host header the server received. */
  host: string | null;
  /** Extra origins allowed, e.g. PUBLIC_URL when a proxy rewrites Host. */
  allowedOrigins?: string[];
}

/**
 * @example isAllowedRequest({ method: "POST", origin: "http://localhost:3000", host: "localhost:3000" }) // true
 * @example isAllowedRequest({ method: "POST", origin: "https://evil.example", host: "localhost:3000" }) // false
 * @example isAllowedRequest({ method: "POST", origin: null, host: "localhost:3000" }) // false
 */
export function isAllowedRequest({ method, origin, host, allowedOrigins = [] }: OriginCheckInput): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return true;
  if (!origin || origin === "null") return false;
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false;
  }
  if (host && originUrl.host === host.toLowerCase()) return true;
  return allowedOrigins.some((allowed) => {
    try {
      return new URL(allowed).origin === originUrl.origin;
    } catch {
      return false;
    }
  });
}
