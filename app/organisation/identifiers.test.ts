import { describe, expect, test } from "vitest";
import { isValidActivityDeclarationNumber, isValidSiret, passesLuhn, withoutSpaces } from "./identifiers.ts";
import { OrganisationSettingsSchema } from "./organisation-schema.ts";

describe("SIRET", () => {
  test("14 digits whose Luhn key is right", () => {
    expect(isValidSiret("73282932000074")).toBe(true);
    expect(isValidSiret("44306184100047")).toBe(true);
    // One digit changed, two digits swapped: the key catches both.
    expect(isValidSiret("73282932000075")).toBe(false);
    expect(isValidSiret("73282932000047")).toBe(false);
  });

  test("not 14 digits: refused, whatever the key", () => {
    expect(isValidSiret("0")).toBe(false);
    expect(isValidSiret("7328293200007")).toBe(false);
    expect(isValidSiret("732829320000740")).toBe(false);
    expect(isValidSiret("7328293200007a")).toBe(false);
    expect(isValidSiret("")).toBe(false);
  });

  test("La Poste (SIREN 356 000 000): a sum of digits divisible by 5 is accepted instead of Luhn", () => {
    expect(passesLuhn("35600000049837")).toBe(false);
    expect(isValidSiret("35600000049837")).toBe(true);
    expect(isValidSiret("35600000000048")).toBe(true); // the head office passes Luhn
    expect(isValidSiret("35600000049838")).toBe(false); // neither rule
    // The exception is La Poste's only: another SIREN with a sum divisible by 5 fails Luhn.
    expect(passesLuhn("12345678900005")).toBe(false);
    expect(isValidSiret("12345678900005")).toBe(false);
  });

  test("spaces typed in the form are removed before the check", () => {
    expect(withoutSpaces("732 829 320 00074")).toBe("73282932000074");
    expect(withoutSpaces("732\u00A0829\u202F320 00074")).toBe("73282932000074");
    const parsed = OrganisationSettingsSchema.safeParse({ siret: "732 829 320 00074" });
    expect(parsed.success && parsed.data.siret).toBe("73282932000074");
  });
});

describe("the form's messages", () => {
  function errors(input: Record<string, string>) {
    const parsed = OrganisationSettingsSchema.safeParse(input);
    return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join("."), issue.message]));
  }

  test("each wrong field gets its own French message", () => {
    expect(
      errors({
        siret: "123",
        activityDeclarationNumber: "12 34",
        pedagogicalContactEmail: "pas une adresse",
        disabilityContactEmail: "a@",
        answerDelay: "x".repeat(61),
      }),
    ).toEqual({
      siret: "Le SIRET compte 14\u00A0chiffres (les espaces sont acceptés).",
      activityDeclarationNumber: "Le numéro de déclaration d'activité compte 11\u00A0chiffres (les espaces sont acceptés).",
      pedagogicalContactEmail: "Cette adresse e-mail n'est pas valide (exemple\u00A0: prenom.nom@exemple.fr).",
      disabilityContactEmail: "Cette adresse e-mail n'est pas valide (exemple\u00A0: prenom.nom@exemple.fr).",
      answerDelay: "Le délai de réponse compte au plus 60\u00A0caractères.",
    });
    expect(errors({ siret: "73282932000075" })).toEqual({
      siret: "Ce SIRET n'existe pas\u00A0: sa clé de contrôle est fausse. Vérifiez chaque chiffre.",
    });
  });

  test("numéro de déclaration d'activité: 11 digits, spaces allowed", () => {
    expect(isValidActivityDeclarationNumber("11755555575")).toBe(true);
    expect(isValidActivityDeclarationNumber("1175555557")).toBe(false);
    expect(isValidActivityDeclarationNumber("117555555755")).toBe(false);
    expect(errors({ activityDeclarationNumber: "11 75 55555 75" })).toEqual({});
  });

  test("every field may stay empty (the defaults apply); a 60-character delay is accepted", () => {
    expect(errors({})).toEqual({});
    expect(errors({ answerDelay: "x".repeat(60) })).toEqual({});
  });
});
