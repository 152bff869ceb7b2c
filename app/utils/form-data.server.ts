/**
 * Reads a submitted form. Anything that is not a well-formed form becomes a 4xx with a French
 * message instead of an exception (which Remix would turn into a 500).
 */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

export async function readFormData(request: Request): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!FORM_TYPES.test(type)) {
    throw new Response("Ce formulaire n'a pas été envoyé dans un format attendu.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("Le formulaire envoyé est illisible. Rechargez la page et réessayez.", {
      status: 400,
    });
  }
}
