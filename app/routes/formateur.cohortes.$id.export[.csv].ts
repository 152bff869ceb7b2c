import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName, learnerTableCsv } from "~/cohorts/cohort-csv.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { sortLearners } from "~/cohorts/dashboard.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { cohort, path } = await requireTrainerCohort(request, context, params.id);
  const { content, learners } = await buildCohortDashboard(db, cohort, path);
  const csv = learnerTableCsv(content, sortLearners(learners, "nom", "asc"));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${cohortFileName(cohort.name, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
