/**
 * The list of checks /accessibilite publishes is complete and true to the tools that run it.
 */
import { createRequire } from "node:module";
import { expect, test } from "vitest";
import { ACCESSIBILITY_CHECKS, ALL_PAGE_TYPES, KNOWN_ISSUES, STATEMENT } from "./checks.ts";

const require = createRequire(import.meta.url);

test("the tool versions the statement names are the installed ones", () => {
  expect(STATEMENT.tools["axe-core"]).toBe((require("axe-core/package.json") as { version: string }).version);
  expect(STATEMENT.tools.Playwright).toBe((require("@playwright/test/package.json") as { version: string }).version);
});

test("every check has a French description, widths, page types, and a unique id", () => {
  expect(new Set(ACCESSIBILITY_CHECKS.map((check) => check.id)).size).toBe(ACCESSIBILITY_CHECKS.length);
  for (const check of ACCESSIBILITY_CHECKS) {
    expect(check.title.length, check.id).toBeGreaterThan(3);
    expect(check.description, check.id).toMatch(/\.$/);
    expect(check.widths.length, check.id).toBeGreaterThan(0);
    expect(
      check.pageTypes.every((type) => ALL_PAGE_TYPES.includes(type)),
      check.id,
    ).toBe(true);
  }
  // Every page type is covered by axe and by the keyboard walk: nothing is left out of the sweep.
  expect(ACCESSIBILITY_CHECKS.find((check) => check.id === "axe")?.pageTypes).toEqual(ALL_PAGE_TYPES);
  expect(ACCESSIBILITY_CHECKS.find((check) => check.id === "clavier")?.pageTypes).toEqual(ALL_PAGE_TYPES);
});

test("a known issue belongs to a check that exists", () => {
  for (const issue of KNOWN_ISSUES) for (const id of issue.checks) expect(ACCESSIBILITY_CHECKS.map((check) => check.id)).toContain(id);
});
