/** The query of /recherche, checked (client-safe: the header's box and the page share the limit). */
import { z } from "zod";

export const MAX_QUERY_LENGTH = 100;

export const SearchQuerySchema = z
  .string()
  .trim()
  .max(
    MAX_QUERY_LENGTH,
    `Votre recherche est trop longue\u00A0: ${MAX_QUERY_LENGTH}\u00A0caractères au plus. Gardez les mots les plus parlants.`,
  );

/** Queries offered when a search finds nothing, or before the first one (each finds something in the course). */
export const SUGGESTED_QUERIES = ["élus", "convention de partenariat", "ODD 17", "écosystème", "innovation sociétale"];
