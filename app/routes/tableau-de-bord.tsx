import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PROFILE_LABELS } from "~/auth/profiles.ts";
import { requireUser } from "~/auth/session.server.ts";
import { ProgressMeter } from "~/components/progress-meter.tsx";
import { formatMinutes } from "~/courses/catalog.ts";
import { getCatalog } from "~/courses/catalog.server.ts";
import { loadStartedPaths } from "~/courses/path-overview.server.ts";
import { db } from "~/db/db.server.ts";
import { formatDuration } from "~/progress/path-progress.ts";
import { getEnrollments } from "~/progress/progress.server.ts";
import { listCertificates } from "~/certificates/issuance.server.ts";
import { formatCertificateDate } from "~/certificates/certificate-format.ts";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const enrollments = await getEnrollments(db, user.id);
  const [paths, certificates] = await Promise.all([loadStartedPaths(getCatalog(), db, user.id, enrollments), listCertificates(db, user.id)]);
  return json({ name: user.name, profile: PROFILE_LABELS[user.profile], paths, certificates });
}

export default function Dashboard() {
  const { name, profile, paths, certificates } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Bonjour {name}</h1>
      <p className="lede">Profil : {profile}. Les exemples des leçons s'adaptent à ce profil.</p>
      <section aria-labelledby="titre-mes-parcours">
        <h2 id="titre-mes-parcours">Mes parcours</h2>
        {paths.length === 0 ? (
          <p>
            Vous n'avez pas encore commencé de parcours. <Link to="/parcours">Choisir un parcours</Link>
          </p>
        ) : (
          <ul className="card-grid">
            {paths.map((path) => (
              <li key={path.id}>
                <article className="card">
                  <span className="card__duration">{formatMinutes(path.nominalMinutes)}</span>
                  <h3>
                    <Link to={`/parcours/${path.slug}`} className="card__title-link">
                      {path.title}
                    </Link>
                  </h3>
                  {path.progress ? (
                    <>
                      <ProgressMeter percent={path.progress.percent} label={`Progression dans « ${path.title} »`} />
                      <p className="muted">Temps d'activité : {formatDuration(path.progress.activeSeconds)}</p>
                    </>
                  ) : null}
                  <p className="card__actions">
                    {path.progress?.completed ? (
                      <Link to={`/parcours/${path.slug}`} className="button button--secondary">
                        Parcours terminé : revoir le programme
                      </Link>
                    ) : (
                      <Link to={path.resumeUrl} className="button">
                        Reprendre<span className="visually-hidden"> « {path.title} »</span>
                      </Link>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="titre-mes-certificats">
        <h2 id="titre-mes-certificats">Mes certificats</h2>
        {certificates.length === 0 ? (
          <p className="muted">Un certificat est délivré automatiquement pour chaque parcours achevé : toutes ses leçons, son évaluation finale réussie et ses simulations jouées.</p>
        ) : (
          <ul className="certificate-list">
            {certificates.map((certificate) => (
              <li key={certificate.id}>
                <Link to={`/certificats/${certificate.id}`}>Certificat « {certificate.pathTitle} »</Link>{" "}
                <span className="muted">
                  délivré le {formatCertificateDate(certificate.issuedAt)}
                  {certificate.revokedAt ? " — révoqué" : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
