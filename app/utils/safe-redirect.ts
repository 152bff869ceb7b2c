/**
 * The one judge of redirect targets that come from user input (`redirectTo`, `retour`…): a target is
 * kept only when it is a path on this site, as a browser would read it.
 *
 * Browsers forgive a lot in a Location header: they drop tabs and line breaks anywhere, trim spaces
 * and control characters at the ends, and read a backslash as a slash. So `/\t/evil.example` and
 * `/\evil.example` both lead to `//evil.example`, another site. Rather than imitate each rule, refuse
 * any target that contains such characters, raw or percent-encoded, and anything that does not start
 * with exactly one slash.
 * @example safeLocalPath("/parcours/decouvrir?etape=2") // "/parcours/decouvrir?etape=2"
 * @example safeLocalPath("/%09/evil.example") // null
 * @example safeLocalPath("//evil.example") // null
 */
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE = /[\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200F\u2028-\u202F\u205F\u2060\u3000\uFEFF\\]/;
const MAX_LENGTH = 2048;

export function safeLocalPath(to: unknown): string | null {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return null;
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE.test(to)) return null;
  // Only the path can turn into an address of another site once decoded; the query may hold encoded
  // spaces and the like (`?q=a%20b`).
  let decoded: string;
  try {
    decoded = decodeURIComponent(to.split(/[?#]/, 1)[0]!);
  } catch {
    return null; // a malformed escape: nothing a page of ours would produce
  }
  if (decoded.startsWith("//") || UNSAFE.test(decoded)) return null;
  const base = "http://ce-site.invalid";
  const url = new URL(to, base);
  if (url.origin !== base) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * A redirect target taken from user input, or `fallback` when it is not a safe local path.
 * @example safeRedirect("/parcours/decouvrir") // "/parcours/decouvrir"
 * @example safeRedirect("//evil.example") // "/tableau-de-bord"
 */
export function safeRedirect(to: unknown, fallback = "/tableau-de-bord"): string {
  return safeLocalPath(to) ?? fallback;
}
