/**
 * /accessibilite publishes every check the e2e suite runs, every known issue, and the parts an RGAA
 * 4.1 statement must have: removing a check from the page, or adding one to the list without the
 * page showing it, fails here.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server.js";
import { expect, test } from "vitest";
import { ACCESSIBILITY_CHECKS, KNOWN_ISSUES, PAGE_TYPES, STATEMENT } from "./checks.ts";
import { formatDate } from "~/utils/format.ts";
import { AccessibilityStatement } from "./statement.tsx";

const html = renderToStaticMarkup(
  <StaticRouter location="/accessibilite">
    <AccessibilityStatement contact="accessibilite@mairie.example.fr" site="https://alliances.example.fr" />
  </StaticRouter>,
);
const text = html
  .replace(/<[^>]+>/g, " ")
  .replace(/&#x27;/g, "'")
  .replace(/&quot;/g, '"')
  .replace(/[ \t\r\n]+/g, " "); // not \s: the page's no-break spaces are kept

test("every check of the e2e suite is on the page, with its widths and what it covers", () => {
  for (const check of ACCESSIBILITY_CHECKS) {
    expect(html).toContain(`id="controle-${check.id}"`);
    expect(text).toContain(check.title);
    expect(text).toContain(check.description);
    expect(text).toContain(check.criteria);
    expect(text).toContain(check.widths.map((width) => `${width}\u00a0px`).join(", "));
  }
  for (const label of Object.values(PAGE_TYPES)) expect(text).toContain(label);
});

test("every known issue is published as a non-accessible content, and so are the untagged PDFs", () => {
  for (const issue of KNOWN_ISSUES) expect(text).toContain(issue.description);
  expect(text).toContain("ne sont pas des PDF balisés");
});

test("the parts of an RGAA 4.1 statement, with the configured contact and the honest state", () => {
  for (const heading of [
    "État de conformité",
    "Résultats des tests",
    "Contenus non accessibles",
    "Dérogations pour charge disproportionnée",
    "Établissement de cette déclaration",
    "Technologies utilisées pour la réalisation du site",
    "Environnement de test",
    "Retour d'information et contact",
    "Voies de recours",
  ]) {
    expect(text).toContain(heading);
  }
  expect(text).toContain("partiellement conforme au RGAA\u00a04.1");
  expect(text).toContain("Aucun audit complet du RGAA n'a été réalisé");
  expect(html).toContain('href="mailto:accessibilite@mairie.example.fr"');
  expect(text).toContain("https://alliances.example.fr");
  expect(text).toContain(`Chromium ${STATEMENT.browser.major}`);
  expect(text).toContain("320\u00a0px, 360\u00a0px, 1280\u00a0px");
  expect(text).toContain("JavaScript activé, puis désactivé");
  expect(text).toContain(`établie le ${formatDate(STATEMENT.date)}`);
  expect(html).toContain('href="https://formulaire.defenseurdesdroits.fr/"');
  expect(text).toContain("Libre réponse 71120");
  expect(text).toContain("75342 Paris CEDEX 07");
});
