/**
 * The « À revoir » links of a simulation's debrief. A learner is sent back only to lessons of their
 * own path (the path whose lesson embeds the simulation; on the simulation's own page, the path they
 * are enrolled in, else none), never to the lesson they are on, and to at most two lessons per
 * decision, already passed when the simulation is in a lesson: a debrief that lists every lesson
 * citing a concept in every path drowns the learner in links to lessons they never saw. Pure.
 */
import { lessonUrl, pathLessons, type Catalog } from "~/courses/catalog.ts";

type LessonLink = { title: string; url: string };
/** For each concept (R-xx), the lessons of the learner's path that cite it, in path order. */
export type ConceptLessons = Record<string, LessonLink[]>;

export const MAX_REVIEW_LINKS = 2;

/**
 * Lessons of `pathId` citing each concept, in path order. In a lesson, only the lessons before it:
 * « À revoir » means going back to what was taught, not to a lesson still ahead (the next one, the
 * final assessment) nor to the lesson being read. On the simulation's own page, any lesson of the path.
 */
export function conceptLessons(
  catalog: Catalog,
  concepts: string[],
  { pathId, currentLessonId = null }: { pathId: string | null; currentLessonId?: string | null },
): ConceptLessons {
  const path = pathId ? catalog.paths.find((candidate) => candidate.id === pathId) : undefined;
  if (!path) return {};
  const entries = pathLessons(catalog, path);
  const current = entries.findIndex((entry) => entry.lesson.id === currentLessonId);
  const ordered = current === -1 ? entries.filter((entry) => entry.lesson.id !== currentLessonId) : entries.slice(0, current);
  const result: ConceptLessons = {};
  for (const concept of new Set(concepts)) {
    const links = ordered
      .filter((entry) => entry.lesson.concepts.includes(concept))
      .map((entry) => ({ title: entry.lesson.title, url: lessonUrl(path, entry.lesson) }));
    if (links.length > 0) result[concept] = links;
  }
  return result;
}

/** At most MAX_REVIEW_LINKS distinct lessons for a decision's concepts, taken concept by concept in their order. */
export function reviewLinks(lessons: ConceptLessons, concepts: string[], max = MAX_REVIEW_LINKS): LessonLink[] {
  const picked: LessonLink[] = [];
  // Round-robin over the concepts: two concepts give one lesson each rather than two for the first.
  const lists = [...new Set(concepts)].map((concept) => lessons[concept] ?? []);
  for (let rank = 0; picked.length < max && lists.some((list) => rank < list.length); rank++) {
    for (const list of lists) {
      const link = list[rank];
      if (link && picked.length < max && !picked.some((known) => known.url === link.url)) picked.push(link);
    }
  }
  return picked;
}
