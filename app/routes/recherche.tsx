import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCatalog } from "~/content/catalog.server.ts";
import { formatMinutes } from "~/utils/format.ts";
import { search, type SearchResults } from "~/search/search-index.ts";
import { getSearchIndex } from "~/search/search-index.server.ts";
import { MAX_QUERY_LENGTH, SearchQuerySchema, SUGGESTED_QUERIES } from "~/search/search-query.ts";
import type { Segment } from "~/search/snippet.ts";
import { fr } from "~/utils/french-typography.ts";
import { ServerTiming } from "~/utils/server-timing.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? fr`« ${data.query} » : recherche — Apprendre à faire alliance` : "Recherche — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

export const headers: HeadersFunction = ({ loaderHeaders }) => ({
  "Server-Timing": loaderHeaders.get("Server-Timing") ?? "",
});

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("q") ?? "";
  const parsed = SearchQuerySchema.safeParse(raw);
  if (!parsed.success) {
    return json(
      {
        query: "",
        typed: raw.slice(0, MAX_QUERY_LENGTH * 2),
        error: parsed.error.issues[0]?.message ?? "Recherche invalide.",
        results: null as SearchResults | null,
      },
      { status: 400 },
    );
  }
  const query = parsed.data;
  if (query === "") return json({ query, typed: "", error: null, results: null });
  const timing = new ServerTiming();
  // Loading the index is timed apart: only the first search of a process pays for it.
  const index = await timing.time("index", () => getSearchIndex());
  const results = await timing.time("search", () => search(index, getCatalog(), query));
  return json({ query, typed: query, error: null, results }, { headers: { "Server-Timing": timing.header() } });
}

function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

function countHeading(total: number, query: string): string {
  if (total === 0) return fr`Aucun résultat pour « ${query} »`;
  return total === 1 ? fr`1 résultat pour « ${query} »` : fr`${total} résultats pour « ${query} »`;
}

function Suggestions() {
  return (
    <ul className="search-suggestions">
      {SUGGESTED_QUERIES.map((suggestion) => (
        <li key={suggestion}>
          <Link to={`/recherche?q=${encodeURIComponent(suggestion)}`}>{suggestion}</Link>
        </li>
      ))}
    </ul>
  );
}

export default function SearchPage() {
  const { query, typed, error, results } = useLoaderData<typeof loader>();
  const shown = results ? results.groups.reduce((count, group) => count + group.hits.length, 0) : 0;
  return (
    <div className="page page--reading search-page">
      <h1>{results ? countHeading(results.total, query) : "Rechercher dans les cours"}</h1>
      <Form method="get" action="/recherche" role="search" aria-label="Rechercher dans les cours" className="search-form">
        <div className="field">
          <label htmlFor="recherche-q">Mots à rechercher dans les leçons, le glossaire et les simulations</label>
          <div className="search-form__row">
            <input
              id="recherche-q"
              type="search"
              name="q"
              defaultValue={typed}
              key={typed}
              maxLength={MAX_QUERY_LENGTH}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "recherche-erreur" : undefined}
            />
            <button type="submit" className="button">
              Rechercher
            </button>
          </div>
          {error ? (
            <p id="recherche-erreur" className="form-error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
      </Form>
      {results && results.total === 0 ? (
        <div className="search-empty">
          <p>Vérifiez l'orthographe, essayez un mot plus court ou plus général, ou l'une de ces recherches&nbsp;:</p>
          <Suggestions />
          <p>
            Vous pouvez aussi parcourir le <Link to="/glossaire">glossaire</Link> ou la <Link to="/parcours">liste des parcours</Link>.
          </p>
        </div>
      ) : null}
      {!results && !error ? (
        <div className="search-empty">
          <p>Quelques idées de recherche&nbsp;:</p>
          <Suggestions />
        </div>
      ) : null}
      {results && results.total > shown ? (
        <p className="muted">{fr`Les ${shown} résultats les plus pertinents sont affichés ; précisez votre recherche pour voir les autres.`}</p>
      ) : null}
      {results?.groups.map((group) => (
        <section key={group.id} aria-labelledby={`groupe-${group.id}`} className="search-group">
          <h2 id={`groupe-${group.id}`}>
            {group.nominalMinutes ? fr`${group.title} (${formatMinutes(group.nominalMinutes)})` : group.title}
          </h2>
          <ol className="search-results">
            {group.hits.map((hit) => (
              <li key={hit.id} className="search-result">
                <h3 className="search-result__title">
                  <Link to={hit.url}>
                    <Highlighted segments={hit.title} />
                    {hit.heading.length > 0 ? (
                      <>
                        <span aria-hidden="true"> › </span>
                        <span className="visually-hidden">, section </span>
                        <Highlighted segments={hit.heading} />
                      </>
                    ) : null}
                  </Link>
                </h3>
                <p className="search-result__passage">
                  <Highlighted segments={hit.passage} />
                </p>
                {hit.alsoIn.length > 0 ? (
                  <p className="search-result__also muted">
                    Aussi dans{" "}
                    {hit.alsoIn.map((other, index) => (
                      <span key={other.url}>
                        {index > 0 ? " et " : ""}
                        <Link to={other.url}>{fr`le parcours « ${other.title} »`}</Link>
                      </span>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
