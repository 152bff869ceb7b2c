/**
 * The certificates of a cohort's learners for its path, as one ZIP of the PDFs each learner can
 * download themselves. Each PDF stays whole, with its signed attachments, so that every one of them
 * can still be checked offline. Revoked certificates are left out.
 */
import { zipSync } from "fflate";
import { certificatePdfFor } from "~/certificates/certificate-pdf.server.ts";
import { slugify } from "~/utils/slugify.ts";
import type { Db } from "~/db/create-db.server.ts";

export async function cohortCertificatesZip(
  db: Db,
  cohortId: string,
  pathId: string,
  site: string,
): Promise<{ zip: Uint8Array; count: number }> {
  const certificates = await db.certificate.findMany({
    where: { pathId, revokedAt: null, user: { cohortMemberships: { some: { cohortId } } } },
    orderBy: { learnerName: "asc" },
  });
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  // One at a time: each PDF embeds fonts, and a cohort can hold hundreds of learners.
  for (const certificate of certificates) {
    const { pdf } = await certificatePdfFor({ ...certificate, objectives: JSON.parse(certificate.objectives) as string[] }, site);
    let name = `${slugify(certificate.learnerName) || "apprenant"}-${certificate.code.slice(0, 8).toLowerCase()}.pdf`;
    while (name in files) name = `x-${name}`;
    files[name] = [pdf, { level: 0 }]; // PDFs are compressed already
  }
  return { zip: zipSync(files), count: certificates.length };
}
