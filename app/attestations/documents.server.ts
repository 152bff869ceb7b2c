/**
 * Issuing the documents of a completed path (attestation de fin de formation, certificat de
 * réalisation, relevé d'activité): once per certificate and kind, the first time someone entitled
 * downloads it. Like certificates (app/certificates/issuance.server.ts), every printed fact is
 * frozen in a signed payload; the (certificate, kind) pair is unique, so the loser of a race
 * returns the winner's row.
 */
import { randomBytes } from "node:crypto";
import { verificationUrl } from "~/certificates/certificate-urls.ts";
import { signPayload, type SigningKey } from "~/certificates/signing.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { assertCanIssue, type OrganisationSettings } from "~/organisation/organisation-settings.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import { CODE_RANDOM_BYTES, codeFromBytes } from "~/utils/verification-code.ts";
import { loadDocumentFacts } from "./document-facts.server.ts";
import { documentPayload, type DocumentFacts, type DocumentKind } from "./document-payload.ts";

export interface DocumentIssuance {
  settings: OrganisationSettings;
  /** Public address of the site (configuration, never the request). */
  siteUrl: string;
  key: SigningKey;
  now?: () => Date;
  random?: (size: number) => Uint8Array;
}

export const DOCUMENT_SELECT = {
  id: true,
  kind: true,
  code: true,
  certificateId: true,
  pathTitle: true,
  payload: true,
  signature: true,
  keyId: true,
  issuedAt: true,
} as const;

/**
 * The document of `kind` for this certificate: the one already issued, or a new one. Throws a 404
 * Response for a certificate that does not exist, is revoked or has lost its holder, and the 409 of
 * `assertCanIssue` when the organisation lacks a field the document legally needs (checked before
 * anything is written, and only when a new document is to be issued: one issued before stays valid).
 */
export async function issueDocument(db: Db, certificateId: string, kind: DocumentKind, context: DocumentIssuance) {
  const existing = await db.trainingDocument.findUnique({
    where: { certificateId_kind: { certificateId, kind } },
    select: DOCUMENT_SELECT,
  });
  const certificate = await db.certificate.findUnique({ where: { id: certificateId } });
  invariantResponse(certificate, "Ce certificat n'existe pas.");
  invariantResponse(!certificate.revokedAt, "Ce certificat a été révoqué\u00A0: les documents de cette formation ne sont plus délivrés.", {
    status: 410,
  });
  if (existing) return existing;
  const userId = certificate.userId;
  invariantResponse(userId, "Le titulaire de ce certificat a supprimé son compte.", { status: 410 });
  assertCanIssue(context.settings, kind);

  const issuedAt = context.now?.() ?? new Date();
  const code = codeFromBytes((context.random ?? randomBytes)(CODE_RANDOM_BYTES));
  const siteUrl = context.siteUrl.replace(/\/+$/, "");
  const facts: DocumentFacts = await loadDocumentFacts(db, { ...certificate, userId }, kind, context.settings, {
    code,
    verificationUrl: verificationUrl(siteUrl, code),
    issuedAt,
    keyId: context.key.keyId,
    helpUrl: `${siteUrl}/aide`,
  });
  const payload = documentPayload(facts);
  try {
    return await db.trainingDocument.create({
      data: {
        certificateId,
        kind,
        code,
        userId,
        pathId: certificate.pathId,
        learnerName: facts.learnerName,
        pathTitle: facts.path.title,
        organisationName: facts.organisation.legalName,
        activeSeconds: facts.activeSeconds,
        periodStart: facts.firstActivityAt,
        periodEnd: facts.completedAt,
        payload,
        signature: signPayload(context.key, payload),
        keyId: context.key.keyId,
        issuedAt,
      },
      select: DOCUMENT_SELECT,
    });
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    // Another request issued it between our look-up and our insert: theirs is the document.
    const winner = await db.trainingDocument.findUnique({
      where: { certificateId_kind: { certificateId, kind } },
      select: DOCUMENT_SELECT,
    });
    if (!winner) throw error;
    return winner;
  }
}
