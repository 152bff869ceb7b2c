/**
 * Who delivers the training, as the documents for funders and employers must say it (issue 20):
 * legal identity, declarations, contacts, and the delay within which tutors answer (Code du travail,
 * art. D6313-3-1). Pure and client-safe: the values come from organisation-settings.server.ts
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
