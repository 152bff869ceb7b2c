import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { cohortFileName } from "~/cohorts/cohort-csv.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { MIN_RESPONDENTS } from "~/satisfaction/aggregate.ts";
import { cohortSatisfactionCsv } from "~/satisfaction/satisfaction-csv.ts";
import { cohortResponses } from "~/satisfaction/satisfaction-reads.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

/** The cohort's satisfaction responses, one row each, no names; like the page, only from MIN_RESPONDENTS responses. */
export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { cohort } = await requireTrainerCohort(request, context, params.id);
  const rows = await cohortResponses(db, cohort);
  invariantResponse(
    rows.length >= MIN_RESPONDENTS,
    `Les réponses au questionnaire de satisfaction ne s'exportent qu'à partir de ${MIN_RESPONDENTS} répondant·es, pour que personne ne soit reconnaissable.`,
    { status: 403 },
  );
  return new Response(cohortSatisfactionCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="satisfaction-${cohortFileName(cohort.name, "csv")}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
