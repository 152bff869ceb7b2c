/**
 * Every diagram the real lessons use (courses/), rendered by its component with the props the
 * lesson writes: each has a title, a text alternative and a long description naming every item;
 * there are at least 16, and every numbered module (m1…m16) has one.
 */
import path from "node:path";
import { createElement, type ComponentType } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, expect, test } from "vitest";
import { compileLessonFile } from "~/courses/compile-lesson.server.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import { lessonComponents } from "~/mdx/components.tsx";
import { DIAGRAM_TYPES, diagramItemsSchema, type DiagramItem } from "~/courses/diagram-schema.ts";
import { LessonContext } from "~/mdx/lesson-context.tsx";

interface Found {
  moduleId: string;
  lesson: string;
  type: string;
  attributes: Record<string, string | null>;
  items: DiagramItem[];
}

const COURSES = path.resolve("courses");
const found: Found[] = [];
let moduleIds: string[] = [];
let sources: Record<string, { shortTitle: string; title: string }> = {};

beforeAll(async () => {
  const { catalog, lessonFiles } = loadCatalog(COURSES);
  moduleIds = catalog.modules.map((module) => module.id);
  sources = Object.fromEntries(catalog.sources.map((source) => [source.id, { shortTitle: source.shortTitle, title: source.title }]));
  for (const lesson of catalog.lessons) {
    const file = lessonFiles.get(lesson.id);
    if (!file) continue;
    const { usage } = await compileLessonFile(file);
    for (const use of usage.components) {
      if (!(DIAGRAM_TYPES as readonly string[]).includes(use.name)) continue;
      found.push({
        moduleId: lesson.moduleId,
        lesson: lesson.file,
        type: use.name,
        attributes: use.attributes,
        items: diagramItemsSchema.parse(use.data?.items),
      });
    }
  }
}, 120_000);

function render({ type, attributes, items }: Found): string {
  const component = lessonComponents[type as keyof typeof lessonComponents] as ComponentType<Record<string, unknown>>;
  const context = {
    lessonId: "l",
    signedIn: false,
    audience: null,
    loginUrl: "/connexion",
    reflections: {},
    glossary: {},
    sources,
    quizzes: {},
    simulations: {},
    projects: {},
    lessonUrl: "/",
  };
  return renderToStaticMarkup(createElement(LessonContext.Provider, { value: context }, createElement(component, { ...attributes, items })))
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

test("the lessons hold at least 16 diagrams, at least one in every numbered module", () => {
  expect(found.length).toBeGreaterThanOrEqual(16);
  const numbered = moduleIds.filter((id) => /^m\d+$/.test(id));
  expect(numbered).toHaveLength(16);
  expect(numbered.filter((id) => !found.some((diagram) => diagram.moduleId === id))).toEqual([]);
});

test("every diagram has a title, a text alternative and a long description naming each item", () => {
  expect(found.length).toBeGreaterThan(0);
  for (const diagram of found) {
    const where = `${diagram.lesson} (${diagram.type})`;
    const html = render(diagram);
    const svg = html.match(/<svg[^>]*role="img"[^>]*aria-labelledby="([^"]+)"[^>]*>([\s\S]*?)<\/svg>/);
    expect(svg, where).not.toBeNull();
    const [titleId, descId] = svg![1]!.split(" ");
    const title = html.match(new RegExp(`<title id="${titleId}">([^<]*)</title>`))?.[1]?.trim();
    const desc = html.match(new RegExp(`<desc id="${descId}">([^<]*)</desc>`))?.[1]?.trim();
    expect(title, where).toBeTruthy();
    expect(desc, where).toBeTruthy();
    expect(desc!.split(/\s+/).length, `${where} : texte alternatif trop court`).toBeGreaterThanOrEqual(8);
    expect(plain(html.match(/<figcaption>([\s\S]*?)<\/figcaption>/)?.[1] ?? ""), where).toContain(title!);
    const details = plain(html.match(/<details[\s\S]*?<summary>Description détaillée<\/summary>([\s\S]*)<\/details>/)?.[1] ?? "");
    // Compared without spaces: the long description is typeset (no-break spaces), the raw props are not.
    const squeeze = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, "");
    for (const item of diagram.items) {
      for (const part of [item.label, item.text, ...(item.items ?? [])].filter(Boolean)) {
        expect(squeeze(details), `${where} : « ${part} » absent de la description détaillée`).toContain(squeeze(part!));
      }
    }
  }
});
