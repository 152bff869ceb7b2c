/**
 * Documents as files: one PDF drawn from its signed payload (so the page never says more than the
 * signature covers), and a cohort's documents as one ZIP. Issuance happens here, on first download,
 * with the organisation settings in force (app/organisation/).
 */
import { zipSync } from "fflate";
import { certificatePdfFor } from "~/certificates/certificate-pdf.server.ts";
import { publicKeyUrl } from "~/certificates/certificate-urls.ts";
import { serverSigningKey } from "~/certificates/signing.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { getOrganisationSettings } from "~/organisation/organisation-settings.server.ts";
import { assertCanIssue, type OrganisationSettings } from "~/organisation/organisation-settings.ts";
import { now } from "~/utils/clock.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { slugify } from "~/utils/slugify.ts";
import { documentFileName, renderDocumentPdf } from "./document-pdf.server.ts";
import { DOCUMENT_KINDS, factsFromPayload, type DocumentKind } from "./document-payload.ts";
import { issueDocument, type DOCUMENT_SELECT } from "./documents.server.ts";

type StoredDocument = { [K in keyof typeof DOCUMENT_SELECT]: K extends "issuedAt" ? Date : string };

export async function documentPdf(document: StoredDocument, siteUrl = publicUrl()): Promise<{ pdf: Uint8Array; filename: string }> {
  const facts = factsFromPayload(document.payload);
  const pdf = await renderDocumentPdf({
    ...facts,
    payload: document.payload,
    signature: document.signature,
    publicKeyUrl: publicKeyUrl(siteUrl),
  });
  return { pdf, filename: documentFileName(facts.kind, facts.path.title, document.code) };
}

function issuanceContext(settings: OrganisationSettings) {
  return { settings, siteUrl: publicUrl(), key: serverSigningKey(), now };
}

/** The document of `kind` for a certificate the caller may see (checked by the route), as a download. */
export async function documentDownload(db: Db, certificateId: string, kind: DocumentKind): Promise<Response> {
  const document = await issueDocument(db, certificateId, kind, issuanceContext(await getOrganisationSettings()));
  const { pdf, filename } = await documentPdf(document);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * Every live certificate of the cohort's learners for its path, with its three documents: one folder
 * per learner. Refused as a whole (409) when the organisation lacks a field a document needs: a ZIP
 * with holes would be handed to a funder as complete.
 */
export async function cohortDocumentsZip(db: Db, cohortId: string, pathId: string): Promise<{ zip: Uint8Array; count: number }> {
  const settings = await getOrganisationSettings();
  for (const kind of DOCUMENT_KINDS) assertCanIssue(settings, kind);
  const certificates = await db.certificate.findMany({
    where: { pathId, revokedAt: null, userId: { not: null }, user: { cohortMemberships: { some: { cohortId } } } },
    orderBy: { learnerName: "asc" },
  });
  const site = publicUrl();
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const folders = new Set<string>();
  // One learner at a time: each PDF embeds fonts, and a cohort can hold hundreds of learners.
  for (const certificate of certificates) {
    let folder = `${slugify(certificate.learnerName) || "apprenant"}-${certificate.code.slice(0, 8).toLowerCase()}`;
    while (folders.has(folder)) folder = `x-${folder}`;
    folders.add(folder);
    const { pdf, filename } = await certificatePdfFor({ ...certificate, objectives: JSON.parse(certificate.objectives) as string[] }, site);
    files[`${folder}/${filename}`] = [pdf, { level: 0 }];
    for (const kind of DOCUMENT_KINDS) {
      const document = await issueDocument(db, certificate.id, kind, issuanceContext(settings));
      const rendered = await documentPdf(document, site);
      files[`${folder}/${rendered.filename}`] = [rendered.pdf, { level: 0 }]; // PDFs are compressed already
    }
  }
  return { zip: zipSync(files), count: certificates.length };
}
