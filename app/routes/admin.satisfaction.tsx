import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/session.server.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { MIN_RESPONDENTS, summarizeByPath } from "~/satisfaction/aggregate.ts";
import { platformResponses } from "~/satisfaction/satisfaction-reads.server.ts";
import { SatisfactionSummaryView } from "~/satisfaction/satisfaction-summary.tsx";

export const meta: MetaFunction = () => [
  { title: "Satisfaction des apprenant·es — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

/** Administrators: the end-of-path questionnaire, platform-wide, path by path. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["ADMIN"]);
  const rows = await platformResponses(db);
  const paths = getCatalog().paths.map((path) => ({ id: path.id, title: path.title }));
  return json({ total: rows.length, paths: summarizeByPath(rows, paths) }, { headers: { "Cache-Control": "private, no-store" } });
}

export default function PlatformSatisfactionPage() {
  const { total, paths } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Satisfaction des apprenant·es</h1>
      <p className="lede">
        Le questionnaire «&#x202F;à chaud&#x202F;» proposé à la fin de chaque parcours, avant le certificat&nbsp;: {total} réponse
        {total > 1 ? "s" : ""} sur la plateforme. Chaque parcours n'est détaillé qu'à partir de {MIN_RESPONDENTS} réponses.
      </p>
      <p>
        <a href="/admin/satisfaction.csv">Exporter toutes les réponses (CSV, sans noms)</a>
      </p>
      {paths.map((path) => (
        <section key={path.pathId} aria-labelledby={`parcours-${path.pathId}`}>
          <h2 id={`parcours-${path.pathId}`}>{path.title}</h2>
          <SatisfactionSummaryView summary={path.summary} title={path.title} />
        </section>
      ))}
    </div>
  );
}
