/**
 * Folders of app/ depend one way. From the bottom up (a folder may import its own layer and the
 * layers below it, never one above):
 *
 *   1. generated, styles          the Prisma clients `npm run db:generate` writes; the stylesheet
 *   2. utils                      true utilities, no domain: French typography and dates, env, mailer, slugs, codes
 *   3. errors, accessibility      error documents and messages; what the accessibility statement says
 *   4. db                         the Prisma client, its errors, the rate limits every domain counts in it
 *   5. auth                       accounts, sessions, roles, two-factor, pruning what expired
 *   6. courses                    the course model: schemas, catalogue types, reading courses/, compiling lessons
 *   6. activities                 what quizzes and simulations share: the request protocol, step addresses, ActivityError
 *   7. quizzes, simulations, projects
 *                                 the activities: definitions and their loaders, machines, grading, storage
 *   7. toolkit                    /boite-a-outils: the practical documents of courses/toolkit, their checks and rendering
 *   8. content                    all of courses/ loaded together (the catalogue the app serves), lesson
 *                                 times and assessment rules that span activities, the content checker
 *   9. progress, certificates     a learner's record: progress, active time, issuance and verification
 *  10. mdx                        the components a lesson may use
 *  11. cohorts                    trainers' groups, dashboards, exports
 *  11. search                     /recherche: the index of lessons, glossary and scenarios, its queries and snippets
 *  11. questions, placement, satisfaction
 *                                 tutor questions, positioning, the end-of-path questionnaire
 *  11. attestations               the documents of a completed path (attestation, certificat de réalisation,
 *                                 relevé d'activité), their PDFs, the cohort ZIP and « service fait » CSV
 *  11. lti                        LTI 1.3: the tool's keys, login and launch, accounts and cohorts made by launches
 *  12. pages                      page assemblers: the lesson page, the path overview, lesson actions, project pages
 *  13. components                 shared UI of the pages
 *  14. routes, server, cli, (root)
 *                                 entry points: Remix routes, the HTTP server, commands, root.tsx and entry.*.tsx
 *
 * A new folder must be placed here before anything imports it; the check below fails on any import
 * against this order (with the files that make it) and on any cycle between folders.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

export const LAYERS: string[][] = [
  ["generated", "styles"],
  ["utils"],
  ["errors", "accessibility"],
  ["db"],
  ["auth"],
  ["courses", "activities", "organisation"],
  ["quizzes", "simulations", "projects", "toolkit"],
  ["content"],
  ["progress", "certificates"],
  ["mdx"],
  ["cohorts", "search", "questions", "placement", "satisfaction", "attestations", "lti"],
  ["pages"],
  ["components"],
  ["routes", "server", "cli", "(root)"],
];

/**
 * Upward imports that are allowed, each type-only (erased at build time, so no module is loaded
 * upward) and with its reason. None today: the root loader's data reaches the header and the
 * certificate notice as props from root.tsx.
 */
export const ALLOWED_UPWARD: Array<{ from: string; to: string; why: string }> = [];

const APP = path.resolve("app");

export interface Import {
  /** Importing file, relative to app/. */
  file: string;
  /** Imported file, relative to app/ (extension as written). */
  target: string;
  typeOnly: boolean;
}

/** The folder of app/ a file belongs to; files directly in app/ are "(root)". */
export function folderOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? "(root)" : file.slice(0, slash);
}

/** Every import of app code in `source` (static, `export … from`, dynamic `import()`), resolved relative to app/. */
export function importsOf(file: string, source: string): Import[] {
  const sourceFile = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    false,
    file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) => {
    let target: string;
    if (specifier.startsWith("~/")) target = path.posix.normalize(specifier.slice(2));
    else if (specifier.startsWith(".")) target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
    else return;
    if (target.startsWith("..")) return;
    found.push({ file, target, typeOnly });
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const everyNamedTypeOnly =
        !!bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.length > 0 &&
        bindings.elements.every((element) => element.isTypeOnly);
      add(node.moduleSpecifier.text, !!clause && (clause.isTypeOnly || (!clause.name && everyNamedTypeOnly)));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      add(node.moduleSpecifier.text, node.isTypeOnly);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

/** The non-test modules of app/ (generated code excluded), relative to app/. */
function appModules(): string[] {
  return readdirSync(APP, { recursive: true, encoding: "utf8" })
    .map((file) => file.split(path.sep).join("/"))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.endsWith(".d.ts") && folderOf(file) !== "generated");
}

/** Folder → folder → the imports that make that edge. */
export type FolderGraph = Map<string, Map<string, Import[]>>;

export function folderGraph(imports: Import[]): FolderGraph {
  const graph: FolderGraph = new Map();
  for (const entry of imports) {
    const from = folderOf(entry.file);
    const to = folderOf(entry.target);
    if (!graph.has(from)) graph.set(from, new Map());
    if (from === to) continue;
    const edges = graph.get(from)!;
    edges.set(to, [...(edges.get(to) ?? []), entry]);
  }
  return graph;
}

const describeEdge = (from: string, to: string, imports: Import[]) =>
  `${from} → ${to} (${imports.map((entry) => `${entry.file} imports ${entry.target}`).join("; ")})`;

/** One cycle per strongly connected group of folders, as the path around it with the files of each edge. */
export function findCycles(graph: FolderGraph): string[] {
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])]);
  const successors = (node: string) => [...(graph.get(node)?.keys() ?? [])].sort();
  // Tarjan's strongly connected components.
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const connect = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of successors(node)) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...nodes].sort()) if (!index.has(node)) connect(node);
  return groups.map((group) => {
    // The shortest way back to the group's first folder, from its first folder, staying inside the group.
    const start = group[0]!;
    const inGroup = new Set(group);
    const previous = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    while (queue.length > 0 && last === undefined) {
      const node = queue.shift()!;
      for (const next of successors(node)) {
        if (!inGroup.has(next)) continue;
        if (next === start) {
          last = node;
          break;
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    const cycle = [start];
    for (let node = last!; node !== start; node = previous.get(node)!) cycle.splice(1, 0, node);
    cycle.push(start);
    const edges = cycle.slice(1).map((to, i) => describeEdge(cycle[i]!, to, graph.get(cycle[i]!)!.get(to)!));
    const members = group.length > cycle.length - 1 ? ` (one of the cycles among ${group.join(", ")})` : "";
    return `cycle ${cycle.join(" → ")}${members}:\n    ${edges.join("\n    ")}`;
  });
}

const isAllowed = (entry: Import, allowed: typeof ALLOWED_UPWARD) =>
  entry.typeOnly && allowed.some((rule) => rule.from === entry.file && rule.to === entry.target);

/** Imports against the order of `layers`, and folders that no layer names. */
export function findUpwardImports(graph: FolderGraph, layers: string[][], allowed = ALLOWED_UPWARD): string[] {
  const layerOf = new Map(layers.flatMap((folders, level) => folders.map((folder) => [folder, level] as const)));
  const problems: string[] = [];
  const folders = new Set([...graph.keys(), ...[...graph.values()].flatMap((edges) => [...edges.keys()])]);
  for (const folder of [...folders].sort()) {
    if (!layerOf.has(folder)) problems.push(`app/${folder} is in no layer: add it to LAYERS in app/architecture.test.ts`);
  }
  for (const [from, edges] of [...graph].sort(([a], [b]) => a.localeCompare(b))) {
    for (const [to, imports] of [...edges].sort(([a], [b]) => a.localeCompare(b))) {
      const fromLevel = layerOf.get(from);
      const toLevel = layerOf.get(to);
      if (fromLevel === undefined || toLevel === undefined || toLevel <= fromLevel) continue;
      const upward = imports.filter((entry) => !isAllowed(entry, allowed));
      if (upward.length > 0) problems.push(`upward import (layer ${fromLevel + 1} → ${toLevel + 1}): ${describeEdge(from, to, upward)}`);
    }
  }
  return problems;
}

function appImports(): Import[] {
  return appModules().flatMap((file) => importsOf(file, readFileSync(path.join(APP, file), "utf8")));
}

describe("the checker", () => {
  const fake = (files: Record<string, string>) => folderGraph(Object.entries(files).flatMap(([file, source]) => importsOf(file, source)));

  test("reads static, re-exported, dynamic and relative imports, and tells type-only ones", () => {
    const imports = importsOf(
      "courses/a.ts",
      [
        'import { x } from "~/utils/x.ts";',
        'import type { Y } from "../quizzes/y.ts";',
        'import { type Z } from "./z.ts";',
        'export { w } from "~/db/w.ts";',
        'const lazy = () => import("~/mdx/m.tsx");',
        'import path from "node:path";',
      ].join("\n"),
    );
    expect(imports).toEqual([
      { file: "courses/a.ts", target: "utils/x.ts", typeOnly: false },
      { file: "courses/a.ts", target: "quizzes/y.ts", typeOnly: true },
      { file: "courses/a.ts", target: "courses/z.ts", typeOnly: true },
      { file: "courses/a.ts", target: "db/w.ts", typeOnly: false },
      { file: "courses/a.ts", target: "mdx/m.tsx", typeOnly: false },
    ]);
  });

  test("reports an upward import with the file that makes it", () => {
    const graph = fake({
      "courses/model.ts": 'import { x } from "~/utils/x.ts";',
      "courses/page.server.ts": 'import { grade } from "~/quizzes/grading.server.ts";',
      "quizzes/grading.server.ts": 'import type { Lesson } from "~/courses/model.ts";',
    });
    expect(findUpwardImports(graph, [["utils"], ["courses"], ["quizzes"]], [])).toEqual([
      "upward import (layer 2 → 3): courses → quizzes (courses/page.server.ts imports quizzes/grading.server.ts)",
    ]);
  });

  test("reports a cycle with the path around it and the files of each edge", () => {
    const graph = fake({
      "courses/page.server.ts": 'import { grade } from "~/quizzes/grading.server.ts";',
      "quizzes/grading.server.ts": 'import { score } from "~/progress/score.ts";',
      "progress/score.ts": 'import type { Lesson } from "../courses/model.ts";',
    });
    expect(findCycles(graph)).toEqual([
      "cycle courses → quizzes → progress → courses:\n" +
        "    courses → quizzes (courses/page.server.ts imports quizzes/grading.server.ts)\n" +
        "    quizzes → progress (quizzes/grading.server.ts imports progress/score.ts)\n" +
        "    progress → courses (progress/score.ts imports courses/model.ts)",
    ]);
  });

  test("reports a folder that no layer names", () => {
    const graph = fake({ "newfolder/a.ts": 'import { x } from "~/utils/x.ts";' });
    expect(findUpwardImports(graph, [["utils"]], [])).toEqual([
      "app/newfolder is in no layer: add it to LAYERS in app/architecture.test.ts",
    ]);
  });

  test("lets an allowed upward import through only when it is type-only", () => {
    const allowed = [{ from: "utils/use-data.ts", to: "root.tsx", why: "test" }];
    const typeOnly = fake({ "utils/use-data.ts": 'import type { loader } from "~/root.tsx";' });
    const value = fake({ "utils/use-data.ts": 'import { loader } from "~/root.tsx";' });
    const layers = [["utils"], ["(root)"]];
    expect(findUpwardImports(typeOnly, layers, allowed)).toEqual([]);
    expect(findUpwardImports(value, layers, allowed)).toEqual([
      "upward import (layer 1 → 2): utils → (root) (utils/use-data.ts imports root.tsx)",
    ]);
  });
});

describe("app/", () => {
  const imports = appImports();
  // The allowed type-only upward imports are left out of the graph: they load nothing.
  const graph = folderGraph(imports.filter((entry) => !isAllowed(entry, ALLOWED_UPWARD)));

  test("no folder imports a folder that imports it back, directly or not", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  test("every import follows the layers written at the top of this file", () => {
    expect(findUpwardImports(graph, LAYERS)).toEqual([]);
  });

  test("each allowed upward import still exists and is type-only", () => {
    for (const rule of ALLOWED_UPWARD) {
      const matching = imports.filter((entry) => entry.file === rule.from && entry.target === rule.to);
      expect(matching.length, `${rule.from} → ${rule.to}`).toBeGreaterThan(0);
      expect(
        matching.every((entry) => entry.typeOnly),
        `${rule.from} → ${rule.to}`,
      ).toBe(true);
    }
  });
});
