/** What the public verification page says about a typed code. */
import { createHash } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import { normalizeCode } from "~/utils/verification-code.ts";

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
      objectives: string[];
      activeSeconds: number;
      firstActivityAt: Date;
      completedAt: Date;
      finalScore: number;
      issuedAt: Date;
      issuer: string;
      keyId: string;
      /** SHA-256 (hex) of the signed data, the certificat.json attached to the PDF: `sha256sum` it to compare. */
      payloadSha256: string;
      revokedAt: Date | null;
    }
  | { status: "inconnu"; code: string }
  | { status: "malforme" };

/** The stored signed text, or, once the holder is anonymised, the « sha256:… » that replaced it. */
function sha256Of(payload: string): string {
  return payload.startsWith("sha256:") ? payload.slice("sha256:".length) : createHash("sha256").update(payload).digest("hex");
}

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
      objectives: true,
      activeSeconds: true,
      firstActivityAt: true,
      completedAt: true,
      finalScore: true,
      issuedAt: true,
      issuer: true,
      keyId: true,
      payload: true,
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
    objectives: JSON.parse(row.objectives) as string[],
    activeSeconds: row.activeSeconds,
    firstActivityAt: row.firstActivityAt,
    completedAt: row.completedAt,
    finalScore: row.finalScore,
    issuedAt: row.issuedAt,
    issuer: row.issuer,
    keyId: row.keyId,
    payloadSha256: sha256Of(row.payload),
    revokedAt: row.revokedAt,
  };
}
