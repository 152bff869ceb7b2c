/**
 * Finds sentences copied from the source documents: runs of `minWords` or more consecutive words
 * that a content file shares with a seed. Pure; `app/cli/courses-copy-check.ts` reads the files.
 *
 * Words are compared without case, accents or punctuation, so a copied sentence is found even when
 * its accents were broken by a PDF extraction (seed 004 writes « d'État » as « dôEtat »: such words
 * simply never match, which can only shorten a run, never invent one).
 *
 * @example
 * findSharedRuns("Le jour d'après, une opportunité politique pour tous", [["seed", "une opportunité politique pour"]], 3)
 * // → [{ words: "une opportunite politique pour", length: 4, line: 1, seed: "seed" }]
 */

interface SharedRun {
  /** The shared words, normalised. */
  words: string;
  length: number;
  /** Line of the content file where the run starts. */
  line: number;
  /** Name of the seed that contains it. */
  seed: string;
}

interface Token {
  word: string;
  line: number;
}

/**
 * Source headings are cited, by rule, word for word (`heading: "…"` in YAML and frontmatter,
 * `heading="…"` on components): they are titles, not sentences, so they are blanked out first.
 */
function withoutCitedHeadings(text: string): string {
  return text
    .replace(/(\bheading\s*=\s*)"[^"]*"/g, '$1""')
    .replace(/(\bheading\s*:\s*).*$/gm, "$1");
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = withoutCitedHeadings(text).split("\n");
  lines.forEach((content, index) => {
    const normalised = content
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae");
    for (const word of normalised.split(/[^a-z0-9]+/)) if (word) tokens.push({ word, line: index + 1 });
  });
  return tokens;
}

export function findSharedRuns(content: string, seeds: Array<[name: string, text: string]>, minWords = 10): SharedRun[] {
  const windows = new Map<string, string>();
  for (const [name, text] of seeds) {
    const words = tokenize(text).map((token) => token.word);
    for (let i = 0; i + minWords <= words.length; i += 1) {
      const key = words.slice(i, i + minWords).join(" ");
      if (!windows.has(key)) windows.set(key, name);
    }
  }
  const tokens = tokenize(content);
  const runs: SharedRun[] = [];
  let i = 0;
  while (i + minWords <= tokens.length) {
    const key = tokens.slice(i, i + minWords).map((token) => token.word).join(" ");
    const seed = windows.get(key);
    if (!seed) {
      i += 1;
      continue;
    }
    // Extend the run as long as each next window is also in a seed.
    let end = i + minWords;
    while (end < tokens.length && windows.has(tokens.slice(end - minWords + 1, end + 1).map((token) => token.word).join(" "))) end += 1;
    const words = tokens.slice(i, end).map((token) => token.word);
    runs.push({ words: words.join(" "), length: words.length, line: tokens[i]!.line, seed });
    i = end;
  }
  return runs;
}
