/**
 * The course catalogue as the app uses it, and the pure questions asked of it (which lessons a
 * path has, in which order, what comes next…). Built by load-catalog.server.ts from courses/.
 */
import type { GlossaryEntry, LessonFrontmatter, ModuleFile, PathFile, Source } from "./course-schema.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export interface Lesson extends LessonFrontmatter {
  /** Last part of the lesson's address, from its file (or folder) name. */
  slug: string;
  moduleId: string;
  /** Path of the MDX file, relative to the courses directory. */
  file: string;
  /** Fingerprint of the lesson's files: the compiled lesson is cached under it. */
  contentHash: string;
}

export interface Module extends ModuleFile {
  /** Folder of the module, relative to the courses directory. */
  dir: string;
}

export interface Path extends PathFile {
  file: string;
}

export interface Catalog {
  sources: Source[];
  glossary: GlossaryEntry[];
  paths: Path[];
  modules: Module[];
  lessons: Lesson[];
}

/** A lesson placed in a path: its module, and its position. */
interface PathLesson {
  lesson: Lesson;
  module: Module;
  index: number;
}

export function findPathBySlug(catalog: Catalog, slug: string): Path | undefined {
  return catalog.paths.find((path) => path.slug === slug);
}

export function findPath(catalog: Catalog, id: string): Path | undefined {
  return catalog.paths.find((path) => path.id === id);
}

export function findLesson(catalog: Catalog, id: string): Lesson | undefined {
  return catalog.lessons.find((lesson) => lesson.id === id);
}

function findModule(catalog: Catalog, id: string): Module | undefined {
  return catalog.modules.find((module) => module.id === id);
}

/** Paths shown in the catalogue, in the order of their nominal duration (1 h, 4 h, 12 h). */
export function publishedPaths(catalog: Catalog): Path[] {
  return catalog.paths.filter((path) => !path.draft).sort((a, b) => a.nominalMinutes - b.nominalMinutes);
}

export function draftPaths(catalog: Catalog): Path[] {
  return catalog.paths.filter((path) => path.draft).sort((a, b) => a.nominalMinutes - b.nominalMinutes);
}

/** The lessons of a path in order, module by module. Unknown ids are skipped (the checker reports them). */
export function pathLessons(catalog: Catalog, path: Path): PathLesson[] {
  const result: PathLesson[] = [];
  for (const moduleId of path.modules) {
    const module = findModule(catalog, moduleId);
    if (!module) continue;
    for (const lessonId of module.lessons) {
      const lesson = findLesson(catalog, lessonId);
      if (lesson) result.push({ lesson, module, index: result.length });
    }
  }
  return result;
}

/** Estimated minutes of a path: the sum of its lessons' minutes, activities included. */
export function pathMinutes(catalog: Catalog, path: Path): number {
  return pathLessons(catalog, path).reduce((total, { lesson }) => total + lesson.minutes, 0);
}

export function findPathLesson(catalog: Catalog, path: Path, lessonSlug: string): PathLesson | undefined {
  return pathLessons(catalog, path).find(({ lesson }) => lesson.slug === lessonSlug);
}

/** The path at this address, or a 404 (the slug comes from the URL, so it may be missing). */
export function requirePath(catalog: Catalog, slug: string | undefined): Path {
  const path = slug ? findPathBySlug(catalog, slug) : undefined;
  invariantResponse(path, "Ce parcours n'existe pas.");
  return path;
}

/** The lesson at this address in its path, or a 404 saying which of the two does not exist. */
export function requirePathLesson(catalog: Catalog, pathSlug: string | undefined, lessonSlug: string | undefined): PathLesson & { path: Path } {
  const path = requirePath(catalog, pathSlug);
  const entry = lessonSlug ? findPathLesson(catalog, path, lessonSlug) : undefined;
  invariantResponse(entry, "Cette leçon n'existe pas dans ce parcours.");
  return { ...entry, path };
}

export function neighbours(catalog: Catalog, path: Path, lessonId: string) {
  const lessons = pathLessons(catalog, path);
  const at = lessons.findIndex(({ lesson }) => lesson.id === lessonId);
  return {
    previous: at > 0 ? lessons[at - 1]!.lesson : undefined,
    next: at >= 0 && at < lessons.length - 1 ? lessons[at + 1]!.lesson : undefined,
  };
}

export function lessonUrl(path: Pick<Path, "slug">, lesson: Pick<Lesson, "slug">): string {
  return `/parcours/${path.slug}/${lesson.slug}`;
}
