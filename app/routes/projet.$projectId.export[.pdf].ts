import type { LoaderFunctionArgs } from "@remix-run/node";
import { slugify } from "~/utils/slugify.ts";
import { renderProjectPdf } from "~/projects/project-pdf.server.ts";
import { requireProjectPage } from "~/pages/project-access.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";

export const loader = withErrorPages(async ({ request, context, params }: LoaderFunctionArgs) => {
  const { user, definition, path, project } = await requireProjectPage(request, context, params.projectId);
  const pdf = await renderProjectPdf(definition, project.answers, project.assessment, {
    learnerName: user.name,
    pathTitle: path?.title ?? "",
    updatedAt: project.updatedAt ?? new Date(),
    submittedAt: project.submittedAt,
  });
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${slugify(definition.title)}-${slugify(user.name)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
});
