import type { LoaderFunctionArgs } from "@remix-run/node";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { toolkitDownload } from "~/toolkit/toolkit.server.ts";

/** /boite-a-outils/<slug>.md: the document as a typeset Markdown file, to keep and adapt. */
export const loader = withErrorPages(async ({ params }: LoaderFunctionArgs) => {
  const { filename, markdown } = toolkitDownload(params.slug);
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "public, max-age=300",
    },
  });
});
