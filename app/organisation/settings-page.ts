/**
 * What /admin/organisation shows besides the form: for each document, the fields that block it.
 * Pure and client-safe.
 */
import { DOCUMENT_LABELS, missingFor, type OrganisationDocument, type OrganisationSettings } from "./organisation-settings.ts";

export const DOCUMENTS: readonly OrganisationDocument[] = ["attestation-fin-formation", "certificat-realisation", "releve-activite"];

export interface DocumentStatus {
  document: OrganisationDocument;
  /** « l'attestation de fin de formation ». */
  label: string;
  /** Labels of the missing fields; empty when the document can be issued. */
  missing: string[];
}

export function documentStatuses(settings: OrganisationSettings): DocumentStatus[] {
  return DOCUMENTS.map((document) => ({ document, label: DOCUMENT_LABELS[document], missing: missingFor(settings, document) }));
}
