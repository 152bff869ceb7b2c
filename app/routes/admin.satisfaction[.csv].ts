import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/session.server.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { platformSatisfactionCsv } from "~/satisfaction/satisfaction-csv.ts";
import { platformResponses } from "~/satisfaction/satisfaction-reads.server.ts";

/** Every satisfaction response of the platform, one row each, with path and profile, never a name. */
export const loader = withErrorPages(async ({ request, context }: LoaderFunctionArgs) => {
  await requireRole(request, context, ["ADMIN"]);
  const titles = Object.fromEntries(getCatalog().paths.map((path) => [path.id, path.title]));
  return new Response(platformSatisfactionCsv(await platformResponses(db), titles), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="satisfaction-plateforme.csv"',
      "Cache-Control": "private, no-store",
    },
  });
});
