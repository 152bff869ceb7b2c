import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { findSlips, fixSource, interfaceSourceFiles } from "./interface-typography.ts";

test("every string of the interface is typeset: no plain space before « : ; ! ? % » nor inside « »", () => {
  const files = interfaceSourceFiles();
  // The walk reaches the pages, the e-mails and the messages (not an empty list that passes).
  expect(files).toEqual(
    expect.arrayContaining(["app/routes/tableau-de-bord.tsx", "app/auth/sign-up.server.ts", "app/quizzes/quiz-messages.ts"]),
  );
  const slips = files.flatMap((file) => findSlips(file, readFileSync(file, "utf8")).map((slip) => `${file}:${slip.line} « ${slip.text} »`));
  expect(slips, "npm run typeset:interface les corrige").toEqual([]);
});

test("the fixer writes visible escapes: entities in JSX text and attributes, \\u escapes in strings", () => {
  const source = [
    'const a = "Profil : " + `${n} % — « ${t} » ; ok ?`;',
    'const b = <p title="Code : x">Pas encore de compte ? « {name} » : {n} %</p>;',
  ].join("\n");
  const fixed = fixSource("sample.tsx", source);
  expect(fixed).toBe(
    [
      'const a = "Profil\\u00A0: " + `${n}\\u00A0% — «\\u202F${t}\\u202F»\\u202F; ok\\u202F?`;',
      'const b = <p title="Code&nbsp;: x">Pas encore de compte&#x202F;? «&#x202F;{name}&#x202F;»&nbsp;: {n}&nbsp;%</p>;',
    ].join("\n"),
  );
  expect(findSlips("sample.tsx", source).length).toBe(12);
  expect(findSlips("sample.tsx", fixed)).toEqual([]);
});

test("code strings are left alone: no space before the mark, imports, keys, fr-tagged templates", () => {
  const source = [
    'import x from "a : b";',
    'const headers = { "Content-Type": "text/html; charset=utf-8", "x ?": 1 };',
    'const url = "/projet?index";',
    "const msg = fr`Score : ${s} %`;",
  ].join("\n");
  expect(fixSource("code.ts", source)).toBe(source);
  expect(findSlips("code.ts", source)).toEqual([]);
});

test("a « : » that a JSX line break puts after a plain space is reported, for the author to join the lines", () => {
  const source = "const c = <p>\n  Votre choix\n  : {x}\n</p>;";
  expect(findSlips("c.tsx", source)).toHaveLength(1);
});

test('a {" "} before a JSX text that starts with « : » is the same plain space', () => {
  expect(findSlips("d.tsx", 'const d = <p>\n  <a href="/x">lien</a>{" "}\n  : la suite\n</p>;')).toHaveLength(1);
  expect(findSlips("d.tsx", 'const d = <p>\n  <a href="/x">lien</a>\n  &nbsp;: la suite\n</p>;')).toEqual([]);
});
