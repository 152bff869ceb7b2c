/** What the public verification page says about a typed code. */
import type { Db } from "~/db/create-db.server.ts";
import { normalizeCode } from "./verification-code.ts";

/**
 * Look-ups per visitor address: plenty for a person checking certificates, far too few to enumerate
 * codes (which carry 140 random bits anyway).
 */
export const VERIFY_RATE_LIMIT = { limit: 30, windowMs: 15 * 60 * 1000 };

export type Verification =
  | {
      status: "valide" | "revoque";
      code: string;
      /** Null once the holder deleted their account: the certificate stays verifiable, anonymised. */
      learnerName: string | null;
      pathTitle: string;
      nominalMinutes: number;
      activeSeconds: number;
      completedAt: Date;
      issuedAt: Date;
      issuer: string;
      revokedAt: Date | null;
    }
  | { status: "inconnu"; code: string }
  | { status: "malforme" };

export async function verifyCode(db: Db, typed: string): Promise<Verification> {
  const code = normalizeCode(typed);
  if (!code) return { status: "malforme" };
  const row = await db.certificate.findUnique({
    where: { code },
    select: {
      code: true,
      userId: true,
      learnerName: true,
      pathTitle: true,
      nominalMinutes: true,
      activeSeconds: true,
      completedAt: true,
      issuedAt: true,
      issuer: true,
      revokedAt: true,
    },
  });
  if (!row) return { status: "inconnu", code };
  return {
    status: row.revokedAt ? "revoque" : "valide",
    code: row.code,
    learnerName: row.userId ? row.learnerName : null,
    pathTitle: row.pathTitle,
    nominalMinutes: row.nominalMinutes,
    activeSeconds: row.activeSeconds,
    completedAt: row.completedAt,
    issuedAt: row.issuedAt,
    issuer: row.issuer,
    revokedAt: row.revokedAt,
  };
}
