/**
 * The passage shown under a result, and its matched words marked. Returns segments that the page
 * renders with <mark>, never HTML: a lesson's text cannot inject markup into the results.
 */
import { searchTerm, WORD, type Token } from "./normalize.ts";

export interface Segment {
  text: string;
  match: boolean;
}

/**
 * Search terms of the words already seen. Normalising (NFD, marks stripped) is most of a snippet's
 * cost, and the course has a few thousand distinct words; the cap only guards against odd input.
 */
const termOfWord = new Map<string, string | null>();

function cachedSearchTerm(word: string): string | null {
  let term = termOfWord.get(word);
  if (term === undefined) {
    if (termOfWord.size > 50_000) termOfWord.clear();
    term = searchTerm(word);
    termOfWord.set(word, term);
  }
  return term;
}

/** Tokens of `text` whose search term is one of `terms` (the index terms a result matched). */
function matchedTokens(text: string, terms: ReadonlySet<string>): Array<Token & { term: string }> {
  const matches: Array<Token & { term: string }> = [];
  // tokenizeWithOffsets without a token per word: most words do not match.
  const word = new RegExp(WORD.source, WORD.flags);
  for (let match = word.exec(text); match !== null; match = word.exec(text)) {
    const term = cachedSearchTerm(match[0]);
    if (term !== null && terms.has(term)) matches.push({ word: match[0], start: match.index, end: match.index + match[0].length, term });
  }
  return matches;
}

function segmentsOf(text: string, start: number, end: number, matches: Token[]): Segment[] {
  const segments: Segment[] = [];
  let at = start;
  for (const match of matches) {
    if (match.start < start || match.end > end) continue;
    if (match.start > at) segments.push({ text: text.slice(at, match.start), match: false });
    segments.push({ text: text.slice(match.start, match.end), match: true });
    at = match.end;
  }
  if (end > at) segments.push({ text: text.slice(at, end), match: false });
  return segments;
}

/**
 * The whole text with its matched words marked (for a title or a heading).
 * @example highlight("Le rôle des élus", new Set(["elus"]))
 *   // [{ text: "Le rôle des ", match: false }, { text: "élus", match: true }]
 */
export function highlight(text: string, terms: ReadonlySet<string>): Segment[] {
  return segmentsOf(text, 0, text.length, matchedTokens(text, terms));
}

/**
 * The passage of about `length` characters that holds the most different matched terms (then the
 * most matches), cut at word boundaries, with « … » where the text goes on. Paragraph breaks
 * become spaces. Without any match, the beginning of the text.
 */
export function snippet(fullText: string, terms: ReadonlySet<string>, length = 200): Segment[] {
  const text = fullText.replace(/ *\n+ */g, " ");
  if (text.length <= length) return highlight(text, terms);
  const matches = matchedTokens(text, terms);
  let best = { start: 0, distinct: 0, count: 0 };
  for (let i = 0; i < matches.length; i++) {
    const windowEnd = matches[i]!.start + length;
    const inside = matches.slice(i).filter((match) => match.end <= windowEnd);
    const distinct = new Set(inside.map((match) => match.term)).size;
    if (distinct > best.distinct || (distinct === best.distinct && inside.length > best.count)) {
      best = { start: matches[i]!.start, distinct, count: inside.length };
    }
  }
  // A little context before the first match, so that the passage does not start on it.
  let start = best.distinct === 0 ? 0 : Math.max(0, best.start - Math.floor(length / 5));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    start = space === -1 || space >= best.start ? best.start : space + 1;
    // Nor on the end of a quotation or a clause (« » indispensable », « ; puis »).
    while (start < best.start && !/[\p{L}\p{N}«(]/u.test(text[start]!)) start++;
    while (start < best.start && text[start] === " ") start++;
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const segments = segmentsOf(text, start, end, matches);
  if (start > 0) segments.unshift({ text: "… ", match: false });
  if (end < text.length) segments.push({ text: " …", match: false });
  return segments;
}
