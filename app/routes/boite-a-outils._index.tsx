import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { toolkitList } from "~/toolkit/toolkit.server.ts";

export const meta: MetaFunction = () => [{ title: "Boîte à outils — Apprendre à faire alliance" }];

export function loader() {
  return json({ documents: toolkitList() }, { headers: { "Cache-Control": "public, max-age=300" } });
}

export default function ToolkitPage() {
  const { documents } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <h1>Boîte à outils</h1>
      <p className="lede">
        Quatre documents pratiques pour passer du parcours au terrain&nbsp;: un protocole d'atelier, une banque d'indicateurs, un tableau
        des formes de partenariat et un modèle de première réunion. Chacun se lit en ligne, s'imprime ou s'enregistre en PDF depuis le
        navigateur, et se télécharge en Markdown pour être adapté. Les faits viennent des documents sources cités à la fin de chacun.
      </p>
      <ul className="toolkit-list">
        {documents.map((document) => (
          <li key={document.slug} className="card toolkit-list__item">
            <h2>
              <Link to={`/boite-a-outils/${document.slug}`}>{document.title}</Link>
            </h2>
            <p>{document.summary}</p>
            <p className="toolkit-actions">
              <Link to={`/boite-a-outils/${document.slug}`}>
                Lire<span className="visually-hidden">&nbsp;: {document.title}</span>
              </Link>
              <a href={`/boite-a-outils/${document.slug}.md`} download={`${document.slug}.md`}>
                Télécharger (Markdown)<span className="visually-hidden">&nbsp;: {document.title}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
