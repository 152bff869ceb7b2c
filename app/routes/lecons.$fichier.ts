import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCompiledLessonByHash } from "~/content/catalog.server.ts";
import { lessonScript } from "~/mdx/lesson-module.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

/**
 * /lecons/<hash>.js: a compiled lesson as a script (see app/mdx/lesson-module.ts). The address
 * changes with the content, so browsers may keep it forever.
 */
export const loader = withErrorPages(async ({ params }: LoaderFunctionArgs) => {
  const match = /^([a-f0-9]{20})\.js$/.exec(params.fichier ?? "");
  if (!match) throw new Response("Leçon introuvable.", { status: 404 });
  const compiled = await getCompiledLessonByHash(match[1]!);
  if (!compiled) throw new Response("Leçon introuvable.", { status: 404 });
  return new Response(lessonScript(compiled.hash, compiled.code), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
});
