/**
 * The content checker's rules, as pure functions over the catalogue and what each lesson's compile
 * recorded. app/content/check-courses.server.ts does the reading and compiling; the rules live here so each can
 * be tested on its own.
 */
import { pathLessons, pathMinutes, type Catalog } from "./catalog.ts";
import { AUDIENCES } from "./course-schema.ts";
import type { Problem } from "./load-catalog.server.ts";
import { choiceIds, type LessonUsage } from "./mdx-usage.ts";
import { diagramItemsSchema, DIAGRAM_TYPES, MAX_LABEL_WORDS, MAX_SUBITEM_WORDS } from "./diagram-schema.ts";

/** Tolerance of a published path's total around its nominal duration. */
const DURATION_TOLERANCE = 0.1;

const CALLOUT_KINDS = ["a-retenir", "attention", "info", "debat"] as const;

/** Plain HTML elements a lesson may write as JSX. */
const HTML_ELEMENTS = new Set(["abbr", "br", "sup", "sub", "small", "kbd", "em", "strong", "span"]);

interface AttributeRule {
  required: string[];
  optional?: string[];
  /** Attributes written as data (`items={[…]}`) rather than as quoted text. */
  data?: string[];
}

// `source` may be left out only for a procedure the course itself proposes (a revision loop…).
const DIAGRAM_RULE: AttributeRule = { required: ["title", "alt", "items"], optional: ["source", "heading"], data: ["items"] };

/** The fixed set of lesson components (app/mdx/) and their attributes. */
const COMPONENT_RULES: Record<string, AttributeRule> = {
  KeyFigure: { required: ["value", "label", "source", "heading"], optional: ["note"] },
  Definition: { required: ["term"] },
  CaseStudy: { required: ["title"] },
  Callout: { required: ["kind"], optional: ["title"] },
  Source: { required: ["ref", "heading"] },
  ForProfile: { required: ["profile"] },
  SourceNotes: { required: [] },
  TrainerNotes: { required: [] },
  Reflection: { required: ["id", "prompt"] },
  MyAnswer: { required: ["reflection", "prompt"] },
  ModelAnswer: { required: ["reflection"], optional: ["title"] },
  Quiz: { required: ["id"] },
  Simulation: { required: ["id"] },
  SimulationChoice: { required: ["ids"] },
  FinalProject: { required: ["id"] },
  ...Object.fromEntries(DIAGRAM_TYPES.map((type) => [type, DIAGRAM_RULE])),
  DiagramContinuum: { ...DIAGRAM_RULE, required: [...DIAGRAM_RULE.required, "from", "to"] },
  DiagramCycle: { ...DIAGRAM_RULE, optional: [...DIAGRAM_RULE.optional!, "loop"] },
};

// A step number (« 3. ») is not a word the picture has to fit.
const words = (text: string) => text.trim().split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;

/** A diagram's items: a list of at least two, each with a short label (diagram-schema.ts). */
function diagramProblems(name: string, data: unknown): string[] {
  const parsed = diagramItemsSchema.safeParse(data);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `<${name}> : items${issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("")} : ${issue.message}`);
  }
  const problems: string[] = [];
  for (const item of parsed.data) {
    if (words(item.label) > MAX_LABEL_WORDS) problems.push(`<${name}> : « ${item.label} » : ${MAX_LABEL_WORDS} mots au plus dans le schéma (le reste va dans « text »)`);
    for (const sub of item.items ?? []) {
      if (words(sub) > MAX_SUBITEM_WORDS) problems.push(`<${name}> : « ${sub} » : ${MAX_SUBITEM_WORDS} mots au plus par sous-élément`);
    }
  }
  return problems;
}

function duplicates<T>(items: T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) repeated.add(value);
    seen.add(value);
  }
  return [...repeated];
}

/** Identifiers, references between files, and path durations. */
export function checkCatalog(catalog: Catalog): Problem[] {
  const problems: Problem[] = [];
  const sourceIds = new Set(catalog.sources.map((source) => source.id));

  for (const id of duplicates(catalog.paths, (path) => path.id)) problems.push({ file: "paths/", message: `id de parcours en double : ${id}` });
  for (const slug of duplicates(catalog.paths, (path) => path.slug)) problems.push({ file: "paths/", message: `slug de parcours en double : ${slug}` });
  for (const id of duplicates(catalog.modules, (module) => module.id)) problems.push({ file: "lessons/", message: `id de module en double : ${id}` });
  for (const id of duplicates(catalog.lessons, (lesson) => lesson.id)) {
    const files = catalog.lessons.filter((lesson) => lesson.id === id).map((lesson) => lesson.file);
    problems.push({ file: files.join(", "), message: `id de leçon en double : ${id}` });
  }
  for (const slug of duplicates(catalog.lessons, (lesson) => lesson.slug)) {
    const files = catalog.lessons.filter((lesson) => lesson.slug === slug).map((lesson) => lesson.file);
    problems.push({ file: files.join(", "), message: `deux leçons auraient la même adresse « ${slug} » : renommez l'un des fichiers` });
  }
  for (const id of duplicates(catalog.sources, (source) => source.id)) problems.push({ file: "sources.yaml", message: `id de source en double : ${id}` });
  for (const id of duplicates(catalog.glossary, (entry) => entry.id)) problems.push({ file: "glossary.yaml", message: `id de terme en double : ${id}` });
  for (const term of duplicates(catalog.glossary, (entry) => entry.term.toLowerCase())) problems.push({ file: "glossary.yaml", message: `terme en double : ${term}` });

  for (const entry of catalog.glossary) {
    for (const source of entry.sources) {
      if (!sourceIds.has(source.ref)) problems.push({ file: "glossary.yaml", message: `${entry.term} : source inconnue « ${source.ref} »` });
    }
  }

  const moduleIds = new Set(catalog.modules.map((module) => module.id));
  for (const path of catalog.paths) {
    for (const moduleId of path.modules) {
      if (!moduleIds.has(moduleId)) problems.push({ file: path.file, message: `module inconnu : ${moduleId}` });
    }
    for (const id of duplicates(path.modules, (moduleId) => moduleId)) problems.push({ file: path.file, message: `module listé deux fois : ${id}` });
    if (!path.draft) {
      const total = pathMinutes(catalog, path);
      const low = Math.round(path.nominalMinutes * (1 - DURATION_TOLERANCE));
      const high = Math.round(path.nominalMinutes * (1 + DURATION_TOLERANCE));
      if (total < low || total > high) {
        problems.push({
          file: path.file,
          message: `durée estimée de ${total} min hors de la fourchette ${low}–${high} min (nominal ${path.nominalMinutes} min ± 10 %) ; marquez le parcours draft: true s'il est en construction`,
        });
      }
    }
  }

  for (const lesson of catalog.lessons) {
    for (const source of lesson.sources) {
      if (!sourceIds.has(source.ref)) problems.push({ file: lesson.file, message: `source inconnue « ${source.ref} » (voir sources.yaml)` });
    }
  }
  return problems;
}

/**
 * A path's final assessment: required once published (it decides the certificate), a quiz of kind
 * evaluation-finale, embedded in one of the path's lessons so that learners meet it on their way.
 */
export function checkFinalAssessments(catalog: Catalog, quizKinds: Map<string, string>, quizzesOfLesson: Map<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  for (const path of catalog.paths) {
    const quizId = path.finalAssessment;
    if (!quizId) {
      if (!path.draft) {
        problems.push({ file: path.file, message: "évaluation finale manquante (finalAssessment: <id de quiz>) : un parcours publié délivre un certificat" });
      }
      continue;
    }
    const kind = quizKinds.get(quizId);
    if (kind === undefined) {
      problems.push({ file: path.file, message: `évaluation finale : quiz inconnu « ${quizId} »` });
      continue;
    }
    if (kind !== "evaluation-finale") {
      problems.push({ file: path.file, message: `évaluation finale : le quiz « ${quizId} » doit avoir kind: evaluation-finale` });
    }
    const embedded = pathLessons(catalog, path).some(({ lesson }) => quizzesOfLesson.get(lesson.id)?.includes(quizId));
    if (!embedded) {
      problems.push({ file: path.file, message: `évaluation finale : aucune leçon du parcours ne contient <Quiz id="${quizId}" />` });
    }
  }
  // A path never contains another path's final assessment: its lesson would say « pour obtenir le
  // certificat du parcours, réussissez cette évaluation » in a path whose certificate asks another,
  // and the trainer's dashboard would list a final that is not the cohort's.
  const finalOf = new Map(catalog.paths.filter((path) => path.finalAssessment).map((path) => [path.finalAssessment!, path]));
  for (const path of catalog.paths) {
    if (path.draft) continue; // a draft delivers no certificate yet
    for (const { lesson } of pathLessons(catalog, path)) {
      for (const quizId of quizzesOfLesson.get(lesson.id) ?? []) {
        const owner = finalOf.get(quizId);
        if (owner && quizId !== path.finalAssessment) {
          problems.push({
            file: path.file,
            message: `la leçon « ${lesson.title} » (${lesson.file}) contient l'évaluation finale du parcours « ${owner.title} » : retirez-la de ce parcours (un module propre au parcours « ${owner.title} », voir courses/README.md « Un module »)`,
          });
        }
      }
    }
  }
  return problems;
}

/**
 * A path's final project: it must exist, and a lesson of the path must embed <FinalProject id>, so
 * that learners find it on their way.
 */
export function checkFinalProjects(catalog: Catalog, projectIds: Set<string>, projectsOfLesson: Map<string, string[]>): Problem[] {
  const problems: Problem[] = [];
  for (const path of catalog.paths) {
    const projectId = path.finalProject;
    if (!projectId) continue;
    if (!projectIds.has(projectId)) {
      problems.push({ file: path.file, message: `projet final : projet inconnu « ${projectId} »` });
      continue;
    }
    if (!pathLessons(catalog, path).some(({ lesson }) => projectsOfLesson.get(lesson.id)?.includes(projectId))) {
      problems.push({ file: path.file, message: `projet final : aucune leçon du parcours ne contient <FinalProject id="${projectId}" />` });
    }
  }
  return problems;
}

/** Addresses a lesson may link to. */
function internalTargets(catalog: Catalog, extra: string[] = []): Set<string> {
  const targets = new Set(["/", "/parcours", "/glossaire", "/inscription", "/connexion", "/tableau-de-bord", ...extra]);
  for (const path of catalog.paths) {
    targets.add(`/parcours/${path.slug}`);
    for (const { lesson } of pathLessons(catalog, path)) targets.add(`/parcours/${path.slug}/${lesson.slug}`);
  }
  for (const entry of catalog.glossary) targets.add(`/glossaire#${entry.id}`);
  return targets;
}

export interface KnownIds {
  quizzes: Set<string>;
  scenarios: Set<string>;
  projects?: Set<string>;
  /** Extra addresses lessons may link to (pages of later features). */
  routes?: string[];
}

/**
 * Rules on a compiled lesson: only allowed components with valid attributes, existing references,
 * valid internal links. `reflectionIds` collects ids across lessons to catch duplicates.
 */
export function checkLessonUsage(
  catalog: Catalog,
  lessonFile: string,
  usage: LessonUsage,
  known: KnownIds,
  reflectionIds: Map<string, string>,
): Problem[] {
  const problems: Problem[] = [];
  const at = (line: number | null) => (line ? ` (ligne ${line})` : "");
  const sourceIds = new Set(catalog.sources.map((source) => source.id));
  const terms = new Set(catalog.glossary.flatMap((entry) => [entry.term, entry.id]));
  const targets = internalTargets(catalog, known.routes);

  const localComponents = new Set(usage.importedNames);
  for (const specifier of usage.imports) {
    if (!specifier.startsWith("./")) {
      problems.push({ file: lessonFile, message: `import interdit « ${specifier} » : seuls les composants placés à côté de la leçon (./…) peuvent être importés` });
    }
  }

  for (const component of usage.components) {
    const { name, attributes, line } = component;
    const rule = COMPONENT_RULES[name];
    if (!rule) {
      if (/^[a-z]/.test(name) && !HTML_ELEMENTS.has(name)) {
        problems.push({ file: lessonFile, message: `élément HTML <${name}> non autorisé${at(line)}` });
      } else if (/^[A-Z]/.test(name) && !localComponents.has(name)) {
        problems.push({ file: lessonFile, message: `composant <${name}> non autorisé${at(line)} : composants permis : ${Object.keys(COMPONENT_RULES).join(", ")}` });
      }
      continue;
    }
    for (const attribute of rule.required) {
      if (!(attribute in attributes) || attributes[attribute] === "") {
        problems.push({ file: lessonFile, message: `<${name}> : attribut « ${attribute} » manquant${at(line)}` });
      }
    }
    for (const [attribute, value] of Object.entries(attributes)) {
      if (!rule.required.includes(attribute) && !rule.optional?.includes(attribute)) {
        problems.push({ file: lessonFile, message: `<${name}> : attribut inconnu « ${attribute} »${at(line)}` });
      } else if (value === null && !rule.data?.includes(attribute)) {
        problems.push({ file: lessonFile, message: `<${name}> : « ${attribute} » doit être un texte entre guillemets${at(line)}` });
      }
    }
    const value = (attribute: string) => attributes[attribute] ?? "";
    if ((DIAGRAM_TYPES as readonly string[]).includes(name)) {
      if (attributes.items !== undefined) {
        for (const message of diagramProblems(name, component.data?.items)) problems.push({ file: lessonFile, message: `${message}${at(line)}` });
      }
      if (value("source") && !sourceIds.has(value("source"))) problems.push({ file: lessonFile, message: `<${name}> : source inconnue « ${value("source")} »${at(line)}` });
    }
    switch (name) {
      case "KeyFigure":
      case "Source": {
        const ref = name === "KeyFigure" ? value("source") : value("ref");
        if (ref && !sourceIds.has(ref)) problems.push({ file: lessonFile, message: `<${name}> : source inconnue « ${ref} »${at(line)}` });
        break;
      }
      case "Definition":
        if (value("term") && !terms.has(value("term"))) {
          problems.push({ file: lessonFile, message: `<Definition> : terme absent du glossaire « ${value("term")} »${at(line)}` });
        }
        break;
      case "Callout":
        if (!(CALLOUT_KINDS as readonly string[]).includes(value("kind"))) {
          problems.push({ file: lessonFile, message: `<Callout> : kind « ${value("kind")} » invalide (${CALLOUT_KINDS.join(", ")})${at(line)}` });
        }
        break;
      case "ForProfile":
        if (!(AUDIENCES as readonly string[]).includes(value("profile"))) {
          problems.push({ file: lessonFile, message: `<ForProfile> : profil « ${value("profile")} » inconnu (${AUDIENCES.join(", ")})${at(line)}` });
        }
        break;
      case "Reflection": {
        const id = value("id");
        if (id && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
          problems.push({ file: lessonFile, message: `<Reflection> : id « ${id} » invalide${at(line)}` });
        } else if (id && reflectionIds.has(id)) {
          problems.push({ file: lessonFile, message: `<Reflection> : id « ${id} » déjà utilisé dans ${reflectionIds.get(id)}${at(line)}` });
        } else if (id) {
          reflectionIds.set(id, lessonFile);
        }
        break;
      }
      case "ModelAnswer": {
        // It opens once the learner has answered its reflection: one of this lesson's.
        const reflection = value("reflection");
        if (reflection && !usage.components.some((c) => c.name === "Reflection" && c.attributes.id === reflection)) {
          problems.push({ file: lessonFile, message: `<ModelAnswer> : « ${reflection} » n'est l'id d'aucune <Reflection> de cette leçon${at(line)}` });
        }
        break;
      }
      case "Quiz":
        if (value("id") && !known.quizzes.has(value("id"))) {
          problems.push({ file: lessonFile, message: `<Quiz> : quiz inconnu « ${value("id")} »${at(line)}` });
        }
        break;
      case "Simulation":
        if (value("id") && !known.scenarios.has(value("id"))) {
          problems.push({ file: lessonFile, message: `<Simulation> : simulation inconnue « ${value("id")} »${at(line)}` });
        }
        break;
      case "FinalProject":
        if (value("id") && !known.projects?.has(value("id"))) {
          problems.push({ file: lessonFile, message: `<FinalProject> : projet inconnu « ${value("id")} »${at(line)}` });
        }
        break;
      case "SimulationChoice": {
        const ids = choiceIds(value("ids") ?? "");
        if (ids.length < 2) {
          problems.push({ file: lessonFile, message: `<SimulationChoice> : proposez au moins deux simulations (ids="a b")${at(line)}` });
        }
        for (const id of ids) {
          if (!known.scenarios.has(id)) problems.push({ file: lessonFile, message: `<SimulationChoice> : simulation inconnue « ${id} »${at(line)}` });
        }
        break;
      }
    }
  }

  for (const { url, line } of usage.links) {
    if (/^(https?:|mailto:)/.test(url) || url.startsWith("#")) continue;
    if (!url.startsWith("/")) {
      problems.push({ file: lessonFile, message: `lien relatif « ${url} »${at(line)} : utilisez une adresse absolue (/parcours/…)` });
      continue;
    }
    const [pathPart, anchor] = url.split("#");
    const target = pathPart === "/glossaire" && anchor ? `/glossaire#${anchor}` : pathPart!;
    if (!targets.has(target)) problems.push({ file: lessonFile, message: `lien interne cassé « ${url} »${at(line)}` });
  }
  return problems;
}

/** A key figure may stand in its home lesson and be recalled as a figure in one more; beyond, it is said too often (issue 19). */
const MAX_LESSONS_PER_KEY_FIGURE = 2;

/** « 72 volontaires », « 72 Volontaires » and « 72 volontaires » (no-break spaces) are one value. */
export function normalizeKeyFigureValue(value: string): string {
  return value.replace(/[\s\u00A0\u202F\u2009]+/g, " ").trim().toLowerCase();
}

/**
 * Each fact has one home lesson; the others link to it or recall it in a sentence. A `<KeyFigure>`
 * value shown in more than two lessons is a problem naming the value and the lessons.
 */
export function checkRepeatedKeyFigures(usages: Array<{ lessonFile: string; usage: Pick<LessonUsage, "components"> }>): Problem[] {
  const lessonsOfValue = new Map<string, { shown: string; files: Set<string> }>();
  for (const { lessonFile, usage } of usages) {
    for (const use of usage.components) {
      const value = use.name === "KeyFigure" ? use.attributes.value : null;
      if (!value) continue;
      const key = normalizeKeyFigureValue(value);
      const entry = lessonsOfValue.get(key) ?? { shown: value.replace(/[\u00A0\u202F\u2009]/g, " "), files: new Set<string>() };
      entry.files.add(lessonFile);
      lessonsOfValue.set(key, entry);
    }
  }
  const problems: Problem[] = [];
  for (const { shown, files } of lessonsOfValue.values()) {
    if (files.size <= MAX_LESSONS_PER_KEY_FIGURE) continue;
    problems.push({
      file: [...files].join(", "),
      message: `<KeyFigure value="${shown}"> dans ${files.size} leçons (au plus ${MAX_LESSONS_PER_KEY_FIGURE}) : gardez le chiffre dans sa leçon de référence et rappelez-le ailleurs par une phrase et un lien`,
    });
  }
  return problems;
}
