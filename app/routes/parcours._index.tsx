import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { PathCard } from "~/components/path-card.tsx";
import { UpcomingPaths } from "~/components/upcoming-paths.tsx";
import { getCatalog } from "~/content/catalog.server.ts";
import { loadPathCards } from "~/pages/path-overview.server.ts";
import { db } from "~/db/db.server.ts";

export const meta: MetaFunction = () => [{ title: "Les parcours — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  return json(await loadPathCards(getCatalog(), db, user?.id ?? null));
}

export default function PathsPage() {
  const { published, upcoming } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Les parcours</h1>
      <p className="lede">
        Trois profondeurs pour une même compétence&nbsp;: concevoir une démarche d'alliance adaptée à votre territoire ou à votre
        organisation. Les leçons se retrouvent d'un parcours à l'autre&nbsp;: ce que vous avez terminé dans l'un compte dans les autres.
      </p>
      {published.length > 0 ? (
        <ul className="card-grid">
          {published.map((path) => (
            <li key={path.id}>
              <PathCard path={path} />
            </li>
          ))}
        </ul>
      ) : (
        <p>Les parcours sont en cours de publication.</p>
      )}
      <UpcomingPaths paths={upcoming} />
    </div>
  );
}
