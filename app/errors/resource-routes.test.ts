/**
 * Every resource route (a route module without a page) answers its errors as pages in the site's
 * layout or as JSON, never as bare text: its loader and action are wrapped with `withErrorPages`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "vitest";

const ROUTES = path.resolve("app/routes");
/** Answer machines, not people, or only ever redirect: nothing to refuse a person. */
const EXEMPT = new Set(["healthz.ts", "certificats.cle-publique[.pem].ts", "deconnexion.tsx"]);

test("every resource route's loader and action turn thrown errors into pages (or JSON)", () => {
  const unwrapped: string[] = [];
  for (const file of readdirSync(ROUTES)) {
    if (/\.test\.tsx?$/.test(file)) continue;
    const source = readFileSync(path.join(ROUTES, file), "utf8");
    if (/export default/.test(source) || EXEMPT.has(file)) continue;
    for (const kind of ["loader", "action"]) {
      if (new RegExp(`export (async )?function ${kind}\\b`).test(source)) unwrapped.push(`${file} : ${kind}`);
      const declared = new RegExp(`export const ${kind} = (\\w+)`).exec(source);
      if (declared && declared[1] !== "withErrorPages") unwrapped.push(`${file} : ${kind}`);
    }
  }
  expect(unwrapped).toEqual([]);
});
