import { expect, test } from "vitest";
import { readAssessmentForm, readStepForm } from "./project-forms.ts";
import { ANSWER_MAX } from "./project-schema.ts";
import { PROJECT } from "./project-test-fixture.ts";

const form = (entries: Record<string, string>) => new URLSearchParams(entries);

test("a step form keeps only this step's fields, line ends normalised; a field too long is refused in French", () => {
  expect(
    readStepForm(PROJECT.steps[0]!, form({ "champ-defi": "ligne 1\r\nligne 2", "champ-actions": "autre étape", "champ-inconnu": "x" })),
  ).toEqual({
    values: { defi: "ligne 1\nligne 2" },
    errors: {},
  });
  const tooLong = readStepForm(PROJECT.steps[0]!, form({ "champ-besoins": "x".repeat(ANSWER_MAX + 1) }));
  expect(tooLong.values).toEqual({});
  expect(tooLong.errors.besoins).toMatch(/^Ce champ compte au plus/);
});

test("the grid: a level 1 to 4 with its justification; anything else is refused next to its criterion", () => {
  expect(readAssessmentForm(PROJECT, form({ "niveau-c1": "3", "justification-c1": "Besoins sourcés.", "niveau-c2": "" }))).toEqual({
    values: { c1: { level: 3, justification: "Besoins sourcés." } },
    errors: {},
  });
  const bad = readAssessmentForm(PROJECT, form({ "niveau-c1": "7", "justification-c2": "Sans niveau." }));
  expect(bad.values).toEqual({});
  expect(bad.errors).toEqual({
    "niveau-c1": "Choisissez un niveau de 1 à 4.",
    "niveau-c2": "Choisissez un niveau pour garder cette justification.",
  });
});
