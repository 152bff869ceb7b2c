/**
 * The organisation settings in force: what an admin stored on /admin/organisation (one
 * OrganisationSetting row) over the environment's defaults (app/utils/env.server.ts,
 * ORGANISATION_* and *_CONTACT_*, ANSWER_DELAY), field by field.
 */
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { db as appDb } from "~/db/db.server.ts";
import { env, type Env } from "~/utils/env.server.ts";
import type { OrganisationSettingsInput } from "./organisation-schema.ts";
import { EMPTY_SETTINGS, mergeSettings, type OrganisationSettings } from "./organisation-settings.ts";

/** The id of the one row. */
export const SETTINGS_ROW_ID = "organisation";

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

/** What the admin stored, as settings (EMPTY_SETTINGS when nothing was ever saved). */
export async function readStoredSettings(db: Db): Promise<OrganisationSettings & { updatedAt: Date | null }> {
  const row = await db.organisationSetting.findUnique({ where: { id: SETTINGS_ROW_ID } });
  if (!row) return { ...EMPTY_SETTINGS, updatedAt: null };
  return {
    legalName: row.legalName,
    address: row.address,
    siret: row.siret,
    activityDeclarationNumber: row.activityDeclarationNumber,
    qualiopiReference: row.qualiopiReference,
    electedTrainingApproval: row.electedTrainingApproval,
    pedagogicalContact: { name: row.pedagogicalContactName, email: row.pedagogicalContactEmail },
    disabilityContact: { name: row.disabilityContactName, email: row.disabilityContactEmail },
    answerDelay: row.answerDelay,
    updatedAt: row.updatedAt,
  };
}

/** The settings in force on `db`: stored values over `defaults`. */
export async function readOrganisationSettings(db: Db, defaults: OrganisationSettings = settingsFromEnv()): Promise<OrganisationSettings> {
  const { updatedAt: _updatedAt, ...stored } = await readStoredSettings(db);
  return mergeSettings(stored, defaults);
}

/** The settings documents, e-mails and pages use. */
export async function getOrganisationSettings(): Promise<OrganisationSettings> {
  return readOrganisationSettings(appDb);
}

/**
 * Stores the whole form at once (an empty field is stored null, so the default applies again).
 * One row whatever the number of concurrent saves: the last one wins, every field from the same save.
 */
export async function saveOrganisationSettings(db: Db, input: OrganisationSettingsInput, adminId: string): Promise<void> {
  const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  const data = {
    legalName: blankToNull(input.legalName),
    address: blankToNull(input.address),
    siret: blankToNull(input.siret),
    activityDeclarationNumber: blankToNull(input.activityDeclarationNumber),
    qualiopiReference: blankToNull(input.qualiopiReference),
    electedTrainingApproval: blankToNull(input.electedTrainingApproval),
    pedagogicalContactName: blankToNull(input.pedagogicalContactName),
    pedagogicalContactEmail: blankToNull(input.pedagogicalContactEmail),
    disabilityContactName: blankToNull(input.disabilityContactName),
    disabilityContactEmail: blankToNull(input.disabilityContactEmail),
    answerDelay: blankToNull(input.answerDelay),
    updatedById: adminId,
  };
  try {
    await db.organisationSetting.upsert({ where: { id: SETTINGS_ROW_ID }, create: { id: SETTINGS_ROW_ID, ...data }, update: data });
  } catch (error) {
    // Two first saves at once: both found no row, one inserted it; the other now updates it.
    if (!isUniqueConstraintError(error)) throw error;
    await db.organisationSetting.update({ where: { id: SETTINGS_ROW_ID }, data });
  }
}
