/**
 * Revoking a certificate (an administrator's decision, e.g. fraud or an error in issuance): the
 * certificate stays in the database and its verification page says « révoqué » with the date.
 */
import { z } from "zod";
import type { Db } from "~/db/create-db.server.ts";
import { normalizeCode } from "~/utils/verification-code.ts";

export const RevocationSchema = z.object({
  code: z.string().transform((value, ctx) => {
    const code = normalizeCode(value);
    if (!code) {
      ctx.addIssue({ code: "custom", message: "Code de vérification invalide\u00A0: 28 lettres et chiffres." });
      return z.NEVER;
    }
    return code;
  }),
  reason: z
    .string()
    .trim()
    .min(5, "Indiquez le motif de la révocation (5 caractères au moins).")
    .max(500, "Motif trop long (500 caractères au plus)."),
});

type RevocationResult = { status: "revoque"; revokedAt: Date } | { status: "deja-revoque"; revokedAt: Date } | { status: "inconnu" };

export async function revokeCertificate(db: Db, code: string, reason: string, now = new Date()): Promise<RevocationResult> {
  // Only a certificate not yet revoked changes: revoking twice keeps the first date and reason.
  const updated = await db.certificate.updateMany({ where: { code, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  if (updated.count === 1) return { status: "revoque", revokedAt: now };
  const existing = await db.certificate.findUnique({ where: { code }, select: { revokedAt: true } });
  if (!existing) return { status: "inconnu" };
  return { status: "deja-revoque", revokedAt: existing.revokedAt! };
}
