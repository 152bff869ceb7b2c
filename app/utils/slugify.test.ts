import { expect, test } from "vitest";
import { slugify } from "./slugify.ts";

test.each([
  ["Les 3 besoins : faire naître l'envie", "les-3-besoins-faire-naitre-l-envie"],
  ["L'ODD 17, le « comment faire »", "l-odd-17-le-comment-faire"],
  ["Œuvrer ensemble", "oeuvrer-ensemble"],
])("slugify(%s)", (text, slug) => {
  expect(slugify(text)).toBe(slug);
});
