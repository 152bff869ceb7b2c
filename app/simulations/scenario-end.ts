/**
 * The `next` value that ends a run. Kept apart from scenario-schema.ts (zod) so that the browser's
 * simulation player does not ship the schema library with every lesson page.
 */
export const END = "fin";
