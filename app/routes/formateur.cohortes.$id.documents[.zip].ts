/** Every completed learner's certificate and documents, one folder each, for the cohort's trainer. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { cohortDocumentsZip } from "~/attestations/document-files.server.ts";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName } from "~/cohorts/cohort-csv.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { cohort, path } = await requireTrainerCohort(request, context, params.id);
  const { zip, count } = await cohortDocumentsZip(db, cohort.id, path.id);
  invariantResponse(count > 0, "Aucun certificat n'a encore été délivré dans cette cohorte\u00A0: il n'y a pas encore de documents.");
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${cohortFileName(`${cohort.name}-documents`, "zip")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
