/** Per learner, duration realised, hours not done and completion rate: what a funder's « service fait » asks. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadServiceFait } from "~/attestations/service-fait.server.ts";
import { serviceFaitCsv } from "~/attestations/service-fait.ts";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName } from "~/cohorts/cohort-csv.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { cohort, path } = await requireTrainerCohort(request, context, params.id);
  const csv = serviceFaitCsv(path, await loadServiceFait(db, cohort, path));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${cohortFileName(`${cohort.name}-service-fait`, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
