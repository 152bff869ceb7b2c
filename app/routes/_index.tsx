import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { PathCard } from "~/components/path-card.tsx";
import { UpcomingPaths } from "~/components/upcoming-paths.tsx";
import { getCatalog } from "~/content/catalog.server.ts";
import { loadPathCards } from "~/pages/path-overview.server.ts";
import { db } from "~/db/db.server.ts";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request, context);
  const deleted = new URL(request.url).searchParams.has("compte-supprime");
  return json({ signedIn: Boolean(user), deleted, ...(await loadPathCards(getCatalog(), db, user?.id ?? null)) });
}

export default function Home() {
  const { signedIn, deleted, published, upcoming } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      {deleted ? (
        <p className="notice notice--success" role="status">
          Votre compte et vos données ont été supprimés. Vos certificats restent vérifiables, sans votre nom.
        </p>
      ) : null}
      <section className="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">Apprendre à faire alliance</h1>
        <p className="lede">
          Associations, entreprises et pouvoirs publics relèvent ensemble des défis qu'aucun ne résout seul&nbsp;: c'est l'ODD 17. Ici, vous
          apprenez à concevoir une démarche d'alliance adaptée à votre territoire ou à votre organisation, en 1 heure, 4 heures ou 12
          heures.
        </p>
        {signedIn ? null : (
          <p>
            La lecture est libre. <Link to="/inscription">Créez un compte</Link> pour garder votre progression et obtenir une attestation.
          </p>
        )}
      </section>
      <section aria-labelledby="titre-parcours">
        <h2 id="titre-parcours">Trois parcours, un même objectif</h2>
        {published.length > 0 ? (
          <ul className="card-grid">
            {published.map((path) => (
              <li key={path.id}>
                <PathCard path={path} headingLevel={3} />
              </li>
            ))}
          </ul>
        ) : null}
        <UpcomingPaths paths={upcoming} headingLevel={3} />
      </section>
    </div>
  );
}
