import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAccountData } from "~/auth/account-settings.server.ts";
import { requireUser } from "~/auth/session.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

/** All the signed-in person's data, as one JSON file (RGPD, right to data portability). */
export const loader = withErrorPages(async ({ request, context }: LoaderFunctionArgs) => {
  const user = await requireUser(request, context);
  const data = await exportAccountData(db, user.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-apprendre-a-faire-alliance.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
