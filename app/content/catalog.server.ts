/**
 * The catalogue the running app serves. Production reads courses/ once; development re-reads it
 * when a file under courses/ changes, so that an edited lesson shows on reload.
 * COURSES_DIR points elsewhere (the engine's end-to-end tests use a fixture course).
 */
import path from "node:path";
import { newestMtime } from "~/utils/newest-mtime.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import { singleton } from "~/utils/singleton.server.ts";
import type { Catalog, Lesson } from "~/courses/catalog.ts";
import { checkCatalog } from "~/courses/check-rules.ts";
import { createLessonCompiler, type CompiledLesson } from "~/courses/compile-lesson.server.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import { typesetCatalog, typesetEach } from "~/courses/typeset-content.ts";
import { loadQuizzes } from "~/quizzes/load-quizzes.server.ts";
import type { QuizDefinition } from "~/quizzes/quiz-schema.ts";
import { loadScenarios } from "~/simulations/load-scenarios.server.ts";
import { loadProjects } from "~/projects/load-projects.server.ts";
import type { ProjectDefinition } from "~/projects/project-schema.ts";
import type { Scenario } from "~/simulations/scenario-schema.ts";

export function coursesDir(): string {
  return path.resolve(process.env.COURSES_DIR || "courses");
}

/** Compiled lessons survive restarts here; `npm run build` fills it. */
export function lessonCacheDir(): string {
  return path.resolve(".cache/lessons");
}

interface LoadedState {
  catalog: Catalog;
  lessonFiles: Map<string, string>;
  quizzes: Map<string, QuizDefinition>;
  scenarios: Map<string, Scenario>;
  projects: Map<string, ProjectDefinition>;
  stamp: number;
}

const state = singleton("course-catalog", () => ({ current: null as LoadedState | null }));
export const lessonCompiler = singleton("lesson-compiler", () => createLessonCompiler({ cacheDir: lessonCacheDir() }));

function load(): LoadedState {
  const dir = coursesDir();
  const stamp = newestMtime(dir);
  const { catalog, problems, lessonFiles } = loadCatalog(dir);
  problems.push(...checkCatalog(catalog));
  const sourceIds = new Set(catalog.sources.map((source) => source.id));
  const quizzes = loadQuizzes(dir, sourceIds);
  problems.push(...quizzes.problems);
  // The graph proof runs in the content checker and the build; the server only loads.
  const scenarios = loadScenarios(dir, sourceIds, { prove: false });
  problems.push(...scenarios.problems);
  const projects = loadProjects(dir);
  problems.push(...projects.problems);
  if (problems.length > 0) {
    // The server refuses to run on content the checker would refuse (npm run courses:check).
    throw new Error(`Contenu invalide dans ${dir} :\n${problems.map((p) => `  ${p.file} : ${p.message}`).join("\n")}`);
  }
  // Checked as written, served typeset: no author has to type a no-break space.
  return {
    catalog: typesetCatalog(catalog),
    lessonFiles,
    quizzes: typesetEach(quizzes.quizzes),
    scenarios: typesetEach(scenarios.scenarios),
    projects: typesetEach(projects.projects),
    stamp,
  };
}

function current(): LoadedState {
  const loaded = state.current;
  if (!loaded) return (state.current = load());
  if (process.env.NODE_ENV !== "production" && newestMtime(coursesDir()) !== loaded.stamp) {
    return (state.current = load());
  }
  return loaded;
}

export function getCatalog(): Catalog {
  return current().catalog;
}

export function getScenario(id: string): Scenario | undefined {
  return current().scenarios.get(id);
}

export function allScenarios(): Scenario[] {
  return [...current().scenarios.values()];
}

export function getProject(id: string): ProjectDefinition | undefined {
  return current().projects.get(id);
}

/** The scenario with this id, or a 404 (an address names it). */
export function requireScenario(scenarioId: string | undefined): Scenario {
  const scenario = scenarioId ? getScenario(scenarioId) : undefined;
  invariantResponse(scenario, "Cette simulation n'existe pas.");
  return scenario;
}

/** The quiz with this id, or a 404 (an address names it). */
export function requireQuiz(quizId: string | undefined): QuizDefinition {
  const quiz = quizId ? getQuiz(quizId) : undefined;
  invariantResponse(quiz, "Ce quiz n'existe pas.");
  return quiz;
}

export function getQuiz(id: string): QuizDefinition | undefined {
  return current().quizzes.get(id);
}

export async function getCompiledLesson(lesson: Lesson): Promise<CompiledLesson> {
  const file = current().lessonFiles.get(lesson.id);
  if (!file) throw new Error(`fichier de la leçon ${lesson.id} introuvable`);
  return lessonCompiler.compile(file, lesson.contentHash);
}

/** The compiled lesson whose content hash is `hash`, compiling it if needed; undefined if unknown. */
export async function getCompiledLessonByHash(hash: string): Promise<CompiledLesson | undefined> {
  const cached = lessonCompiler.cached(hash);
  if (cached) return cached;
  const lesson = getCatalog().lessons.find((candidate) => candidate.contentHash === hash);
  return lesson ? getCompiledLesson(lesson) : undefined;
}
