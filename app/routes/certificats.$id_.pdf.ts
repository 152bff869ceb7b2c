/** The certificate as a PDF download, for its owner only. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/session.server.ts";
import { renderCertificatePdf } from "~/certificates/certificate-pdf.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { requireOwnCertificate, verificationUrl } from "~/certificates/issuance.server.ts";
import { slugify } from "~/courses/mdx-usage.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ params, request, context }: LoaderFunctionArgs) => {
  const user = await requireUser(request, context);
  const certificate = await requireOwnCertificate(db, user.id, params.id);
  const site = publicUrl();
  const pdf = await renderCertificatePdf({
    ...certificate,
    verificationUrl: verificationUrl(site, certificate.code),
    publicKeyUrl: `${site}/certificats/cle-publique.pem`,
  });
  const filename = `certificat-${slugify(certificate.pathTitle)}-${certificate.code.slice(0, 8).toLowerCase()}.pdf`;
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
});
