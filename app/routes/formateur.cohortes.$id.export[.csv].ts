import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName, learnerTableCsv } from "~/cohorts/cohort-csv.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { sortLearners } from "~/cohorts/dashboard.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { loadCohortPlacementLevels } from "~/placement/cohort-placement.server.ts";
import { placementCsvColumns } from "~/placement/placement-rules.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { user, cohort, path } = await requireTrainerCohort(request, context, params.id);
  const [{ content, learners }, levels] = await Promise.all([
    buildCohortDashboard(db, cohort, path),
    loadCohortPlacementLevels(db, user.id, cohort.id, path),
  ]);
  const csv = learnerTableCsv(content, sortLearners(learners, "nom", "asc"), placementCsvColumns(path.objectives, levels));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${cohortFileName(cohort.name, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
