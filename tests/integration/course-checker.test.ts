/**
 * Each rule of the content checker fails on a copy of the fixture course with exactly one thing
 * broken, and names the file and the reason.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkCourses } from "~/content/check-courses.server.ts";

const FIXTURE = path.resolve("tests/fixtures/courses");
const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function copyFixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-courses-"));
  cpSync(FIXTURE, dir, { recursive: true });
  made.push(dir);
  return dir;
}

function edit(dir: string, file: string, change: (text: string) => string) {
  const target = path.join(dir, file);
  writeFileSync(target, change(readFileSync(target, "utf8")));
}

const INTRO = "lessons/m01-premiers-pas/introduction.mdx";
const CONCLUSION = "lessons/m02-aller-plus-loin/conclusion.mdx";

/**
 * The fixture is a miniature of the engine (lessons of a few dozen words with declared minutes
 * that the end-to-end tests of active time rely on), not a course: the duration rules are tested
 * on it below with `enforceDurations: true`, and left out of every other test.
 */
const ENGINE_FIXTURE = { enforceScenarioBalance: false, enforceDurations: false } as const;

async function problemsAfter(change: (dir: string) => void, options: Parameters<typeof checkCourses>[1] = ENGINE_FIXTURE) {
  const dir = copyFixture();
  change(dir);
  return (await checkCourses(dir, options)).problems;
}

// The engine's fixture scenario is a two-decision case written the way the real scenarios were
// (best option first and longest): the balance rules are tested on it below, so they are off here.
test("the fixture course itself is valid, assessment rules included", async () => {
  expect((await checkCourses(FIXTURE, ENGINE_FIXTURE)).problems).toEqual([]);
  const enforced = await checkCourses(FIXTURE, { ...ENGINE_FIXTURE, enforceAssessmentRules: true, enforceContentForm: true });
  expect(enforced.problems).toEqual([]);
  expect(enforced.warnings.filter((w) => !w.message.includes("le modèle")).map((w) => w.file)).toEqual(
    Array(4).fill("scenarios/cas-essai.yaml"),
  );
});

test("a biased scenario fails the check once the balance rules are enforced, and is only a warning before", async () => {
  const enforced = await checkCourses(FIXTURE, { enforceScenarioBalance: true, enforceDurations: false });
  expect(enforced.problems.map((p) => `${p.file} : ${p.message}`)).toEqual([
    "scenarios/cas-essai.yaml : l'option la mieux notée est aussi la plus longue dans 2 décisions sur 2 (100 %, au plus 40 %)",
    "scenarios/cas-essai.yaml : choisir toujours l'option la plus longue mène à une bonne fin (essai-f1)",
    "scenarios/cas-essai.yaml : choisir toujours la première option écrite mène à une bonne fin (essai-f1)",
    "scenarios/cas-essai.yaml : 1 suite(s) de choix mène(nt) à une bonne fin : il en faut au moins 2, pour qu'il y ait plusieurs façons de bien faire",
  ]);
  expect(enforced.scenarioBalance).toEqual([expect.objectContaining({ scenarioId: "cas-essai", bestIsLongestShare: 1, goodSequences: 1 })]);
  const draft = await checkCourses(FIXTURE, ENGINE_FIXTURE);
  expect(draft.problems).toEqual([]);
  expect(draft.warnings.filter((w) => w.file.startsWith("scenarios/") && !w.message.includes("le modèle"))).toHaveLength(4);
});

describe("the checker refuses", () => {
  test("an unknown frontmatter field", async () => {
    const problems = await problemsAfter((dir) => edit(dir, INTRO, (t) => t.replace("minutes: 8", "minutes: 8\nduree: 8")));
    expect(problems).toContainEqual({ file: INTRO, message: "champ(s) inconnu(s) : duree" });
  });

  test("a lesson without minutes", async () => {
    const problems = await problemsAfter((dir) => edit(dir, INTRO, (t) => t.replace("minutes: 8\n", "")));
    expect(problems).toContainEqual({ file: INTRO, message: "minutes : minutes : durée estimée manquante (entier)" });
  });

  test("a duplicate lesson id", async () => {
    const problems = await problemsAfter((dir) => {
      edit(dir, CONCLUSION, (t) => t.replace("id: e2-1", "id: e1-1"));
      edit(dir, "lessons/m02-aller-plus-loin/module.yaml", (t) => t.replace("[e2-1]", "[e1-1]"));
    });
    expect(problems.map((p) => p.message)).toContain("id de leçon en double : e1-1");
  });

  test("a lesson without sources", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => t.replace(/sources:\n {2}- ref: source-a\n {4}heading: Intertitre A\n/, "sources: []\n")),
    );
    expect(problems).toContainEqual({ file: CONCLUSION, message: "sources : au moins une source (document et intertitre)" });
  });

  test("a source that is not in sources.yaml", async () => {
    const problems = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t.replace("ref: source-a", "ref: source-z")));
    expect(problems).toContainEqual({ file: CONCLUSION, message: "source inconnue « source-z » (voir sources.yaml)" });
  });

  test("a component lessons may not use", async () => {
    const problems = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => `${t}\n<Video src="x" />\n`));
    expect(problems.some((p) => p.file === CONCLUSION && p.message.startsWith("composant <Video> non autorisé"))).toBe(true);
  });

  test("an import from outside the lesson's folder", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => t.replace("## Ce qu'il faut retenir", 'import { useState } from "react";\n\n## Ce qu\'il faut retenir')),
    );
    expect(problems.some((p) => p.file === CONCLUSION && p.message.startsWith("import interdit « react »"))).toBe(true);
  });

  test("a quiz or a simulation that does not exist", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => `${t}\n<Quiz id="quiz-fantome" />\n\n<Simulation id="cas-fantome" />\n`),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("<Quiz> : quiz inconnu « quiz-fantome »"))).toBe(true);
    expect(messages.some((m) => m.startsWith("<Simulation> : simulation inconnue « cas-fantome »"))).toBe(true);
  });

  test("a simulation choice with fewer than two cases, or an unknown one", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => `${t}\n<SimulationChoice ids="cas-essai" />\n\n<SimulationChoice ids="cas-essai cas-fantome" />\n`),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("<SimulationChoice> : proposez au moins deux simulations"))).toBe(true);
    expect(messages.some((m) => m.startsWith("<SimulationChoice> : simulation inconnue « cas-fantome »"))).toBe(true);
  });

  test("recalling an answer to a reflection that does not exist", async () => {
    const problems = await problemsAfter((dir) =>
      edit(
        dir,
        CONCLUSION,
        (t) => `${t}\n<MyAnswer reflection="e1-1-defi" prompt="Votre défi" />\n\n<MyAnswer reflection="e9-fantome" prompt="?" />\n`,
      ),
    );
    expect(problems.filter((p) => p.file === CONCLUSION).map((p) => p.message)).toEqual([
      expect.stringMatching(/^<MyAnswer> : réflexion inconnue « e9-fantome »/),
    ]);
  });

  test("a final project that does not exist, a prefill from an unknown reflection, a path whose lessons never show its project", async () => {
    const problems = await problemsAfter((dir) => {
      edit(dir, CONCLUSION, (t) => `${t}\n<FinalProject id="projet-fantome" />\n`);
      edit(dir, "projects/projet-essai.yaml", (t) => t.replace("prefillFrom: e1-1-defi", "prefillFrom: e9-fantome"));
      edit(dir, "lessons/m03-projet/projet-final.mdx", (t) => t.replace('<FinalProject id="projet-essai" />', ""));
    });
    const messages = problems.map((p) => `${p.file} : ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lessons\/m02-aller-plus-loin\/conclusion\.mdx : <FinalProject> : projet inconnu « projet-fantome »/),
        "projects/projet-essai.yaml : champ defi : prefillFrom « e9-fantome » n'est la réponse d'aucune <Reflection>",
        'paths/projet.yaml : projet final : aucune leçon du parcours ne contient <FinalProject id="projet-essai" />',
      ]),
    );
  });

  test("a project with a duplicate field, or a grid whose bar cannot be reached", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, "projects/projet-essai.yaml", (t) => t.replace("- id: actions", "- id: besoins").replace("minTotal: 5", "minTotal: 9")),
    );
    expect(problems.filter((p) => p.file === "projects/projet-essai.yaml").map((p) => p.message)).toEqual([
      "champ en double : besoins",
      "minTotal dépasse le total possible de la grille",
    ]);
  });

  test("a broken internal link, and a relative one", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => `${t}\n[perdu](/parcours/essai/nulle-part) et [relatif](introduction)\n`),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("lien interne cassé « /parcours/essai/nulle-part »"))).toBe(true);
    expect(messages.some((m) => m.startsWith("lien relatif « introduction »"))).toBe(true);
  });

  test("a glossary term that does not exist", async () => {
    const problems = await problemsAfter((dir) => edit(dir, INTRO, (t) => t.replace('term="Alliance"', 'term="Synergie"')));
    expect(problems.some((p) => p.file === INTRO && p.message.startsWith("<Definition> : terme absent du glossaire « Synergie »"))).toBe(
      true,
    );
  });

  test("a component with a missing, unknown or non-literal attribute", async () => {
    const problems = await problemsAfter((dir) =>
      edit(
        dir,
        CONCLUSION,
        (t) =>
          `${t}\n<KeyFigure value="3" label="trois" source="source-a" />\n\n<Callout kind="info" couleur="rouge">x</Callout>\n\n<ForProfile profile={"elu"}>x</ForProfile>\n`,
      ),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("<KeyFigure> : attribut « heading » manquant"))).toBe(true);
    expect(messages.some((m) => m.startsWith("<Callout> : attribut inconnu « couleur »"))).toBe(true);
    expect(messages.some((m) => m.startsWith("<ForProfile> : « profile » doit être un texte entre guillemets"))).toBe(true);
  });

  test("a diagram without title, without text alternative, without items, or with items that are not plain data", async () => {
    const items = '[{ label: "Un" }, { label: "Deux" }]';
    const problems = await problemsAfter((dir) =>
      edit(
        dir,
        CONCLUSION,
        (t) =>
          `${t}\n<DiagramCycle alt="Deux étapes." source="source-a" items={${items}} />\n\n` +
          `<DiagramMatrix title="Sans texte" source="source-a" items={${items}} />\n\n` +
          `<DiagramColumns title="Vide" alt="Rien." source="source-a" />\n\n` +
          `<DiagramTimeline title="Calculé" alt="Une frise." source="source-a" items={[1, 2].map((n) => ({ label: String(n) }))} />\n\n` +
          `<DiagramContinuum title="Bavard" alt="Un axe." source="source-z" from="A" to="B" items={[{ label: "Un libellé bien trop long pour la case" }, { text: "sans libellé" }]} />\n\n` +
          `<DiagramCycle title="Juste" alt="Deux étapes qui se suivent." source="source-a" items={${items}} />\n`,
      ),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message.replace(/ \(ligne \d+\)$/, ""));
    expect(messages).toEqual([
      "<DiagramCycle> : attribut « title » manquant",
      "<DiagramMatrix> : attribut « alt » manquant",
      "<DiagramColumns> : attribut « items » manquant",
      "<DiagramTimeline> : items : « items » doit être une liste d'éléments { label, text, items }",
      "<DiagramContinuum> : items[1].label : label manquant",
      "<DiagramContinuum> : source inconnue « source-z »",
    ]);
  });

  test("a diagram label too long to be drawn", async () => {
    const problems = await problemsAfter((dir) =>
      edit(
        dir,
        CONCLUSION,
        (t) =>
          `${t}\n<DiagramCycle title="Bavard" alt="Deux étapes." source="source-a" items={[{ label: "Un libellé bien trop long" }, { label: "2. Court" }]} />\n`,
      ),
    );
    expect(problems.filter((p) => p.file === CONCLUSION).map((p) => p.message.replace(/ \(ligne \d+\)$/, ""))).toEqual([
      "<DiagramCycle> : « Un libellé bien trop long » : 4 mots au plus dans le schéma (le reste va dans « text »)",
    ]);
  });

  test("a profile or a callout kind that does not exist", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, CONCLUSION, (t) => `${t}\n<ForProfile profile="maire">x</ForProfile>\n\n<Callout kind="astuce">x</Callout>\n`),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages.some((m) => m.startsWith("<ForProfile> : profil « maire » inconnu"))).toBe(true);
    expect(messages.some((m) => m.startsWith("<Callout> : kind « astuce » invalide"))).toBe(true);
  });

  test("a model answer that names no reflection of its lesson", async () => {
    const problems = await problemsAfter((dir) =>
      edit(
        dir,
        CONCLUSION,
        (t) =>
          `${t}\n<Reflection id="e2-1-lecture" prompt="Votre lecture ?" />\n\n<ModelAnswer reflection="e2-1-lecture">Une lecture.</ModelAnswer>\n\n<ModelAnswer reflection="e1-1-defi" titre="x">Ailleurs.</ModelAnswer>\n`,
      ),
    );
    const messages = problems.filter((p) => p.file === CONCLUSION).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^<ModelAnswer> : attribut inconnu « titre »/),
      expect.stringMatching(/^<ModelAnswer> : « e1-1-defi » n'est l'id d'aucune <Reflection> de cette leçon/),
    ]);
  });

  test("two reflections with the same id", async () => {
    const problems = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => `${t}\n<Reflection id="e1-1-defi" prompt="Encore ?" />\n`));
    expect(problems.some((p) => p.message.startsWith("<Reflection> : id « e1-1-defi » déjà utilisé dans"))).toBe(true);
  });

  test("a key figure shown in more than two lessons (issue 19: each fact has one home lesson)", async () => {
    const figure = (value: string) =>
      `\n<KeyFigure value="${value}" label="des répondants (2020)" source="source-a" heading="Intertitre A" />\n`;
    const twice = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t + figure("92 %")));
    expect(twice.filter((p) => p.message.includes("KeyFigure"))).toEqual([]);
    // Spacing and case do not make another value: « 92\u00A0% » is « 92 % ».
    const thrice = await problemsAfter((dir) => {
      edit(dir, CONCLUSION, (t) => t + figure("92 %"));
      edit(dir, "lessons/m01-premiers-pas/carte-des-acteurs/index.mdx", (t) => t + figure("92\u00A0%"));
    });
    expect(thrice.filter((p) => p.message.includes("KeyFigure"))).toEqual([
      {
        file: "lessons/m01-premiers-pas/carte-des-acteurs/index.mdx, lessons/m01-premiers-pas/introduction.mdx, lessons/m02-aller-plus-loin/conclusion.mdx",
        message:
          '<KeyFigure value="92 %"> dans 3 leçons (au plus 2) : gardez le chiffre dans sa leçon de référence et rappelez-le ailleurs par une phrase et un lien',
      },
    ]);
  });

  test("a key figure label over 15 words, a caveat about the sources in the running text, two « Sources et limites » blocks (issue 19)", async () => {
    const enforced = { ...ENGINE_FIXTURE, enforceContentForm: true };
    const long = "des chefs d'entreprise interrogés en juin 2020 par la même étude jugent le jouer collectif indispensable";
    const figure = (label: string, note = "") =>
      `\n<KeyFigure value="84 %" label="${label}"${note ? ` note="${note}"` : ""} source="source-a" heading="Intertitre A" />\n`;
    const tooLong = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t + figure(long)), enforced);
    expect(tooLong).toContainEqual({
      file: CONCLUSION,
      message: expect.stringMatching(/^<KeyFigure value="84\s%"> : libellé de 16 mots \(au plus 15\) ; .*note=/),
    });
    // The same detail split into a short label and a note passes.
    const split = await problemsAfter(
      (dir) =>
        edit(
          dir,
          CONCLUSION,
          (t) => t + figure("des chefs d'entreprise jugent le jouer collectif indispensable", "Même étude, juin 2020."),
        ),
      enforced,
    );
    expect(split).toEqual([]);

    const hedge = "\nLa source ne précise pas la taille de l'échantillon.\n";
    const inText = await problemsAfter(
      (dir) => edit(dir, CONCLUSION, (t) => t.replace("Une conclusion courte.", `Une conclusion courte.${hedge}`)),
      enforced,
    );
    expect(inText).toContainEqual({
      file: CONCLUSION,
      message: expect.stringMatching(/^« ne précise pas » dans le texte : les réserves sur les sources vont dans le bloc <SourceNotes>/),
    });
    const inNotes = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => `${t}\n<SourceNotes>\n${hedge}\n</SourceNotes>\n`), enforced);
    expect(inNotes).toEqual([]);
    const twice = await problemsAfter(
      (dir) => edit(dir, CONCLUSION, (t) => `${t}\n<SourceNotes>\nA.\n</SourceNotes>\n\n<SourceNotes>\nB.\n</SourceNotes>\n`),
      enforced,
    );
    expect(twice).toContainEqual({ file: CONCLUSION, message: expect.stringMatching(/^<SourceNotes> 2 fois : une seule par leçon/) });

    // Not enforced, the same problems are warnings and the check passes.
    const dir = copyFixture();
    edit(dir, CONCLUSION, (t) => t + figure(long));
    const lenient = await checkCourses(dir, { ...ENGINE_FIXTURE, enforceContentForm: false });
    expect(lenient.problems).toEqual([]);
    expect(lenient.warnings.some((w) => w.message.includes("libellé de 16 mots"))).toBe(true);
  });

  test("a module of a published path without « Notes pour animer » (issue 19)", async () => {
    const enforced = { ...ENGINE_FIXTURE, enforceContentForm: true };
    const problems = await problemsAfter(
      (dir) => edit(dir, CONCLUSION, (t) => t.replace(/<TrainerNotes>[\s\S]*<\/TrainerNotes>/, "")),
      enforced,
    );
    expect(problems).toEqual([
      {
        file: "lessons/m02-aller-plus-loin/module.yaml",
        message:
          "module m2 sans <TrainerNotes> (« Notes pour animer » : déroulé, minutage, une question de discussion) dans l'une de ses leçons",
      },
    ]);
  });

  test("a lesson whose declared minutes the time model does not confirm (± 15 %), a path whose model misses its duration (± 10 %)", async () => {
    const durations = { enforceScenarioBalance: false, enforceDurations: true } as const;
    // e2-1 holds 26 words, 5 quiz questions and 2 decisions: 6 min by the model, 6 declared.
    const before = await problemsAfter(() => undefined, durations);
    expect(before.some((p) => p.file === CONCLUSION)).toBe(false);
    const inflated = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t.replace("minutes: 6", "minutes: 8")), durations);
    expect(inflated).toContainEqual({
      file: CONCLUSION,
      message: expect.stringMatching(
        /^e2-1 déclare 8 min, le modèle en donne 6 \(26 mots, 0 réflexion\(s\), 5 question\(s\), 2 décision\(s\)\) : écart de plus de 15 % ; déclarez 6 min, ou ajustez le contenu$/,
      ),
    });
    // The fixture's 20-minute path models at 8 min: far outside 18–22 min.
    expect(before).toContainEqual({
      file: "paths/essai.yaml",
      message: expect.stringMatching(/^parcours-essai : le modèle donne 8 min pour une durée annoncée de 20 min \(± 10 % : 18–22 min\)/),
    });
    // A draft path is left alone.
    expect(before.some((p) => p.file === "paths/brouillon.yaml")).toBe(false);
    // A simulation announcing far more than its runs take (the real cases said 35 min for 8–10 decisions).
    expect(before.some((p) => p.file === "scenarios/cas-essai.yaml")).toBe(false);
    const announced = await problemsAfter(
      (dir) => edit(dir, "scenarios/cas-essai.yaml", (t) => t.replace("minutes: 3", "minutes: 35")),
      durations,
    );
    expect(announced).toContainEqual({
      file: "scenarios/cas-essai.yaml",
      message: expect.stringMatching(
        /^annonce 35 min, le modèle en donne 2 à 3 \(lecture, puis une minute par décision du plus court au plus long parcours\)/,
      ),
    });
    const lenient = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t.replace("minutes: 6", "minutes: 8")));
    expect(lenient.some((p) => p.message.includes("le modèle"))).toBe(false);
  });

  test("a published path whose lessons do not add up to its duration ± 10 %", async () => {
    const problems = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => t.replace("minutes: 6", "minutes: 16")));
    expect(problems).toContainEqual({
      file: "paths/essai.yaml",
      message:
        "durée estimée de 30 min hors de la fourchette 18–22 min (nominal 20 min ± 10 %) ; marquez le parcours draft: true s'il est en construction",
    });
  });

  test("but not a draft path, which may be incomplete", async () => {
    // brouillon.yaml (240 min nominal) holds 6 minutes of lessons and is draft: no problem reported.
    const problems = await problemsAfter(() => undefined);
    expect(problems.filter((p) => p.file === "paths/brouillon.yaml")).toEqual([]);
    const undrafted = await problemsAfter((dir) => edit(dir, "paths/brouillon.yaml", (t) => t.replace("draft: true", "draft: false")));
    expect(undrafted.some((p) => p.file === "paths/brouillon.yaml" && p.message.startsWith("durée estimée de 6 min"))).toBe(true);
  });

  test("a path listing an unknown module", async () => {
    const problems = await problemsAfter((dir) => edit(dir, "paths/essai.yaml", (t) => t.replace("[m1, m2]", "[m1, m2, m9]")));
    expect(problems).toContainEqual({ file: "paths/essai.yaml", message: "module inconnu : m9" });
  });

  test("a module listing a lesson that is not in its folder, and a lesson the module forgot", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, "lessons/m01-premiers-pas/module.yaml", (t) => t.replace("[e1-1, e1-2]", "[e1-1, e1-9]")),
    );
    const file = "lessons/m01-premiers-pas/module.yaml";
    expect(problems).toContainEqual({ file, message: "leçon e1-9 introuvable dans ce dossier" });
    expect(problems.some((p) => p.file === file && p.message.startsWith("la leçon e1-2"))).toBe(true);
  });

  test("a lesson that does not compile", async () => {
    const problems = await problemsAfter((dir) => edit(dir, CONCLUSION, (t) => `${t}\n<Callout kind="info">\nnon fermé\n`));
    expect(problems.some((p) => p.file === CONCLUSION && p.message.startsWith("ne compile pas"))).toBe(true);
  });

  test("invalid YAML, with the file named", async () => {
    const problems = await problemsAfter((dir) => edit(dir, "paths/essai.yaml", (t) => `${t}\n  : : :\n`));
    expect(problems.some((p) => p.file === "paths/essai.yaml" && p.message.startsWith("YAML invalide"))).toBe(true);
  });
});

describe("the checker refuses a quiz", () => {
  const QUIZ = "quizzes/quiz-essai.yaml";

  test("whose choix unique has two right answers", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, QUIZ, (t) => t.replace("      - text: Vert\n", "      - text: Vert\n        correct: true\n")),
    );
    expect(problems).toContainEqual({ file: QUIZ, message: "question essai-cu : un choix unique a exactement une bonne réponse (ici 2)" });
  });

  test("with a pass mark over 100, or an unknown question type", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, QUIZ, (t) => t.replace("passMark: 70", "passMark: 150").replace("type: vrai-faux", "type: devinette")),
    );
    const messages = problems.filter((p) => p.file === QUIZ).map((p) => p.message);
    expect(messages).toContain("passMark : seuil entre 0 et 100");
    expect(messages.some((m) => m.startsWith("questions.1"))).toBe(true);
  });

  test("reusing a question that does not exist, or drawing more questions than it has", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, QUIZ, (t) => t.replace("draw: 3", "draw: 9").replace("questions:\n", "questions:\n  - from: question-fantome\n")),
    );
    expect(problems).toContainEqual({ file: QUIZ, message: "question reprise introuvable : question-fantome" });
    expect(problems).toContainEqual({ file: QUIZ, message: "draw (9) dépasse le nombre de questions (5)" });
  });

  test("asking not to shuffle its options: the order of a choice is never its answer", async () => {
    const problems = await problemsAfter((dir) => edit(dir, QUIZ, (t) => t.replace("attempts: 3", "attempts: 3\nshuffleOptions: false")));
    expect(problems).toContainEqual({
      file: QUIZ,
      message:
        "shuffleOptions : les options sont toujours mélangées à chaque tentative (leur ordre n'est jamais la réponse) ; retirez cette ligne",
    });
  });

  test("defining a question id twice, or citing an unknown source", async () => {
    const problems = await problemsAfter((dir) => {
      edit(dir, QUIZ, (t) =>
        t.replace(
          "ref: source-b, heading: Intertitre B }\n    objective: 2\n  - id: essai-as",
          "ref: source-z, heading: Intertitre B }\n    objective: 2\n  - id: essai-as",
        ),
      );
      writeFileSync(
        path.join(dir, "quizzes/autre.yaml"),
        "id: autre\ntitle: Autre\npassMark: 50\nquestions:\n  - id: essai-vf\n    type: vrai-faux\n    stem: Encore ?\n    answer: false\n    feedback: Non.\n    source: { ref: source-a, heading: A }\n",
      );
    });
    // Files are read in name order: autre.yaml defines essai-vf first.
    expect(problems).toContainEqual({ file: QUIZ, message: "id de question en double : essai-vf (déjà dans quizzes/autre.yaml)" });
    expect(problems).toContainEqual({ file: QUIZ, message: "question essai-cm : source inconnue « source-z »" });
  });
});

describe("the checker refuses a path's final assessment", () => {
  const PATH = "paths/essai.yaml";

  test("missing on a published path (it decides the certificate)", async () => {
    const problems = await problemsAfter((dir) => edit(dir, PATH, (t) => t.replace("finalAssessment: quiz-essai\n", "")));
    expect(problems).toContainEqual({
      file: PATH,
      message: "évaluation finale manquante (finalAssessment: <id de quiz>) : un parcours publié délivre un certificat",
    });
  });

  test("naming a quiz that does not exist", async () => {
    const problems = await problemsAfter((dir) =>
      edit(dir, PATH, (t) => t.replace("finalAssessment: quiz-essai", "finalAssessment: quiz-fantome")),
    );
    expect(problems).toContainEqual({ file: PATH, message: "évaluation finale : quiz inconnu « quiz-fantome »" });
  });

  test("naming a practice quiz, or one no lesson of the path contains", async () => {
    const problems = await problemsAfter((dir) => {
      edit(dir, "quizzes/quiz-essai.yaml", (t) => t.replace("kind: evaluation-finale", "kind: entrainement"));
      edit(dir, CONCLUSION, (t) => t.replace('<Quiz id="quiz-essai" />', ""));
    });
    expect(problems).toContainEqual({
      file: PATH,
      message: "évaluation finale : le quiz « quiz-essai » doit avoir kind: evaluation-finale",
    });
    expect(problems).toContainEqual({
      file: PATH,
      message: 'évaluation finale : aucune leçon du parcours ne contient <Quiz id="quiz-essai" />',
    });
  });

  test("but not on a draft path, which delivers no certificate", async () => {
    const problems = await problemsAfter((dir) => edit(dir, PATH, (t) => t.replace("finalAssessment: quiz-essai\n", "draft: true\n")));
    expect(problems.filter((p) => p.file === PATH)).toEqual([]);
  });

  test("of another path inside this one (its lesson would promise the wrong certificate)", async () => {
    const problems = await problemsAfter((dir) => {
      // The project path gets a final of its own, but still contains the test path's final.
      writeFileSync(
        path.join(dir, "quizzes/quiz-projet.yaml"),
        "id: quiz-projet\ntitle: Évaluation du projet\nkind: evaluation-finale\npassMark: 50\nquestions:\n  - id: projet-vf\n    type: vrai-faux\n    stem: Un projet se remet ?\n    answer: true\n    feedback: Oui.\n    objective: 1\n    source: { ref: source-a, heading: Intertitre A }\n",
      );
      edit(dir, "paths/projet.yaml", (t) => t.replace("finalAssessment: quiz-essai", "finalAssessment: quiz-projet"));
      edit(dir, "lessons/m03-projet/projet-final.mdx", (t) => `${t}\n<Quiz id="quiz-projet" />\n`);
    });
    expect(problems.filter((p) => p.message.includes("contient l'évaluation finale"))).toEqual([
      expect.objectContaining({
        file: "paths/projet.yaml",
        message: expect.stringMatching(/^la leçon « .+ » \(.+\) contient l'évaluation finale du parcours « Parcours d'essai »/),
      }),
    ]);
  });
});

describe("the assessment rules (final pools of unseen cases tagged by objective, no length tell)", () => {
  const QUIZ = "quizzes/quiz-essai.yaml";
  /** The fixture's final made as the real content was: all reused in practice, untagged, the right option longest, every question every time. */
  const biased = (dir: string) => {
    edit(dir, "quizzes/quiz-entrainement.yaml", (t) =>
      t.replace("  - from: essai-vf\n", "  - from: essai-vf\n  - from: essai-cm\n  - from: essai-as\n  - from: essai-ro\n"),
    );
    edit(dir, QUIZ, (t) =>
      t
        .replace("draw: 3\n", "")
        .replace(/ {4}objective: \d\n/g, "")
        .replace(
          "      - text: Dix-sept\n        feedback: Dix-sept est impair, même s'il est plus long à écrire.\n",
          "      - text: Sept\n",
        ),
    );
  };

  test("fail the check once enforced, naming each broken rule", async () => {
    const dir = copyFixture();
    biased(dir);
    const { problems } = await checkCourses(dir, { ...ENGINE_FIXTURE, enforceAssessmentRules: true });
    const messages = problems.map((p) => `${p.file} : ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "quizzes/quiz-essai.yaml : 0 des 5 questions (0 %) n'ont jamais été montrées dans un quiz d'entraînement : il en faut au moins 50 %, des cas nouveaux qui appliquent le cours. Déjà vues : essai-cu, essai-vf, essai-cm, essai-as, essai-ro",
        "quizzes/quiz-essai.yaml : réserve de 5 questions pour 5 par tentative (sans draw, toutes) : il en faut au moins 8 (draw + moitié du draw) pour que deux tentatives successives partagent au plus la moitié de leurs questions",
        "quizzes/quiz-essai.yaml : questions sans objective (le numéro de l'objectif du parcours parcours-essai qu'elles évaluent) : essai-cu, essai-vf, essai-cm, essai-as, essai-ro",
        "quizzes/quiz-essai.yaml : objectif 1 du parcours parcours-essai (« Lire trois leçons. ») évalué par 0 question : il en faut au moins 2",
        "quizzes/quiz-essai.yaml : quiz : la bonne réponse est l'option la plus longue dans 1 des 1 questions à choix de 3 options ou plus (100 %, au plus 40 %) : essai-cm",
        "quizzes/quiz-essai.yaml : options fausses sans rétroaction (dites pourquoi l'option tente et pourquoi elle ne suffit pas) : essai-cm (1)",
        "paths/essai.yaml : parcours parcours-essai (quiz de ses leçons et évaluation finale) : la bonne réponse est l'option la plus longue dans 1 des 1 questions à choix de 3 options ou plus (100 %, au plus 40 %) : essai-cm",
      ]),
    );
  });

  test("are printed as warnings, and pass, while not enforced", async () => {
    const dir = copyFixture();
    biased(dir);
    const report = await checkCourses(dir, { ...ENGINE_FIXTURE, enforceAssessmentRules: false });
    expect(report.problems).toEqual([]);
    expect(report.warnings.map((w) => w.message)).toContain(
      "quiz : la bonne réponse est l'option la plus longue dans 1 des 1 questions à choix de 3 options ou plus (100 %, au plus 40 %) : essai-cm",
    );
    const final = report.assessment.paths.find((p) => p.pathId === "parcours-essai")?.final;
    expect(final).toMatchObject({
      pool: 5,
      unseen: 0,
      draw: 5,
      minPool: 8,
      choices: 1,
      longestRight: 1,
      untagged: 5,
      objectivesCovered: 0,
      objectives: 2,
    });
  });

  test("refuse at once an objective the path does not have, or one in a practice quiz", async () => {
    const problems = await problemsAfter((dir) => {
      edit(dir, QUIZ, (t) => t.replace("    objective: 1\n", "    objective: 3\n"));
      edit(dir, "quizzes/quiz-entrainement.yaml", (t) => t.replace("  - from: essai-vf\n", "  - { from: essai-vf, objective: 1 }\n"));
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        { file: QUIZ, message: "question essai-cu : objective 3 n'existe pas (le parcours parcours-essai a 2 objectifs)" },
        { file: QUIZ, message: "question essai-cu : objective 3 n'existe pas (le parcours parcours-projet a 2 objectifs)" },
        {
          file: "quizzes/quiz-entrainement.yaml",
          message: "question essai-vf : objective ne s'emploie que dans une évaluation finale (il renvoie aux objectifs de son parcours)",
        },
      ]),
    );
  });
});

describe("the checker refuses a wording written another way (issue 17)", () => {
  test("« de Le RAMEAU », a variant inclusive form or another SilverGeek, in a lesson, a quiz, the glossary and a scenario", async () => {
    const dir = copyFixture();
    edit(dir, INTRO, (t) =>
      t.replace("## Pourquoi cette leçon\n", "## Pourquoi cette leçon\n\nLes travaux de Le RAMEAU et des élu(e)s.\n"),
    );
    edit(dir, "quizzes/quiz-essai.yaml", (t) =>
      t.replace("Quelle couleur a le ciel par beau temps ?", "Quelle couleur voient les élus/élues de Silver Geek ?"),
    );
    edit(dir, "glossary.yaml", (t) => `${t}\n# Merci à Le RAMEAU.\n`);
    edit(dir, "scenarios/cas-essai.yaml", (t) => t.replace("Vous êtes adjoint·e au maire", "Vous êtes adjoint·e·s au maire"));
    // The fixture's scenario is biased on purpose (balance rules are tested on it): left out here.
    const lenient = await checkCourses(dir, ENGINE_FIXTURE);
    const messages = lenient.problems.map((problem) => `${problem.file} : ${problem.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`^${INTRO} : « de Le RAMEAU » : écrivez « du RAMEAU » \\(ligne \\d+\\)$`)),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(new RegExp(`^${INTRO} : « élu\\(e\\)s » : écriture inclusive avec le point médian`)),
    );
    expect(messages).toContainEqual(expect.stringMatching(/^quizzes\/quiz-essai\.yaml : « élus\/élues » /));
    expect(messages).toContainEqual(expect.stringMatching(/^quizzes\/quiz-essai\.yaml : « Silver Geek » : écrivez « SilverGeek »/));
    expect(messages).toContainEqual(expect.stringMatching(/^glossary\.yaml : « à Le RAMEAU » : écrivez « au RAMEAU »/));
    // Scenarios too (ENFORCE_WORDING_IN_SCENARIOS is on); a draft may turn it off and get a warning.
    expect(lenient.problems).toContainEqual({
      file: "scenarios/cas-essai.yaml",
      message: expect.stringContaining("« adjoint·e·s » : un seul point médian"),
    });
    const draft = await checkCourses(dir, { ...ENGINE_FIXTURE, enforceWordingInScenarios: false });
    expect(draft.warnings).toContainEqual({
      file: "scenarios/cas-essai.yaml",
      message: expect.stringContaining("« adjoint·e·s » : un seul point médian"),
    });
    expect(draft.problems.filter((problem) => problem.file.startsWith("scenarios"))).toEqual([]);
  });
});

describe("the time model (issue 16)", () => {
  const ESSAI = "paths/essai.yaml";

  test("is printed per lesson beside the declared minutes, and per path with the certificate's active time", async () => {
    const report = await checkCourses(FIXTURE);
    expect(report.time.lessons.find((row) => row.lessonId === "e2-1")).toMatchObject({ declaredMinutes: 6, minimumMinutes: 2 });
    expect(report.time.paths.find((row) => row.pathId === "parcours-essai")).toMatchObject({
      nominalMinutes: 20,
      share: 0.5,
      requiredActiveMinutes: 10,
    });
  });

  test("a path may ask for its own share of active time, between 0 and 1", async () => {
    const dir = copyFixture();
    edit(dir, ESSAI, (t) => `${t.trimEnd()}\nminActiveShare: 0.25\n`);
    const report = await checkCourses(dir, ENGINE_FIXTURE);
    expect(report.problems).toEqual([]);
    expect(report.time.paths.find((row) => row.pathId === "parcours-essai")).toMatchObject({ share: 0.25, requiredActiveMinutes: 5 });

    const problems = await problemsAfter((other) => edit(other, ESSAI, (t) => `${t.trimEnd()}\nminActiveShare: 1.5\n`));
    expect(problems).toContainEqual({ file: ESSAI, message: "minActiveShare : une part entre 0 et 1 (0.5 = la moitié de la durée)" });
  });
});
