/** What /verifier/:code says about a document's code (certificates are looked up first, app/certificates/verification.server.ts). */
import { createHash } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import { normalizeCode } from "~/utils/verification-code.ts";
import { isDocumentKind, type DocumentKind } from "./document-payload.ts";

export interface DocumentVerification {
  status: "valide" | "revoque";
  kind: DocumentKind;
  code: string;
  /** Null once the holder deleted their account: the document stays verifiable, anonymised. */
  learnerName: string | null;
  pathTitle: string;
  organisationName: string;
  activeSeconds: number;
  periodStart: Date;
  periodEnd: Date;
  issuedAt: Date;
  keyId: string;
  payloadSha256: string;
  /** The certificate of the same training: a document follows it (revoked with it). */
  certificateCode: string;
  revokedAt: Date | null;
}

/** The document with this code, or null (unknown code, or not a code at all). */
export async function verifyDocumentCode(db: Db, typed: string): Promise<DocumentVerification | null> {
  const code = normalizeCode(typed);
  if (!code) return null;
  const row = await db.trainingDocument.findUnique({
    where: { code },
    select: {
      kind: true,
      code: true,
      userId: true,
      learnerName: true,
      pathTitle: true,
      organisationName: true,
      activeSeconds: true,
      periodStart: true,
      periodEnd: true,
      issuedAt: true,
      keyId: true,
      payload: true,
      certificate: { select: { code: true, revokedAt: true } },
    },
  });
  if (!row || !isDocumentKind(row.kind)) return null;
  return {
    status: row.certificate.revokedAt ? "revoque" : "valide",
    kind: row.kind,
    code: row.code,
    learnerName: row.userId ? row.learnerName : null,
    pathTitle: row.pathTitle,
    organisationName: row.organisationName,
    activeSeconds: row.activeSeconds,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    issuedAt: row.issuedAt,
    keyId: row.keyId,
    payloadSha256: row.payload.startsWith("sha256:")
      ? row.payload.slice("sha256:".length)
      : createHash("sha256").update(row.payload).digest("hex"),
    certificateCode: row.certificate.code,
    revokedAt: row.certificate.revokedAt,
  };
}
