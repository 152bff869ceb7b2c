/**
 * A remark plugin that records, while a lesson compiles, what the checker must verify (components
 * used and their attributes, links, imports) and what the page needs (the outline of its sections).
 * It also gives each section heading a stable id so the outline can link to it.
 */
import { slugify } from "~/utils/slugify.ts";
import { countWords } from "./time-model.ts";

interface ComponentUse {
  name: string;
  /** Literal attribute values; null when the value is a JavaScript expression. */
  attributes: Record<string, string | null>;
  /**
   * Values of the attributes written as JavaScript expressions that are plain data (a diagram's
   * `items={[{ label: "…" }]}`); `undefined` when the expression is not a literal.
   */
  data?: Record<string, unknown>;
  line: number | null;
}

export interface LessonUsage {
  components: ComponentUse[];
  links: Array<{ url: string; line: number | null }>;
  imports: string[];
  /** Names bound by those imports, usable as components. */
  importedNames: string[];
  outline: Array<{ id: string; title: string }>;
  /**
   * Words a reader sees (text and the prompts, labels and titles given as attributes): outside any
   * `<ForProfile>` in `common`, inside one under its profile. Feeds the time model (time-model.ts).
   * `<TrainerNotes>` are counted apart and left out of the model: preparing a class is not a
   * learner's time.
   */
  words?: { common: number; profiles: Record<string, number>; trainerNotes: number };
  /**
   * Caveats about the sources (« la source ne précise pas… ») written in the text rather than in
   * the lesson's `<SourceNotes>` block, where they belong (content-form-rules.ts).
   */
  hedges?: Array<{ phrase: string; line: number | null }>;
}

interface Node {
  type: string;
  name?: string | null;
  url?: string;
  value?: unknown;
  depth?: number;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
  children?: Node[];
  position?: { start: { line: number } };
  data?: Record<string, unknown>;
}

/** Ids given to `<Quiz id>` or `<Simulation id>` in a lesson, once each, in order of appearance. */
export function embeddedIds(usage: Pick<LessonUsage, "components">, component: "Quiz" | "Simulation"): string[] {
  return [...new Set(usage.components.filter((c) => c.name === component).map((c) => c.attributes.id ?? "").filter(Boolean))];
}

/**
 * The simulations a lesson asks for, as groups of alternatives: `<Simulation id>` is a group of one
 * (it must be played), `<SimulationChoice ids="a b">` a group of several (any one of them will do).
 */
export function scenarioGroups(usage: Pick<LessonUsage, "components">): string[][] {
  return usage.components.flatMap((c) => {
    if (c.name === "Simulation") return c.attributes.id ? [[c.attributes.id]] : [];
    if (c.name === "SimulationChoice") return [choiceIds(c.attributes.ids ?? "")];
    return [];
  });
}

/** `ids="sb-maire sa-catalyseur"` (spaces or commas) → ["sb-maire", "sa-catalyseur"]. */
export function choiceIds(attribute: string): string[] {
  return [...new Set(attribute.split(/[\s,]+/).filter(Boolean))];
}

/** Every simulation a lesson shows, whether required or offered as a choice, once each. */
export function embeddedScenarioIds(usage: Pick<LessonUsage, "components">): string[] {
  return [...new Set(scenarioGroups(usage).flat())];
}

interface EstreeNode {
  type: string;
  value?: unknown;
  elements?: Array<EstreeNode | null>;
  properties?: EstreeNode[];
  key?: EstreeNode & { name?: string };
  computed?: boolean;
  quasis?: Array<{ value: { cooked?: string | null } }>;
  expressions?: unknown[];
  body?: Array<{ type: string; expression?: EstreeNode }>;
}

const NOT_LITERAL = Symbol("not literal");

/** The value of an expression made only of literals (strings, numbers, arrays, objects), or NOT_LITERAL. */
function literalOf(node: EstreeNode | null | undefined): unknown {
  if (!node) return NOT_LITERAL;
  switch (node.type) {
    case "Literal":
      return node.value;
    case "TemplateLiteral":
      return node.expressions?.length ? NOT_LITERAL : (node.quasis?.[0]?.value.cooked ?? "");
    case "ArrayExpression": {
      const values = (node.elements ?? []).map(literalOf);
      return values.includes(NOT_LITERAL) ? NOT_LITERAL : values;
    }
    case "ObjectExpression": {
      const result: Record<string, unknown> = {};
      for (const property of node.properties ?? []) {
        const key = property.key;
        if (property.type !== "Property" || property.computed || !key) return NOT_LITERAL;
        const name = key.type === "Identifier" ? key.name : key.type === "Literal" ? String(key.value) : null;
        const value = literalOf(property.value as EstreeNode);
        if (name === null || name === undefined || value === NOT_LITERAL) return NOT_LITERAL;
        result[name] = value;
      }
      return result;
    }
    default:
      return NOT_LITERAL;
  }
}

/** The data an attribute expression holds (`{[…]}`), if it is only literals. */
function expressionData(value: unknown): unknown {
  const estree = (value as { data?: { estree?: EstreeNode } } | null)?.data?.estree;
  const statement = estree?.body?.[0];
  const result = statement?.type === "ExpressionStatement" ? literalOf(statement.expression) : NOT_LITERAL;
  return result === NOT_LITERAL ? undefined : result;
}

function textOf(node: Node): string {
  if (typeof node.value === "string" && (node.type === "text" || node.type === "inlineCode")) return node.value;
  return (node.children ?? []).map(textOf).join("");
}

function walk(node: Node, visit: (node: Node) => void) {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** Attributes whose text a reader sees on the page (a reflection's prompt, a key figure's label…). */
const VISIBLE_ATTRIBUTES = new Set(["prompt", "label", "note", "title", "value", "question", "caption"]);

/** Marks the words of a `<TrainerNotes>` passage while counting (not a profile name). */
const TRAINER_NOTES = "<TrainerNotes>";

/** Counts the words of a lesson's tree, per profile passage (see `LessonUsage.words`). */
export function countLessonWords(tree: Node): NonNullable<LessonUsage["words"]> {
  const words = { common: 0, profiles: {} as Record<string, number>, trainerNotes: 0 };
  const visit = (node: Node, profile: string | null) => {
    let inside = profile;
    if (node.name === "TrainerNotes") inside = TRAINER_NOTES;
    let count = 0;
    if ((node.type === "text" || node.type === "inlineCode") && typeof node.value === "string") count += countWords(node.value);
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
        if (node.name === "ForProfile" && attribute.name === "profile" && typeof attribute.value === "string") inside = attribute.value;
        else if (VISIBLE_ATTRIBUTES.has(attribute.name) && typeof attribute.value === "string") count += countWords(attribute.value);
      }
    }
    if (inside === null) words.common += count;
    else if (inside === TRAINER_NOTES) words.trainerNotes += count;
    else words.profiles[inside] = (words.profiles[inside] ?? 0) + count;
    if (node.type === "mdxjsEsm" || node.type === "code") return;
    for (const child of node.children ?? []) visit(child, inside);
  };
  visit(tree, null);
  return words;
}

/**
 * A sentence that says what a source does not say: « la source ne précise pas », « les documents ne
 * le détaillent pas », « sans préciser ». Honest, but gathered in « Sources et limites ».
 */
export const HEDGE = /\b(?:ne|n['’])\s?(?:le |la |les |l['’]|en |y )?(?:précis|dit|dis|détaill|donn|chiffr|indiqu|nomm|mentionn|expliqu|décri)\p{L}*\s+(?:pas|rien|jamais)\b|\bsans (?:le |la |les )?(?:préciser|détailler|chiffrer|dire)\b/giu;

/** The hedges of a lesson's text outside its `<SourceNotes>` block (quoted titles excepted: none carry one). */
export function findHedges(tree: Node): NonNullable<LessonUsage["hedges"]> {
  const found: NonNullable<LessonUsage["hedges"]> = [];
  const visit = (node: Node, inNotes: boolean) => {
    const notes = inNotes || node.name === "SourceNotes";
    if (!notes && node.type === "text" && typeof node.value === "string") {
      for (const match of node.value.matchAll(HEDGE)) found.push({ phrase: match[0], line: node.position?.start.line ?? null });
    }
    if (node.type === "mdxjsEsm" || node.type === "code") return;
    for (const child of node.children ?? []) visit(child, notes);
  };
  visit(tree, false);
  return found;
}

export function collectUsage(usage: LessonUsage) {
  return () => (tree: Node) => {
    usage.words = countLessonWords(tree);
    usage.hedges = findHedges(tree);
    const taken = new Map<string, number>();
    walk(tree, (node) => {
      const line = node.position?.start.line ?? null;
      if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name) {
        const attributes: Record<string, string | null> = {};
        const data: Record<string, unknown> = {};
        for (const attribute of node.attributes ?? []) {
          if (attribute.type !== "mdxJsxAttribute" || !attribute.name) continue;
          attributes[attribute.name] =
            typeof attribute.value === "string" ? attribute.value : attribute.value == null ? "" : null;
          if (attributes[attribute.name] === null) data[attribute.name] = expressionData(attribute.value);
        }
        usage.components.push({ name: node.name, attributes, ...(Object.keys(data).length ? { data } : {}), line });
        // `ref` is reserved by React (it would become a string ref); <Source ref="…"> is how authors
        // write it, so the attribute reaches the component as `sourceRef`.
        if (node.name === "Source") {
          for (const attribute of node.attributes ?? []) if (attribute.name === "ref") attribute.name = "sourceRef";
        }
      } else if (node.type === "link" && node.url) {
        usage.links.push({ url: node.url, line });
      } else if (node.type === "mdxjsEsm" && typeof node.value === "string") {
        for (const match of node.value.matchAll(/import\s+([\s\S]+?)\s+from\s+["']([^"']+)["']/g)) {
          usage.imports.push(match[2]!);
          const bindings = match[1]!.replace(/[{}]/g, ",").split(",");
          for (const binding of bindings) {
            const name = binding.trim().split(/\s+as\s+/).pop()?.trim();
            if (name && /^[A-Za-z_$][\w$]*$/.test(name)) usage.importedNames.push(name);
          }
        }
      } else if (node.type === "heading" && (node.depth === 2 || node.depth === 3)) {
        const title = textOf(node).trim();
        const base = slugify(title) || "section";
        const count = taken.get(base) ?? 0;
        taken.set(base, count + 1);
        const id = count === 0 ? base : `${base}-${count + 1}`;
        node.data = { ...node.data, hProperties: { id } };
        if (node.depth === 2) usage.outline.push({ id, title });
      }
    });
  };
}
