/** A cohort learner's document, for the cohort's trainer. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireDocumentKind, requireMemberCertificateId } from "~/attestations/document-access.server.ts";
import { documentDownload } from "~/attestations/document-files.server.ts";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ params, request, context }: LoaderFunctionArgs) => {
  const { cohort } = await requireTrainerCohort(request, context, params.id);
  const kind = requireDocumentKind(params.kind);
  const certificateId = await requireMemberCertificateId(db, cohort, params.userId);
  return documentDownload(db, certificateId, kind);
});
