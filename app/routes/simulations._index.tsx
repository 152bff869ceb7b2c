import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { allScenarios } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { finishedRuns } from "~/simulations/runs.server.ts";

export const meta: MetaFunction = () => [{ title: "Simulations — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  const scenarios = allScenarios();
  const played = user
    ? await finishedRuns(
        db,
        user.id,
        scenarios.map((scenario) => scenario.id),
      )
    : new Map();
  return json({
    scenarios: scenarios
      .sort((a, b) => a.minutes - b.minutes || a.title.localeCompare(b.title, "fr"))
      .map((scenario) => {
        const last = played.get(scenario.id);
        return {
          id: scenario.id,
          title: scenario.title,
          summary: scenario.summary,
          minutes: scenario.minutes,
          lastEnding: last ? (scenario.endings.find((ending) => ending.id === last.endingId)?.title ?? null) : null,
        };
      }),
  });
}

export default function SimulationsPage() {
  const { scenarios } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Simulations</h1>
      <p className="lede">
        Des cas inspirés d'alliances réelles&nbsp;: à vous de décider, étape après étape. Vos choix font bouger la confiance, l'impact et
        les ressources&#8239;; le débriefing explique chaque décision.
      </p>
      <ul className="card-grid">
        {scenarios.map((scenario) => (
          <li key={scenario.id}>
            <article className="card">
              <span className="card__duration">{scenario.minutes} min</span>
              <h2>
                <Link to={`/simulations/${scenario.id}`} className="card__title-link">
                  {scenario.title}
                </Link>
              </h2>
              <p>{scenario.summary}</p>
              {scenario.lastEnding ? <p className="muted">Déjà jouée&nbsp;: «&#x202F;{scenario.lastEnding}&#x202F;».</p> : null}
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
