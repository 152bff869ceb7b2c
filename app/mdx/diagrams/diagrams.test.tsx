/**
 * Each diagram type renders a figure whose SVG carries its title and text alternative, a visible
 * caption with its source, and a long description that lists every item (and sub-item).
 */
import type { ComponentProps, ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { LessonContext } from "../lesson-context.tsx";
import { DiagramColumns, DiagramContinuum, DiagramCycle, DiagramMatrix, DiagramTimeline, wrapText } from "./diagrams.tsx";

const context = {
  lessonId: "l-test",
  signedIn: false,
  audience: null,
  loginUrl: "/connexion",
  reflections: {},
  glossary: {},
  sources: { "source-a": { shortTitle: "Note A", title: "La note A" } },
  quizzes: {},
  simulations: {},
  projects: {},
  lessonUrl: "/parcours/essai/test",
};

function render(element: ReactElement): string {
  return renderToStaticMarkup(<LessonContext.Provider value={context}>{element}</LessonContext.Provider>).replace(/&#x27;/g, "'");
}

/** The text of the first element matching `pattern` (tags stripped). */
function textOf(html: string, pattern: RegExp): string | undefined {
  return html.match(pattern)?.[1]?.replace(/<[^>]+>/g, "");
}

const common = {
  title: "Trois besoins",
  alt: "Trois besoins qui se suivent : envie, structure, animation.",
  source: "source-a",
  heading: "Les besoins",
  items: [
    { label: "Faire naître l'envie", text: "partager un diagnostic", items: ["Associer toute la cité"] },
    { label: "Structurer", date: "2020" },
    { label: "Animer dans la durée", text: "des indicateurs communs" },
  ],
} satisfies ComponentProps<typeof DiagramCycle>;

const cases: Array<[string, ReactElement]> = [
  ["DiagramCycle", <DiagramCycle key="cycle" {...common} loop="oui" />],
  ["DiagramColumns", <DiagramColumns key="columns" {...common} />],
  ["DiagramTimeline", <DiagramTimeline key="timeline" {...common} />],
  ["DiagramContinuum", <DiagramContinuum key="continuum" {...common} from="Une idée" to="Une innovation" />],
  ["DiagramMatrix", <DiagramMatrix key="matrix" {...common} />],
];

describe.each(cases)("%s", (_name, element) => {
  const html = render(element);
  const svg = html.match(/<svg[^>]*>[\s\S]*<\/svg>/)![0];
  const details = html.match(/<details[\s\S]*<\/details>/)![0];

  test("is a figure whose SVG image is named by its title and described by its text alternative", () => {
    expect(html).toMatch(/^<figure class="diagram diagram--\w+">/);
    expect(svg).toMatch(/^<svg[^>]* role="img"/);
    const [titleId, descId] = svg.match(/aria-labelledby="([^"]+)"/)![1]!.split(" ");
    expect(textOf(svg, new RegExp(`<title id="${titleId}">([^<]*)</title>`))).toBe("Trois besoins");
    expect(textOf(svg, new RegExp(`<desc id="${descId}">([^<]*)</desc>`))).toBe(
      "Trois besoins qui se suivent\u00A0: envie, structure, animation.",
    );
    expect(svg).toMatch(/viewBox="0 0 320 \d+"/);
    expect(svg).toMatch(/width="100%"/);
  });

  test("has a visible caption with its title and source", () => {
    expect(textOf(html, /<figcaption>([\s\S]*?)<\/figcaption>/)).toBe("Trois besoins (source\u00A0: Note A, «\u202FLes besoins\u202F»)");
  });

  test("has a long description listing every item, its text and its sub-items", () => {
    expect(textOf(details, /<summary>([^<]*)<\/summary>/)).toBe("Description détaillée");
    expect(details.match(/<li>/g)).toHaveLength(4);
    const text = details.replace(/<[^>]+>/g, "|");
    for (const part of [
      "Faire naître l'envie",
      "— partager un diagnostic",
      "Associer toute la cité",
      "2020\u00A0: Structurer",
      "Animer dans la durée",
      "— des indicateurs communs",
    ]) {
      expect(text).toContain(part);
    }
  });

  test("draws every label in the picture", () => {
    const drawn = svg
      .replace(/<title[\s\S]*?<\/desc>/, "")
      .replace(/<[^>]+>/g, " ")
      .replace(/\s+/g, " ");
    for (const label of ["Structurer", "Animer dans la durée"]) expect(drawn).toContain(label);
  });
});

test("a diagram without source says the procedure is the course's own", () => {
  const { source: _source, heading: _heading, ...props } = common;
  const html = render(<DiagramCycle {...props} />);
  expect(textOf(html, /<figcaption>([\s\S]*?)<\/figcaption>/)).toBe("Trois besoins (démarche proposée par le parcours)");
  expect(html).not.toContain("diagram__arrow--return");
  expect(render(<DiagramCycle {...props} loop="oui" />)).toContain("diagram__arrow--return");
});

test("labels are cut at spaces into lines no longer than the box allows", () => {
  expect(wrapText("Faire naître l'envie d'alliance", 16)).toEqual(["Faire naître", "l'envie", "d'alliance"]);
  expect(wrapText("Coopération économique", 30)).toEqual(["Coopération économique"]);
});
