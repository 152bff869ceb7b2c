/**
 * Who may download a learner's documents: the learner (their own certificate), and the trainer of a
 * cohort the learner belongs to (that cohort's path). Anything else is a 404 that does not say
 * whether the certificate exists.
 */
import type { Db } from "~/db/create-db.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import { isDocumentKind, type DocumentKind } from "./document-payload.ts";

export function requireDocumentKind(kind: string | undefined): DocumentKind {
  invariantResponse(isDocumentKind(kind), "Ce document n'existe pas.");
  return kind;
}

export async function requireOwnCertificateId(db: Db, userId: string, certificateId: string | undefined): Promise<string> {
  const certificate = certificateId ? await db.certificate.findFirst({ where: { id: certificateId, userId }, select: { id: true } }) : null;
  invariantResponse(certificate, "Ce certificat n'existe pas, ou n'est pas le vôtre.");
  return certificate.id;
}

/** The certificate, for the cohort's path, of a learner who is a member of the trainer's cohort (checked by the caller). */
export async function requireMemberCertificateId(
  db: Db,
  cohort: { id: string; pathId: string },
  learnerId: string | undefined,
): Promise<string> {
  const certificate = learnerId
    ? await db.certificate.findFirst({
        where: { userId: learnerId, pathId: cohort.pathId, user: { cohortMemberships: { some: { cohortId: cohort.id } } } },
        select: { id: true },
      })
    : null;
  invariantResponse(certificate, "Cette personne n'a pas de certificat pour le parcours de cette cohorte.");
  return certificate.id;
}
