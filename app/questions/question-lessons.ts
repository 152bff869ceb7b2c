/**
 * A question names its path and lesson by their stable ids; pages show their titles and link to the
 * lesson. A lesson removed from the catalogue since keeps its question readable. Pure.
 */
import { findLesson, findPath, lessonUrl, type Catalog } from "~/courses/catalog.ts";

export interface QuestionLesson {
  pathTitle: string;
  lessonTitle: string;
  /** Null when the lesson or its path left the catalogue. */
  url: string | null;
}

export function questionLesson(catalog: Catalog, pathId: string, lessonId: string): QuestionLesson {
  const path = findPath(catalog, pathId);
  const lesson = findLesson(catalog, lessonId);
  return {
    pathTitle: path?.title ?? "Parcours retiré du catalogue",
    lessonTitle: lesson?.title ?? "Leçon retirée du catalogue",
    url: path && lesson ? lessonUrl(path, lesson) : null,
  };
}
