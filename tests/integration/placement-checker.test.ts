/**
 * courses:check's part for courses/placement: each rule fails on a copy of the fixture course with
 * exactly one thing broken, naming the file and the reason; and the real courses/ passes it.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkPlacementContent } from "~/placement/load-placement.server.ts";

const FIXTURE = path.resolve("tests/fixtures/courses");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const VALID = `path: parcours-essai
questions:
  - id: cadre
    question: Dans quel cadre suivez-vous ce parcours ?
    options: [Élu·e, Agent·e public, Autre situation.]
  - id: experience
    question: Avez-vous déjà travaillé en partenariat ?
    options: [Jamais., Parfois., Souvent.]
  - id: attentes
    question: Qu'attendez-vous de ce parcours ?
    hint: Quelques mots suffisent.
`;

/** The fixture with courses/placement/essai.yaml holding `text`; the problems the check reports. */
function problemsWith(text: string, options?: Parameters<typeof checkPlacementContent>[1]) {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-placement-"));
  made.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, "placement"));
  writeFileSync(path.join(dir, "placement/essai.yaml"), text);
  return checkPlacementContent(dir, options ?? { requireEveryPath: false });
}

const FILE = "placement/essai.yaml";

test("the real courses/ has valid questions for every published path", () => {
  expect(checkPlacementContent(path.resolve("courses"))).toEqual([]);
});

test("a valid file passes; every published path without one is named when they are all required", () => {
  expect(problemsWith(VALID)).toEqual([]);
  expect(problemsWith(VALID, { requireEveryPath: true })).toEqual([
    { file: "paths/projet.yaml", message: "pas de questions de positionnement (courses/placement/projet.yaml)" },
  ]);
});

describe("the check refuses", () => {
  test("a file that is not YAML", () => {
    expect(problemsWith("path: [parcours-essai\n")[0]).toMatchObject({ file: FILE, message: expect.stringMatching(/^YAML invalide/) });
  });

  test("an unknown path", () => {
    expect(problemsWith(VALID.replace("parcours-essai", "parcours-inconnu"))).toEqual([
      { file: FILE, message: "parcours inconnu\u00A0: parcours-inconnu" },
    ]);
  });

  test("fewer than 3 or more than 5 questions", () => {
    const two = VALID.split("  - id: attentes")[0]!;
    expect(problemsWith(two)).toEqual([{ file: FILE, message: "questions : au moins 3 questions de positionnement" }]);
    const extra = ["a", "b", "c"].map((id) => `  - id: q${id}\n    question: Une question de plus ?\n`).join("");
    expect(problemsWith(VALID + extra)).toEqual([{ file: FILE, message: "questions : au plus 5 questions de positionnement" }]);
  });

  test("a repeated question id, and a repeated option", () => {
    expect(problemsWith(VALID.replace("id: experience", "id: cadre"))).toContainEqual({
      file: FILE,
      message: "question en double\u00A0: cadre",
    });
    expect(problemsWith(VALID.replace("[Jamais., Parfois., Souvent.]", "[Jamais., Jamais.]"))).toEqual([
      { file: FILE, message: "option en double dans la question experience" },
    ]);
  });

  test("an unknown field, an empty question, a single option", () => {
    expect(problemsWith(VALID.replace("hint:", "bonneReponse: oui\n    hint:"))).toEqual([
      { file: FILE, message: "questions.2 : champ(s) inconnu(s) : bonneReponse" },
    ]);
    expect(problemsWith(VALID.replace("question: Qu'attendez-vous de ce parcours ?", 'question: " "'))).toEqual([
      { file: FILE, message: "questions.2.question : question vide" },
    ]);
    expect(problemsWith(VALID.replace("[Jamais., Parfois., Souvent.]", "[Jamais.]"))).toEqual([
      { file: FILE, message: "questions.1.options : au moins deux options" },
    ]);
  });

  test("a second file for the same path", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "aafa-placement-"));
    made.push(dir);
    cpSync(FIXTURE, dir, { recursive: true });
    mkdirSync(path.join(dir, "placement"));
    writeFileSync(path.join(dir, "placement/essai.yaml"), VALID);
    writeFileSync(path.join(dir, "placement/essai-bis.yaml"), VALID);
    expect(checkPlacementContent(dir, { requireEveryPath: false })).toEqual([
      {
        file: "placement/essai.yaml",
        message: "le parcours parcours-essai a déjà ses questions de positionnement (placement/essai-bis.yaml)",
      },
    ]);
  });
});
