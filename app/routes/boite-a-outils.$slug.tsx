import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MarkdownTree } from "~/toolkit/markdown-tree.tsx";
import { toolkitPage } from "~/toolkit/toolkit.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} — Boîte à outils — Apprendre à faire alliance` : "Boîte à outils — Apprendre à faire alliance" },
];

export function loader({ params }: LoaderFunctionArgs) {
  return json(toolkitPage(params.slug), { headers: { "Cache-Control": "public, max-age=300" } });
}

export default function ToolkitDocumentPage() {
  const document = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading toolkit-document">
      <nav aria-label="Fil d'Ariane" className="toolkit-nav">
        <Link to="/boite-a-outils">Boîte à outils</Link>
      </nav>
      <article>
        <h1>{document.title}</h1>
        <p className="lede">{document.summary}</p>
        <p className="toolkit-actions">
          <a href={`/boite-a-outils/${document.slug}.md`} download={`${document.slug}.md`}>
            Télécharger (Markdown)
          </a>
          <span className="muted">
            Pour un PDF&nbsp;: «&#8239;Imprimer&#8239;» dans votre navigateur, la page s'imprime sans les menus.
          </span>
        </p>
        <MarkdownTree tree={document.tree} />
        <section aria-labelledby="titre-sources" className="lesson-sources">
          <h2 id="titre-sources">Sources</h2>
          <ul>
            {document.sources.map((source) => (
              <li key={source}>{source}</li>
            ))}
          </ul>
        </section>
      </article>
    </div>
  );
}
