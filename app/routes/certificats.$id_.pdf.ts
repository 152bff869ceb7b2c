/** The certificate as a PDF download, for its owner only. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { certificatePdfFor } from "~/certificates/certificate-pdf.server.ts";
import { requireOwnCertificate } from "~/certificates/certificate-reads.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ params, request, context }: LoaderFunctionArgs) => {
  const user = await requireUser(request, context);
  const certificate = await requireOwnCertificate(db, user.id, params.id);
  const { pdf, filename } = await certificatePdfFor(certificate);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
