/**
 * The corpus as search documents: one per section of a lesson (its h2 sections, and the text before
 * the first), one per glossary entry, one per scenario. Pure: the caller gives each lesson's sections
 * (taken by the compiler, lesson-sections.ts), from the compiled lessons or from a test.
 */
import { draftPaths, lessonUrl, pathLessons, publishedPaths, type Catalog, type Lesson } from "~/courses/catalog.ts";
import type { Scenario } from "~/simulations/scenario-schema.ts";
import { frenchTypography } from "~/utils/french-typography.ts";
import type { LessonSection } from "~/courses/lesson-sections.ts";

export type SearchDocumentKind = "lecon" | "glossaire" | "simulation";

export interface SearchDocument {
  /** « lecon:l1-2#les-odd », « glossaire:agenda-2030 », « simulation:sb-maire ». */
  id: string;
  kind: SearchDocumentKind;
  /** The lesson's title, the glossary term, the scenario's title. */
  title: string;
  /** The section's heading (lessons only; empty for the text before the first heading). */
  heading: string;
  text: string;
  /**
   * Where the document is read: one address per path that has the lesson, in the order of the
   * paths (1 h, 4 h, 12 h); a single address with a null path for the glossary and scenarios.
   */
  links: Array<{ pathId: string | null; url: string }>;
}

export interface Corpus {
  catalog: Catalog;
  scenarios: Scenario[];
  /** The sections of a compiled lesson. */
  lessonSections: (lesson: Lesson) => LessonSection[];
}

/** Published paths by duration, then drafts: the order the search page groups results in. */
export function searchPaths(catalog: Catalog) {
  return [...publishedPaths(catalog), ...draftPaths(catalog)];
}

export function lessonDocuments(lesson: Lesson, sections: LessonSection[], paths: Array<{ id: string; slug: string }>): SearchDocument[] {
  return sections.map((section) => ({
    id: `lecon:${lesson.id}#${section.id ?? ""}`,
    kind: "lecon" as const,
    title: lesson.title,
    heading: section.heading,
    text: section.text,
    links: paths.map((path) => ({ pathId: path.id, url: `${lessonUrl(path, lesson)}${section.id ? `#${section.id}` : ""}` })),
  }));
}

/** Every document of the corpus; a lesson that no path has is not shown anywhere, so not searched. */
export function corpusDocuments({ catalog, scenarios, lessonSections }: Corpus): SearchDocument[] {
  const paths = searchPaths(catalog);
  const lessonPaths = new Map<string, { lesson: Lesson; paths: typeof paths }>();
  for (const path of paths) {
    for (const { lesson } of pathLessons(catalog, path)) {
      const entry = lessonPaths.get(lesson.id) ?? { lesson, paths: [] };
      entry.paths.push(path);
      lessonPaths.set(lesson.id, entry);
    }
  }
  const documents: SearchDocument[] = [];
  for (const { lesson, paths: containing } of lessonPaths.values()) {
    documents.push(...lessonDocuments(lesson, lessonSections(lesson), containing));
  }
  for (const entry of catalog.glossary) {
    documents.push({
      id: `glossaire:${entry.id}`,
      kind: "glossaire",
      // Kept as written in the catalogue (it is matched against <Definition term>); shown typeset.
      title: frenchTypography(entry.term),
      heading: "",
      text: entry.definition,
      links: [{ pathId: null, url: `/glossaire#${entry.id}` }],
    });
  }
  for (const scenario of scenarios) {
    documents.push({
      id: `simulation:${scenario.id}`,
      kind: "simulation",
      title: scenario.title,
      heading: "",
      text: `${scenario.summary}\n\n${scenario.situation}`,
      links: [{ pathId: null, url: `/simulations/${scenario.id}` }],
    });
  }
  return documents;
}
