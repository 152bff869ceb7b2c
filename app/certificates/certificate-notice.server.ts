/**
 * « Votre certificat est délivré » at the moment it is: the action that completed the path (a
 * lesson, the final assessment, a simulation, the project) leaves the new certificates' ids in a
 * short-lived cookie; the next page (or the revalidation that follows a client-side step) reads it
 * in the root loader, checks the certificates are the signed-in learner's own, shows the notice
 * once and clears the cookie. Ids only: the titles come from the database, never from the cookie.
 */
import { createCookie } from "@remix-run/node";
import type { Db } from "~/db/create-db.server.ts";

const noticeCookie = createCookie("aafa_certificat", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 600 });

/** The Set-Cookie header announcing these certificates, or null when none was issued. */
export async function announceCertificates(issued: Array<{ id: string }>): Promise<string | null> {
  if (issued.length === 0) return null;
  return noticeCookie.serialize(issued.map((certificate) => certificate.id).join(" "));
}

/** Headers for a response that may announce certificates. */
export async function noticeHeaders(issued: Array<{ id: string }>): Promise<HeadersInit> {
  const cookie = await announceCertificates(issued);
  return cookie ? { "Set-Cookie": cookie } : {};
}

interface CertificateNotice {
  id: string;
  pathTitle: string;
}

/** The learner's own certificates announced by the previous answer, and the Set-Cookie clearing it. */
export async function takeCertificateNotice(
  db: Db,
  request: Request,
  userId: string,
): Promise<{ notices: CertificateNotice[]; clear: string | null }> {
  const value = (await noticeCookie.parse(request.headers.get("Cookie"))) as unknown;
  if (typeof value !== "string" || value === "") return { notices: [], clear: null };
  const ids = value
    .split(" ")
    .filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id))
    .slice(0, 5);
  const rows =
    ids.length === 0
      ? []
      : await db.certificate.findMany({ where: { id: { in: ids }, userId, revokedAt: null }, select: { id: true, pathTitle: true } });
  return { notices: rows, clear: await noticeCookie.serialize("", { maxAge: 0 }) };
}
