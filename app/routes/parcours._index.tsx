import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PATH_OVERVIEWS } from "~/courses/path-overview.ts";

export const meta: MetaFunction = () => [{ title: "Les parcours — Apprendre à faire alliance" }];

export default function PathsPage() {
  return (
    <div className="page">
      <h1>Les parcours</h1>
      <ul className="card-grid">
        {PATH_OVERVIEWS.map((path) => (
          <li key={path.slug}>
            <article className="card">
              <span className="card__duration">{path.duration}</span>
              <h2>{path.title}</h2>
              <p>{path.pitch}</p>
              <p>
                <Link to={`/parcours/${path.slug}`}>Voir le parcours « {path.title} »</Link>
              </p>
            </article>
          </li>
        ))}
      </ul>
    </div>
  );
}
