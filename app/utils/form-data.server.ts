/**
 * Reads a submitted form: the one door every action's input comes through. Anything that is not a
 * well-formed form of ours becomes a 4xx with a French message instead of an exception (which Remix
 * would turn into a 500), before any route code or form library sees it.
 *
 * Why field names are checked here: conform (like most form libraries) reads a name such as
 * `email[99999999]` or `email.a.a.a…` as a path into nested arrays and objects. One 32-byte field
 * name made it allocate a 100-million-slot array and echo it back (a 500 MB page), and 400,000
 * levels of `.a` overflowed the stack. None of our forms uses such names: every field is a plain
 * identifier (`email`, `reponse`, `niveau-c1`…), so any other name is refused before parsing.
 */
import { cleanText } from "./clean-text.ts";

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The names our forms use: a letter, then letters, digits, `-` or `_` (conform's own start with `__`). */
const FIELD_NAME = /^(__)?[A-Za-z][A-Za-z0-9_-]{0,79}$/;
/** Names that mean something to JavaScript objects, whatever a parser does with them. */
const RESERVED = new Set(["__proto__", "constructor", "prototype"]);
/** Far above our largest form (a project step or the self-assessment grid: a few dozen fields). */
export const MAX_FORM_ENTRIES = 300;

export const FORM_MESSAGES = {
  type: "Ce formulaire n'a pas été envoyé dans un format attendu.",
  unreadable: "Le formulaire envoyé est illisible. Rechargez la page et réessayez.",
  fieldName: "Le formulaire contient un champ que nous n'attendons pas. Rechargez la page et réessayez.",
  tooMany: "Le formulaire contient trop de champs. Rechargez la page et réessayez.",
  file: "Ce formulaire n'accepte pas de fichier.",
} as const;

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

/** Why a field name is refused, or null when it is one a form of ours could send. */
function fieldNameProblem(name: string): string | null {
  if (!FIELD_NAME.test(name) || RESERVED.has(name)) return FORM_MESSAGES.fieldName;
  return null;
}

/**
 * The form, with every value cleaned of invisible control characters (see clean-text.ts), or a
 * thrown 4xx Response in French.
 */
export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.test(type)) throw refuse(415, FORM_MESSAGES.type);
  let raw: FormData;
  try {
    raw = await request.formData();
  } catch {
    throw refuse(400, FORM_MESSAGES.unreadable);
  }
  const clean = new FormData();
  let count = 0;
  for (const [name, value] of raw.entries()) {
    count += 1;
    if (count > MAX_FORM_ENTRIES) throw refuse(400, FORM_MESSAGES.tooMany);
    if (fieldNameProblem(name)) throw refuse(400, FORM_MESSAGES.fieldName);
    if (typeof value !== "string") throw refuse(400, FORM_MESSAGES.file);
    clean.append(name, cleanText(value));
  }
  return clean;
}
