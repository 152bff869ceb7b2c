import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, expect, test } from "vitest";
import { getLessonComponent, registerLessonCode } from "~/mdx/lesson-module.ts";
import { NBSP, NNBSP } from "~/utils/french-typography.ts";
import { compileLessonFile } from "./compile-lesson.server.ts";

const dir = mkdtempSync(path.join(tmpdir(), "typo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const show = (html: string) => html.replaceAll(NBSP, "␣").replaceAll(NNBSP, "˽");

test("a compiled lesson is typeset in its text and text attributes, not in code, links or identifiers", async () => {
  const file = path.join(dir, "lecon.mdx");
  writeFileSync(
    file,
    [
      "## Pourquoi faire alliance ?",
      "",
      "Selon « le carnet » : 82 % des maires, en 1 h. Voir [le site](https://exemple.fr/a?b=1) et `a : b ?`.",
      "",
      '<KeyFigure value="82 %" label="des maires : un chiffre" note="Étude « Élus » ; 2020" source="src-a" heading="Titre ?" />',
      "",
      '<Definition term="Charte du « faire alliance »">la charte</Definition> !',
      "",
      "```",
      "x = a ? b : c",
      "```",
    ].join("\n"),
  );
  const compiled = await compileLessonFile(file, "hash-typo-test");
  expect(compiled.usage.outline[0]!.title).toBe(`Pourquoi faire alliance${NNBSP}?`);
  registerLessonCode(compiled.hash, compiled.code);
  const Content = getLessonComponent(compiled.hash)!;
  const html = renderToStaticMarkup(
    createElement(Content, {
      components: {
        KeyFigure: ((props: Record<string, string>) => createElement("p", { "data-heading": props.heading }, `${props.value} | ${props.label} | ${props.note}`)) as never,
        Definition: ((props: { term: string; children: unknown }) => createElement("dfn", { title: props.term }, props.children as never)) as never,
      },
    }),
  );
  const text = show(html);
  expect(text).toContain("Pourquoi faire alliance˽?");
  expect(text).toContain("Selon «˽le carnet˽»␣: 82␣% des maires, en 1␣h.");
  expect(text).toContain('href="https://exemple.fr/a?b=1"');
  expect(text).toContain("<code>a : b ?</code>");
  expect(text).toContain("x = a ? b : c");
  // The note under a key figure's label is read too (it once reached the page untypeset).
  expect(text).toContain('<p data-heading="Titre˽?">82␣% | des maires␣: un chiffre | Étude «˽Élus˽»˽; 2020</p>');
  // The term is looked up in the glossary as written: unchanged.
  expect(text).toContain('title="Charte du « faire alliance »"');
  expect(text).toContain("˽!");
});
