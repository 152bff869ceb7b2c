import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCompiledLessonByHash } from "~/content/catalog.server.ts";
import { lessonScript } from "~/mdx/lesson-module.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

/**
 * /lecons/<hash>.js: a compiled lesson as a script (see app/mdx/lesson-module.ts). The address
 * changes with the content, so browsers may keep it forever.
 */
export const loader = withErrorPages(async ({ params }: LoaderFunctionArgs) => {
  const match = params.fichier ? /^([a-f0-9]{20})\.js$/.exec(params.fichier) : null;
  invariantResponse(match, "Leçon introuvable.");
  const compiled = await getCompiledLessonByHash(match[1]!);
  invariantResponse(compiled, "Leçon introuvable.");
  return new Response(lessonScript(compiled.hash, compiled.code), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
});
