/**
 * Who delivers the training, as the documents for funders and employers must say it (issue 20):
 * legal identity, declarations, contacts, and the delay within which tutors answer (the assistance of
 * a distance training, Code du travail art. D6313-3-1; app/attestations/README.md). Pure and client-safe: the values come from organisation-settings.server.ts
 * (stored settings over environment defaults).
 */

export interface Contact {
  name: string | null;
  email: string | null;
}

export interface OrganisationSettings {
  /** Raison sociale. */
  legalName: string | null;
  /** Postal address, on one or several lines. */
  address: string | null;
  /** 14 digits. */
  siret: string | null;
  /** Numéro de déclaration d'activité (11 digits), given by the DREETS. */
  activityDeclarationNumber: string | null;
  /** Qualiopi certificate reference, when the organisation holds one. */
  qualiopiReference: string | null;
  /** Interior Ministry approval for élus' training, when the organisation holds one. */
  electedTrainingApproval: string | null;
  pedagogicalContact: Contact;
  disabilityContact: Contact;
  /** The committed answer delay for learners' questions, as shown to them (« 2 jours ouvrés »). */
  answerDelay: string | null;
}

/** The documents the platform issues for a completed path (issue 20, item 5). */
export type OrganisationDocument = "attestation-fin-formation" | "certificat-realisation" | "releve-activite";

export const EMPTY_SETTINGS: OrganisationSettings = {
  legalName: null,
  address: null,
  siret: null,
  activityDeclarationNumber: null,
  qualiopiReference: null,
  electedTrainingApproval: null,
  pedagogicalContact: { name: null, email: null },
  disabilityContact: { name: null, email: null },
  answerDelay: null,
};

/** The fields a document may need, by the name the settings give them. */
export type LegalField = "legalName" | "address" | "siret" | "activityDeclarationNumber";

/** How the interface names each field (French, lower case: they go inside sentences). */
export const FIELD_LABELS: Record<LegalField, string> = {
  legalName: "la raison sociale",
  address: "l'adresse",
  siret: "le SIRET",
  activityDeclarationNumber: "le numéro de déclaration d'activité",
};

export const DOCUMENT_LABELS: Record<OrganisationDocument, string> = {
  "attestation-fin-formation": "l'attestation de fin de formation",
  "certificat-realisation": "le certificat de réalisation",
  "releve-activite": "le relevé d'activité",
};

/**
 * The fields each document legally needs; why each one, with its reference, is in
 * app/organisation/README.md (« Ce que chaque document exige »).
 */
export const REQUIRED_FIELDS: Record<OrganisationDocument, readonly LegalField[]> = {
  "attestation-fin-formation": ["legalName", "address", "siret", "activityDeclarationNumber"],
  "certificat-realisation": ["legalName", "address", "siret", "activityDeclarationNumber"],
  "releve-activite": ["legalName"],
};

/**
 * The labels of the fields `document` needs and `settings` lacks (empty when it can be issued).
 * @example missingFor({ ...EMPTY_SETTINGS, legalName: "Alliance Formation" }, "releve-activite") // []
 */
export function missingFor(settings: OrganisationSettings, document: OrganisationDocument): string[] {
  return REQUIRED_FIELDS[document].filter((field) => !settings[field]?.trim()).map((field) => FIELD_LABELS[field]);
}

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

/** « L'attestation … délivrée », « le certificat … délivré »: the participle agrees with the document. */
const FEMININE: ReadonlySet<OrganisationDocument> = new Set(["attestation-fin-formation"]);

/** What a document route answers when a field is missing: who must do what, and where. */
export function missingFieldsMessage(document: OrganisationDocument, missing: readonly string[]): string {
  const fields = frenchList(missing);
  const name = DOCUMENT_LABELS[document];
  return (
    `${name.charAt(0).toUpperCase()}${name.slice(1)} ne peut pas encore être ${FEMININE.has(document) ? "délivrée" : "délivré"}\u00A0: l'organisme de formation n'a pas ` +
    // Fields named once: the message must stay short enough for the error page to show it (resource-errors.server.ts).
    `renseigné ${fields}. Administrateur·rice\u00A0: complétez /admin/organisation.`
  );
}

/**
 * For the document routes, before issuing: throws a 409 Response with the French message when
 * `settings` lacks a field `document` legally needs.
 */
export function assertCanIssue(settings: OrganisationSettings, document: OrganisationDocument): void {
  const missing = missingFor(settings, document);
  if (missing.length === 0) return;
  throw new Response(missingFieldsMessage(document, missing), {
    status: 409,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}

/**
 * The settings in force: each stored field over its default, field by field; a stored field that
 * is empty (null or blank) falls back to the default.
 */
export function mergeSettings(stored: OrganisationSettings, defaults: OrganisationSettings): OrganisationSettings {
  const pick = (value: string | null, fallback: string | null) => (value?.trim() ? value : fallback);
  return {
    legalName: pick(stored.legalName, defaults.legalName),
    address: pick(stored.address, defaults.address),
    siret: pick(stored.siret, defaults.siret),
    activityDeclarationNumber: pick(stored.activityDeclarationNumber, defaults.activityDeclarationNumber),
    qualiopiReference: pick(stored.qualiopiReference, defaults.qualiopiReference),
    electedTrainingApproval: pick(stored.electedTrainingApproval, defaults.electedTrainingApproval),
    pedagogicalContact: {
      name: pick(stored.pedagogicalContact.name, defaults.pedagogicalContact.name),
      email: pick(stored.pedagogicalContact.email, defaults.pedagogicalContact.email),
    },
    disabilityContact: {
      name: pick(stored.disabilityContact.name, defaults.disabilityContact.name),
      email: pick(stored.disabilityContact.email, defaults.disabilityContact.email),
    },
    answerDelay: pick(stored.answerDelay, defaults.answerDelay),
  };
}
