/** Slugs for anchors, file names and URLs, shared by lessons, exports and certificates. */

/**
 * « Du devoir à l'envie » → « du-devoir-a-l-envie ».
 * @example slugify("Les 3 besoins : faire naître l'envie") // "les-3-besoins-faire-naitre-l-envie"
 */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
