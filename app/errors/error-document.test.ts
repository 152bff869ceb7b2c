import { expect, test } from "vitest";
import { prefersJson, renderErrorDocument } from "./error-document.ts";

test("an error page has the site's layout, its stylesheet, a French title and a way back", () => {
  const html = renderErrorDocument({ status: 404, stylesheets: ["/build/_assets/app-ABC.css"], message: "Ce quiz n'existe pas." });
  expect(html).toContain('<html lang="fr">');
  expect(html).toContain('<link rel="stylesheet" href="/build/_assets/app-ABC.css">');
  expect(html).toContain("<title>Page introuvable — Apprendre à faire alliance</title>");
  expect(html).toContain("<h1>Page introuvable</h1>");
  expect(html).toContain("Ce quiz n&#39;existe pas.");
  expect(html).toContain('<a href="/">Revenir à l\'accueil</a>');
  expect(html).not.toMatch(/style=/);
});

test("text from the request is escaped", () => {
  expect(renderErrorDocument({ status: 400, message: "<script>alert(1)</script>", stylesheets: [] })).not.toContain("<script>alert");
});

test.each([
  ["application/json", true],
  ["application/json, text/plain, */*", true],
  ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", false],
  ["*/*", false],
  [null, false],
])("prefersJson(%j) → %s", (accept, expected) => {
  expect(prefersJson(accept)).toBe(expected);
});
