/**
 * The organisation settings in force: for now the environment's defaults (app/utils/env.server.ts,
 * ORGANISATION_* and *_CONTACT_*). Issue 20 item 1 adds the settings an admin stores in the
 * database on /admin/organisation, which take precedence field by field.
 */
import { env, type Env } from "~/utils/env.server.ts";
import type { OrganisationSettings } from "./organisation-settings.ts";

export function settingsFromEnv(source: Env = env()): OrganisationSettings {
  return {
    legalName: source.ORGANISATION_LEGAL_NAME ?? null,
    address: source.ORGANISATION_ADDRESS ?? null,
    siret: source.ORGANISATION_SIRET ?? null,
    activityDeclarationNumber: source.ORGANISATION_ACTIVITY_DECLARATION ?? null,
    qualiopiReference: source.ORGANISATION_QUALIOPI_REFERENCE ?? null,
    electedTrainingApproval: source.ORGANISATION_ELECTED_TRAINING_APPROVAL ?? null,
    pedagogicalContact: { name: source.PEDAGOGICAL_CONTACT_NAME ?? null, email: source.PEDAGOGICAL_CONTACT_EMAIL ?? null },
    disabilityContact: { name: source.DISABILITY_CONTACT_NAME ?? null, email: source.DISABILITY_CONTACT_EMAIL ?? null },
    answerDelay: source.ANSWER_DELAY,
  };
}

/** The settings documents, e-mails and pages use. */
export async function getOrganisationSettings(): Promise<OrganisationSettings> {
  return settingsFromEnv();
}
