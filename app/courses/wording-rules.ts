/**
 * Wording the content writes one way everywhere (issue 17): the checker (`npm run courses:check`)
 * runs these rules over every lesson, quiz, scenario, project, path and the glossary, as written.
 * Pure; check-wording.server.ts reads the files.
 *
 * - « du RAMEAU », « au RAMEAU », never « de Le RAMEAU », « à Le RAMEAU » (the article contracts,
 *   as the source documents write it);
 * - « SilverGeek », in one word (the association's name as most of the content wrote it);
 * - inclusive forms with the middle dot and the plural once: « élu·es », « agent·es »,
 *   « salarié·es », « formateur·rices », never « élu(e)s », « élu.e.s », « élus/élues »,
 *   « élu-e-s », « élu·e·s » or another dot (•, ⋅, ∙). Doublets (« les élues et les élus ») are
 *   a choice of style, not a variant spelling, and stay allowed.
 *
 * URLs are skipped: an address keeps its own spelling (silvergeek.org, /parcours/…).
 */

interface WordingProblem {
  line: number;
  found: string;
  message: string;
}

interface Rule {
  pattern: RegExp;
  /** The pattern matches part of a word: show the whole word. */
  wholeWord?: boolean;
  message: (found: string) => string;
}

/** Inclusive endings: « e », « es », « ne », « rice »… as written after the masculine word. */
const ENDING = "(?:e|es|ne|nes|le|les|se|ses|ve|ves|rice|rices|trice|trices|euse|euses|ère|ères)";

const CONTRACTED: Record<string, string> = { de: "du", De: "Du", à: "au", À: "Au" };

const WORDING_RULES: Rule[] = [
  {
    pattern: /(?<!\p{L})(de|De|à|À) Le RAMEAU\b/gu,
    message: (found) => `« ${found} » : écrivez « ${CONTRACTED[found.split(" ")[0]!]} RAMEAU »`,
  },
  {
    pattern: /(?<!\p{L})silver[\s\u00A0\u202F-]*geeks?(?!\p{L})/giu,
    message: (found) => `« ${found} » : écrivez « SilverGeek », en un mot`,
  },
  {
    wholeWord: true,
    pattern: new RegExp(`\\p{L}\\(${ENDING}\\)s?`, "gu"),
    message: (found) => `« ${found} » : écriture inclusive avec le point médian (« élu·es », « agent·es »)`,
  },
  {
    wholeWord: true,
    pattern: new RegExp(`\\p{Ll}\\.${ENDING}(?:\\.s)?(?!\\p{L})`, "gu"),
    message: (found) => `« ${found} » : écriture inclusive avec le point médian (« élu·es », « salarié·es »)`,
  },
  {
    wholeWord: true,
    pattern: new RegExp(`\\p{Ll}-(?:e|ne|rice|trice|euse)-s(?!\\p{L})`, "gu"),
    message: (found) => `« ${found} » : écriture inclusive avec le point médian (« élu·es »)`,
  },
  {
    wholeWord: true,
    pattern: new RegExp(`(?<!\\p{L})(\\p{L}{2,})s?\\/\\1${ENDING}?s?(?!\\p{L})|\\p{Ll}\\/${ENDING}(?!\\p{L})`, "gu"),
    message: (found) => `« ${found} » : écriture inclusive avec le point médian (« élu·es », pas de barre oblique)`,
  },
  {
    wholeWord: true,
    pattern: new RegExp(`\\p{L}·${ENDING}·s(?!\\p{L})`, "gu"),
    message: (found) => `« ${found} » : un seul point médian au pluriel (« élu·es », « agent·es »)`,
  },
  {
    wholeWord: true,
    pattern: /\p{Ll}[•⋅∙‧](?=\p{Ll})/gu,
    message: (found) => `« ${found} » : le point médian s'écrit « · » (U+00B7)`,
  },
];

/** Addresses, kept as they are spelled. */
const URL = /(?:https?:\/\/|www\.|mailto:)\S+|(?<![\p{L}\p{N}])\/[a-z0-9][a-z0-9/#?=&_.-]*/giu;

/** The word a match sits in: « élu·e·s » rather than « u·e·s ». */
function wordAround(line: string, start: number, length: number): string {
  const before = line.slice(0, start).match(/[\p{L}·•⋅∙‧.()/-]*$/u)?.[0] ?? "";
  const after = line.slice(start + length).match(/^[\p{L}·•⋅∙‧()/-]*/u)?.[0] ?? "";
  return (before + line.slice(start, start + length) + after).replace(/^[.(/-]+|[.)/-]+$/g, "");
}

/** Problems in one file's text, with their line numbers. */
export function wordingProblems(text: string): WordingProblem[] {
  const problems: WordingProblem[] = [];
  text.split("\n").forEach((content, index) => {
    const line = content.replace(URL, (url) => " ".repeat(url.length));
    for (const rule of WORDING_RULES) {
      for (const match of line.matchAll(rule.pattern)) {
        // « SilverGeek » is the spelling, not a variant of it.
        if (match[0] === "SilverGeek") continue;
        const found = rule.wholeWord ? wordAround(line, match.index, match[0].length) : match[0];
        problems.push({ line: index + 1, found, message: rule.message(found) });
      }
    }
  });
  return problems;
}
