import type { LoaderFunctionArgs } from "@remix-run/node";
import { slugify } from "~/utils/slugify.ts";
import { projectMarkdown } from "~/projects/project-markdown.ts";
import { requireProjectPage } from "~/pages/project-access.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { user, definition, path, project } = await requireProjectPage(request, context, params.projectId);
  const markdown = projectMarkdown(definition, project.answers, project.assessment, {
    learnerName: user.name,
    pathTitle: path?.title ?? "",
    updatedAt: project.updatedAt ?? new Date(),
    submittedAt: project.submittedAt,
  });
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(definition.title)}-${slugify(user.name)}.md"`,
      "Cache-Control": "private, no-store",
    },
  });
});
