import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCatalog } from "~/content/catalog.server.ts";
import { fr, frenchTypography } from "~/utils/french-typography.ts";

export const meta: MetaFunction = () => [{ title: "Glossaire — Apprendre à faire alliance" }];

export async function loader() {
  const catalog = getCatalog();
  const sources = new Map(catalog.sources.map((source) => [source.id, source.shortTitle]));
  const entries = [...catalog.glossary]
    .sort((a, b) => a.term.localeCompare(b.term, "fr", { sensitivity: "base" }))
    .map((entry) => ({
      id: entry.id,
      term: frenchTypography(entry.term),
      definition: entry.definition,
      sources: entry.sources.map((source) => `${sources.get(source.ref) ?? source.ref}, ${source.heading}`),
    }));
  return json({ entries }, { headers: { "Cache-Control": "public, max-age=300" } });
}

function initial(term: string): string {
  return term.normalize("NFKD").charAt(0).toUpperCase();
}

export default function GlossaryPage() {
  const { entries } = useLoaderData<typeof loader>();
  const letters = [...new Set(entries.map((entry) => initial(entry.term)))];
  return (
    <div className="page page--reading">
      <h1>Glossaire</h1>
      <p className="lede">
        Les mots du «&#8239;faire alliance&#8239;», définis simplement. Chaque définition renvoie au document source dont elle est tirée.
      </p>
      <nav aria-label="Lettres du glossaire" className="letter-index">
        <ul>
          {letters.map((letter) => (
            <li key={letter}>
              <a href={`#lettre-${letter}`}>{letter}</a>
            </li>
          ))}
        </ul>
      </nav>
      {letters.map((letter) => (
        <section key={letter} aria-labelledby={`lettre-${letter}`}>
          <h2 id={`lettre-${letter}`}>{letter}</h2>
          <dl className="glossary">
            {entries
              .filter((entry) => initial(entry.term) === letter)
              .map((entry) => (
                <div key={entry.id} id={entry.id} className="glossary__entry">
                  <dt>{entry.term}</dt>
                  <dd>
                    <p>{entry.definition}</p>
                    <p className="muted glossary__source">{fr`Source : ${entry.sources.join(" ; ")}`}</p>
                  </dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
