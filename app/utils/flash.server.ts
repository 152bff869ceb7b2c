/**
 * A message shown once, after a redirect (« Cohorte créée », « il reste des parties à compléter »):
 * a short-lived cookie read and cleared by the next page, so that a reload or a bookmarked address
 * never shows it again. Codes only, never text from the request: the page maps them to its messages.
 */
import { createCookie } from "@remix-run/node";

const flashCookie = createCookie("aafa_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 120 });

export function setFlash(code: string): Promise<string> {
  return flashCookie.serialize(code);
}

/** The code left by the previous answer, and the Set-Cookie that clears it (send it with the page). */
export async function takeFlash(request: Request): Promise<{ code: string | null; clear: string | null }> {
  const value = (await flashCookie.parse(request.headers.get("Cookie"))) as unknown;
  if (typeof value !== "string" || value === "") return { code: null, clear: null };
  return { code: value, clear: await flashCookie.serialize("", { maxAge: 0 }) };
}
