/**
 * French typography of the interface's own strings (issue 17): the words written in the code —
 * JSX text, attribute values, messages in string and template literals — as opposed to the course
 * content, which the loaders typeset (app/utils/french-typography.ts).
 *
 * Why in the source and not at render time: a pass over the rendered HTML would make the server's
 * text differ from the client's and break hydration. So `npm run typeset:interface` writes the
 * no-break spaces into the code, as visible escapes (`&nbsp;` and `&#x202F;` in JSX, `\u00A0` and
 * `\u202F` in strings), and the test beside this file fails on any string that still has a plain
 * space before « : ; ! ? % » or inside « ». Authors never type an invisible character.
 *
 * Only a space that is already there is replaced: a string such as "Content-Type: text/html" or
 * "?index" has no space before its punctuation and is left alone, so code strings are safe.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const NBSP = "\u00A0";
const NNBSP = "\u202F";

/** A plain space the French rules want unbreakable, in text as the reader gets it. */
const SLIP = / [:;!?%](?![\p{L}\p{N}])|« | »/gu;

/** How a literal writes a no-break space in the source. */
type Kind = "jsx" | "string";
const ESCAPES: Record<Kind, Record<string, string>> = {
  jsx: { [NBSP]: "&nbsp;", [NNBSP]: "&#x202F;" },
  string: { [NBSP]: "\\u00A0", [NNBSP]: "\\u202F" },
};

/**
 * The raw source of one literal (without its quotes), with each slip's space replaced by its escape.
 * `afterExpression`: the segment follows a `${…}` or `{…}`, so a leading « % » belongs to a number.
 */
function fixRaw(raw: string, kind: Kind): string {
  const esc = ESCAPES[kind];
  return (
    raw
      // A no-break space typed as such is invisible in an editor: written as its escape.
      .replace(/[\u00A0\u202F]/g, (space) => esc[space]!)
      // « mot » — the spaces inside the guillemets.
      .replace(/« /g, `«${esc[NNBSP]}`)
      .replace(/ »/g, `${esc[NNBSP]}»`)
      // ; ! ? — a narrow no-break space before the first of a run.
      .replace(/ ([;!?])(?![\p{L}\p{N}])/gu, `${esc[NNBSP]}$1`)
      // : and % — a word-wide no-break space.
      .replace(/ ([:%])(?![\p{L}\p{N}])/gu, `${esc[NBSP]}$1`)
  );
}

/** What the reader gets from a literal: entities decoded in JSX, escapes already cooked by TypeScript. */
function decodeEntities(text: string): string {
  return text
    .replace(/&nbsp;|&#160;|&#xA0;/gi, NBSP)
    .replace(/&#8239;|&#x202F;/gi, NNBSP)
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");
}

/** JSX collapses a text's line breaks and their indentation: what is left is what renders. */
function jsxRendered(raw: string): string {
  const lines = raw.split(/\r?\n/);
  if (lines.length === 1) return raw;
  return lines
    .map((line, index) => (index === 0 ? line.trimEnd() : index === lines.length - 1 ? line.trimStart() : line.trim()))
    .filter((line) => line !== "")
    .join(" ");
}

interface Slip {
  line: number;
  text: string;
}

interface Literal {
  node: ts.Node;
  kind: Kind;
  /** Offsets of the raw text inside the source (quotes and `${`/`}` excluded). */
  start: number;
  end: number;
  /** The text as the reader gets it. */
  rendered: string;
}

/** Strings that are code, not words: imports, types, object keys, `fr`-tagged templates (typeset at run time). */
function isCode(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isLiteralTypeNode(parent)) return true;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent)) return true;
  if (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && parent.expression.text === "require") return true;
  return false;
}

function previousSibling(node: ts.Node): ts.Node | undefined {
  const siblings = ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent) ? node.parent.children : undefined;
  const index = siblings?.indexOf(node as ts.JsxChild) ?? -1;
  return index > 0 ? siblings![index - 1] : undefined;
}

function isSpaceExpression(node: ts.Node | undefined): boolean {
  return Boolean(
    node && ts.isJsxExpression(node) && node.expression && ts.isStringLiteral(node.expression) && node.expression.text === " ",
  );
}

function literalsOf(sourceFile: ts.SourceFile): Literal[] {
  const text = sourceFile.text;
  const literals: Literal[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) {
      const raw = text.slice(node.pos, node.end);
      // `{" "}` before the text renders a plain space before it: « </a>{" "}: … » is « … : … ».
      const spaceBefore = isSpaceExpression(previousSibling(node)) && /^\s*\n/.test(raw) ? " " : "";
      literals.push({ node, kind: "jsx", start: node.pos, end: node.end, rendered: spaceBefore + decodeEntities(jsxRendered(raw)) });
    } else if (ts.isStringLiteral(node) && !isCode(node)) {
      const inJsx = ts.isJsxAttribute(node.parent);
      const start = node.getStart(sourceFile) + 1;
      literals.push({
        node,
        kind: inJsx ? "jsx" : "string",
        start,
        end: node.end - 1,
        rendered: inJsx ? decodeEntities(node.text) : node.text,
      });
    } else if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === "fr") {
      return; // typeset when it runs
    } else if (
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const start = node.getStart(sourceFile) + 1;
      const end = ts.isTemplateHead(node) || ts.isTemplateMiddle(node) ? node.end - 2 : node.end - 1;
      literals.push({ node, kind: "string", start, end, rendered: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return literals;
}

function parse(fileName: string, source: string) {
  const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
}

/** The interface strings of a source file that break the French typography, with their line. */
export function findSlips(fileName: string, source: string): Slip[] {
  const sourceFile = parse(fileName, source);
  const slips: Slip[] = [];
  for (const literal of literalsOf(sourceFile)) {
    for (const match of literal.rendered.matchAll(SLIP)) {
      const { line } = sourceFile.getLineAndCharacterOfPosition(literal.start);
      const at = match.index;
      slips.push({
        line: line + 1,
        text: literal.rendered
          .slice(Math.max(0, at - 30), at + 30)
          .replace(/\s+/g, " ")
          .trim(),
      });
    }
  }
  return slips;
}

/** The source with every slip it can mend mended (a slip across a JSX line break is left to the author). */
export function fixSource(fileName: string, source: string): string {
  const sourceFile = parse(fileName, source);
  let result = "";
  let last = 0;
  for (const literal of literalsOf(sourceFile).sort((a, b) => a.start - b.start)) {
    const raw = source.slice(literal.start, literal.end);
    if (!literal.rendered.match(SLIP) && !/[\u00A0\u202F]/.test(raw)) continue;
    result += source.slice(last, literal.start) + fixRaw(raw, literal.kind);
    last = literal.end;
  }
  return result + source.slice(last);
}

/**
 * Modules whose messages are read in a terminal by authors and operators, not in the interface:
 * the content checker and the content schemas (`npm run courses:check`), the command-line tools,
 * the server's start-up log. Their strings stay plain, and so do those that are patterns matched
 * against text (wording rules, PDF character mapping).
 */
const TERMINAL_MESSAGES = [
  /^app\/cli\//,
  /^app\/courses\/(check-rules|wording-rules|time-report|content-form-rules|load-catalog\.server|course-schema|diagram-schema)\.ts$/,
  /^app\/content\/(assessment-rules|check-courses\.server|catalog\.server|lesson-time)\.ts$/,
  /^app\/quizzes\/(quiz-schema|load-quizzes\.server)\.ts$/,
  /^app\/simulations\/(scenario-schema|load-scenarios\.server|graph-check|scenario-balance)\.ts$/,
  /^app\/projects\/(project-schema|load-projects\.server)\.ts$/,
  /^app\/toolkit\/(toolkit-schema|load-toolkit\.server|markdown-parse)\.ts$/,
  /^app\/server\/main\.ts$/,
  /^app\/utils\/(env\.server|mailer\.server|printable-text)\.ts$/,
];

/** The files whose strings the interface shows: app/, without tests, generated code and terminal messages. */
export function interfaceSourceFiles(root = "app"): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "generated") walk(file);
      } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        files.push(file);
      }
    }
  };
  walk(root);
  return files.filter((file) => !TERMINAL_MESSAGES.some((pattern) => pattern.test(file.split(path.sep).join("/")))).sort();
}
