import { describe, expect, test } from "vitest";
import {
  assertCanIssue,
  EMPTY_SETTINGS,
  frenchList,
  mergeSettings,
  missingFieldsMessage,
  missingFor,
  type OrganisationSettings,
} from "./organisation-settings.ts";

const COMPLETE: OrganisationSettings = {
  ...EMPTY_SETTINGS,
  legalName: "Alliance Formation",
  address: "1 rue de la Paix\n75002 Paris",
  siret: "73282932000074",
  activityDeclarationNumber: "11755555575",
};

describe("missingFor", () => {
  test("complete settings: every document can be issued", () => {
    expect(missingFor(COMPLETE, "attestation-fin-formation")).toEqual([]);
    expect(missingFor(COMPLETE, "certificat-realisation")).toEqual([]);
    expect(missingFor(COMPLETE, "releve-activite")).toEqual([]);
  });

  test("nothing set: the attestation and the certificat lack all four fields, the relevé the legal name only", () => {
    const four = ["la raison sociale", "l'adresse", "le SIRET", "le numéro de déclaration d'activité"];
    expect(missingFor(EMPTY_SETTINGS, "attestation-fin-formation")).toEqual(four);
    expect(missingFor(EMPTY_SETTINGS, "certificat-realisation")).toEqual(four);
    expect(missingFor(EMPTY_SETTINGS, "releve-activite")).toEqual(["la raison sociale"]);
  });

  test("a blank field counts as missing; optional fields never block", () => {
    const settings = { ...COMPLETE, siret: "   ", qualiopiReference: null, electedTrainingApproval: null };
    expect(missingFor(settings, "certificat-realisation")).toEqual(["le SIRET"]);
    expect(missingFor(settings, "releve-activite")).toEqual([]);
  });
});

describe("assertCanIssue", () => {
  test("passes when nothing is missing", () => {
    expect(() => assertCanIssue(COMPLETE, "attestation-fin-formation")).not.toThrow();
  });

  test("throws a 409 whose French message lists the missing fields and sends the admin to /admin/organisation", async () => {
    let thrown: unknown;
    try {
      assertCanIssue({ ...COMPLETE, siret: null, activityDeclarationNumber: null }, "certificat-realisation");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    const response = thrown as Response;
    expect(response.status).toBe(409);
    expect(await response.text()).toBe(
      "Le certificat de réalisation ne peut pas encore être délivré\u00A0: l'organisme de formation n'a pas renseigné le SIRET et " +
        "le numéro de déclaration d'activité. Administrateur·rice\u00A0: complétez /admin/organisation.",
    );
  });

  test("message for one field, and lists of three", () => {
    expect(missingFieldsMessage("releve-activite", ["la raison sociale"])).toMatch(
      /^Le relevé d'activité ne peut pas .* renseigné la raison sociale\. Administrateur·rice\u00A0: complétez \/admin\/organisation\.$/,
    );
    expect(frenchList(["a", "b", "c"])).toBe("a, b et c");
    // Every field missing still makes a message the error page shows (under 300 characters).
    expect(missingFieldsMessage("attestation-fin-formation", missingFor(EMPTY_SETTINGS, "attestation-fin-formation")).length).toBeLessThan(
      300,
    );
    // The participle agrees with the document.
    expect(missingFieldsMessage("attestation-fin-formation", ["le SIRET"])).toMatch(
      /^L'attestation de fin de formation ne peut pas encore être délivrée\u00A0:/,
    );
  });
});

describe("mergeSettings", () => {
  test("stored values win field by field; empty or blank stored fields take the default", () => {
    const defaults: OrganisationSettings = {
      ...COMPLETE,
      qualiopiReference: "Q-ENV",
      pedagogicalContact: { name: "Env Péda", email: "peda@env.fr" },
      disabilityContact: { name: "Env Handicap", email: "handicap@env.fr" },
      answerDelay: "2 jours ouvrés",
    };
    const stored: OrganisationSettings = {
      ...EMPTY_SETTINGS,
      legalName: "Nom stocké",
      siret: " ",
      pedagogicalContact: { name: "Stockée", email: null },
      answerDelay: "48 heures",
    };
    expect(mergeSettings(stored, defaults)).toEqual({
      ...defaults,
      legalName: "Nom stocké",
      pedagogicalContact: { name: "Stockée", email: "peda@env.fr" },
      answerDelay: "48 heures",
    });
  });
});
