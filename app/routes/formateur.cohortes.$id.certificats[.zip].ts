import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicUrl } from "~/utils/public-url.server.ts";
import { cohortCertificatesZip } from "~/cohorts/cohort-certificates.server.ts";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName } from "~/cohorts/cohort-csv.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { cohort, path } = await requireTrainerCohort(request, context, params.id);
  const { zip, count } = await cohortCertificatesZip(db, cohort.id, path.id, publicUrl());
  invariantResponse(count > 0, "Aucun certificat n'a encore été délivré dans cette cohorte.");
  return new Response(Buffer.from(zip), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${cohortFileName(`${cohort.name}-certificats`, "zip")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
