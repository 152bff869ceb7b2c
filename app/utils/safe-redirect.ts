/**
 * A redirect target taken from user input is kept only when it is a path on this site.
 * @example safeRedirect("/parcours/decouvrir") // "/parcours/decouvrir"
 * @example safeRedirect("//evil.example") // "/tableau-de-bord"
 */
export function safeRedirect(to: unknown, fallback = "/tableau-de-bord"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.includes("\\")) {
    return fallback;
  }
  return to;
}
