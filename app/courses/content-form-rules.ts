/**
 * Rules on the form of a lesson (issue 19, « des leçons qu'on a envie de lire »):
 * - a `<KeyFigure>` label says what the figure counts in 15 words at most; population, survey and
 *   caveats go in its `note`;
 * - caveats about the sources (« la source ne précise pas… ») sit in the lesson's one
 *   `<SourceNotes>` block (« Sources et limites »), not in the running text;
 * - every module of a published path holds a `<TrainerNotes>` passage (« Notes pour animer »).
 * Pure: the checker passes each lesson's compiled usage.
 */
import type { Catalog } from "./catalog.ts";
import type { LessonUsage } from "./mdx-usage.ts";
import type { Problem } from "./load-catalog.server.ts";

export const MAX_KEY_FIGURE_LABEL_WORDS = 15;

const words = (text: string) => text.trim().split(/[\s\u00A0\u202F]+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const at = (line: number | null) => (line ? ` (ligne ${line})` : "");

export interface LessonForm {
  lessonId: string;
  lessonFile: string;
  usage: Pick<LessonUsage, "components" | "hedges">;
}

/** The problems of one lesson's form. */
export function lessonFormProblems({ lessonFile, usage }: LessonForm): Problem[] {
  const problems: Problem[] = [];
  for (const use of usage.components) {
    if (use.name !== "KeyFigure") continue;
    const label = use.attributes.label ?? "";
    const count = words(label);
    if (count > MAX_KEY_FIGURE_LABEL_WORDS) {
      problems.push({
        file: lessonFile,
        message: `<KeyFigure value="${use.attributes.value ?? ""}"> : libellé de ${count} mots (au plus ${MAX_KEY_FIGURE_LABEL_WORDS}) ; la population, l'enquête et les réserves vont dans note="…"${at(use.line)}`,
      });
    }
  }
  for (const name of ["SourceNotes", "TrainerNotes"]) {
    const uses = usage.components.filter((use) => use.name === name);
    if (uses.length > 1) problems.push({ file: lessonFile, message: `<${name}> ${uses.length} fois : une seule par leçon${at(uses[1]!.line)}` });
  }
  for (const hedge of usage.hedges ?? []) {
    problems.push({
      file: lessonFile,
      message: `« ${hedge.phrase} » dans le texte : les réserves sur les sources vont dans le bloc <SourceNotes> (« Sources et limites ») en fin de leçon${at(hedge.line)}`,
    });
  }
  return problems;
}

/** Modules of a published path without any « Notes pour animer ». */
export function modulesWithoutTrainerNotes(catalog: Catalog, lessons: LessonForm[]): Problem[] {
  const withNotes = new Set(lessons.filter((lesson) => lesson.usage.components.some((use) => use.name === "TrainerNotes")).map((lesson) => lesson.lessonId));
  const published = new Set(catalog.paths.filter((path) => !path.draft).flatMap((path) => path.modules));
  return catalog.modules
    .filter((module) => published.has(module.id) && !module.lessons.some((id) => withNotes.has(id)))
    .map((module) => ({
      file: `${module.dir}/module.yaml`,
      message: `module ${module.id} sans <TrainerNotes> (« Notes pour animer » : déroulé, minutage, une question de discussion) dans l'une de ses leçons`,
    }));
}
