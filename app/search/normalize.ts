/**
 * How French text becomes search terms, the same way for the corpus and for a query: lower case,
 * accents removed (« élus » and « ÉLUS » are « elus »), ligatures opened (« œuvre » is « oeuvre »),
 * and elisions split (« l'alliance » is « alliance »). Pure: the index, the query and the snippet
 * all use it, so a highlighted word is always a word the index matched.
 */

/** Letters an apostrophe cuts off: « l' d' j' m' n' s' t' c' qu' jusqu' lorsqu' puisqu' ». */
const ELISIONS = new Set(["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"]);

/**
 * Words too common to tell passages apart: leaving them out keeps the index small and lets
 * « le rôle des élus » match passages about « rôle » and « élus ».
 */
const STOP_WORDS = new Set(
  (
    "a au aux avec ce ces cet cette dans de des du elle en et eux il ils je la le les leur leurs lui ma mais me meme mes moi mon " +
    "ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous y est sont " +
    "ete etre avoir ont"
  ).split(" "),
);

/**
 * Lower case without accents, ligatures opened, typographic apostrophes made plain.
 * @example normalizeText("L’ŒUVRE des Élus") // "l'oeuvre des elus"
 */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/[’ʼ‘`´]/g, "'");
}

/** A word of the text and where it is, in the text as written. */
export interface Token {
  /** The word as written. */
  word: string;
  start: number;
  end: number;
}

/** A word: letters (with their combining accents) and digits. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of a text with their positions; an apostrophe or a hyphen separates words
 * (« l'ODD 17 » → « l », « ODD », « 17 »; « co-construire » → « co », « construire »).
 */
export function tokenizeWithOffsets(text: string): Token[] {
  return [...text.matchAll(WORD)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
}

/** MiniSearch's `tokenize`: the words of a text, as written. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * MiniSearch's `processTerm`: the search term of a word, or null for a word that is not searched
 * (an elided article, a stop word).
 * @example searchTerm("Élus") // "elus"
 * @example searchTerm("qu") // null
 */
export function searchTerm(word: string): string | null {
  const term = normalizeText(word);
  if (term.length === 0 || ELISIONS.has(term) || STOP_WORDS.has(term)) return null;
  return term;
}

/** The search terms of a query, in order (« Le rôle des ÉLUS » → ["role", "elus"]). */
export function queryTerms(query: string): string[] {
  return tokenize(query)
    .map(searchTerm)
    .filter((term): term is string => term !== null);
}
