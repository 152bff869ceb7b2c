/** The header and footer around every page. */
import { Form, Link, NavLink } from "@remix-run/react";
import { STATEMENT } from "~/accessibility/checks.ts";
import type { Role } from "~/auth/profiles.ts";
import { MAX_QUERY_LENGTH } from "~/search/search-query.ts";

/** `user`: the signed-in user as the root loader gives it; null when anonymous or when the root failed. */
export function SiteHeader({ user }: { user: { role: Role } | null }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="site-title">
          <span aria-hidden="true" className="site-title__mark">
            17
          </span>
          <span>
            Apprendre à faire alliance
            <small>l'ODD 17 en pratique</small>
          </span>
        </Link>
        <nav aria-label="Navigation principale">
          <ul className="site-nav">
            <li>
              <NavLink to="/parcours">Parcours</NavLink>
            </li>
            {user ? (
              <>
                <li>
                  <NavLink to="/tableau-de-bord">Tableau de bord</NavLink>
                </li>
                {user.role === "TRAINER" || user.role === "ADMIN" ? (
                  <li>
                    <NavLink to="/formateur">Mes cohortes</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/compte">Mon compte</NavLink>
                </li>
                <li>
                  <Form method="post" action="/deconnexion">
                    <button type="submit" className="link-button">
                      Se déconnecter
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/connexion">Connexion</NavLink>
                </li>
                <li>
                  <NavLink to="/inscription" className="site-nav__cta">
                    Créer un compte
                  </NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        <Form method="get" action="/recherche" role="search" aria-label="Recherche dans le site" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Rechercher dans les leçons, le glossaire et les simulations
          </label>
          <input id="site-search-q" type="search" name="q" maxLength={MAX_QUERY_LENGTH} placeholder="Rechercher…" />
          <button type="submit" className="site-search__button">
            Rechercher
          </button>
        </Form>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>
          Un parcours pour apprendre à concevoir une démarche d'alliance entre associations, entreprises et pouvoirs publics, au service des
          Objectifs de développement durable.
        </p>
        <nav aria-label="Liens utiles">
          <ul>
            <li>
              <Link to="/parcours">Les parcours</Link>
            </li>
            <li>
              <Link to="/simulations">Simulations</Link>
            </li>
            <li>
              <Link to="/verifier">Vérifier un certificat</Link>
            </li>
            <li>
              <Link to="/glossaire">Glossaire</Link>
            </li>
            <li>
              <Link to="/boite-a-outils">Boîte à outils</Link>
            </li>
            <li>
              <Link to="/aide">Aide technique</Link>
            </li>
            <li>
              <Link to="/confidentialite">Confidentialité</Link>
            </li>
            <li>
              <Link to="/accessibilite">Accessibilité&nbsp;: {STATEMENT.conformity}</Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
