import { Link } from "@remix-run/react";
import { PATH_OVERVIEWS } from "~/courses/path-overview.ts";
import { useOptionalUser } from "~/utils/use-root-data.ts";

export default function Home() {
  const user = useOptionalUser();
  return (
    <div className="page">
      <section className="hero" aria-labelledby="titre-accueil">
        <h1 id="titre-accueil">Apprendre à faire alliance</h1>
        <p className="lede">
          Associations, entreprises et pouvoirs publics relèvent ensemble des défis qu'aucun ne
          résout seul : c'est l'ODD 17. Ici, vous apprenez à concevoir une démarche d'alliance
          adaptée à votre territoire ou à votre organisation, en 1 heure, 4 heures ou 12 heures.
        </p>
        {user ? null : (
          <p>
            La lecture est libre. <Link to="/inscription">Créez un compte</Link> pour garder votre
            progression et obtenir une attestation.
          </p>
        )}
      </section>
      <section aria-labelledby="titre-parcours">
        <h2 id="titre-parcours">Trois parcours, un même objectif</h2>
        <ul className="card-grid">
          {PATH_OVERVIEWS.map((path) => (
            <li key={path.slug}>
              <article className="card">
                <span className="card__duration">{path.duration}</span>
                <h3>{path.title}</h3>
                <p>{path.pitch}</p>
                <p className="muted">Pour : {path.suits}</p>
                <p>
                  <Link to={`/parcours/${path.slug}`} className="button button--secondary">
                    Voir le parcours<span className="visually-hidden"> « {path.title} » ({path.duration})</span>
                  </Link>
                </p>
              </article>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
