/** A document of the learner's own completed path (attestation, certificat de réalisation, relevé), as a PDF. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOwnCertificateId, requireDocumentKind } from "~/attestations/document-access.server.ts";
import { documentDownload } from "~/attestations/document-files.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ params, request, context }: LoaderFunctionArgs) => {
  const user = await requireUser(request, context);
  const kind = requireDocumentKind(params.kind);
  const certificateId = await requireOwnCertificateId(db, user.id, params.id);
  return documentDownload(db, certificateId, kind);
});
