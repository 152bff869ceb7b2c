import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate, formatDuration, formatMinutes } from "~/utils/format.ts";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PROFILE_LABELS } from "~/auth/profiles.ts";
import { requireUser } from "~/auth/session.server.ts";
import { ProgressMeter } from "~/components/progress-meter.tsx";
import { getCatalog } from "~/content/catalog.server.ts";
import { loadStartedPaths } from "~/pages/path-overview.server.ts";
import { db } from "~/db/db.server.ts";
import { getEnrollments } from "~/progress/progress.server.ts";
import { DocumentLinks } from "~/attestations/document-links.tsx";
import { listCertificates } from "~/certificates/certificate-reads.server.ts";
import { listMemberships } from "~/cohorts/cohorts.server.ts";
import { JoinCodeForm } from "~/cohorts/join-code-form.tsx";
import { findPath } from "~/courses/catalog.ts";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const enrollments = await getEnrollments(db, user.id);
  const [paths, certificates, memberships] = await Promise.all([
    loadStartedPaths(getCatalog(), db, user.id, enrollments),
    listCertificates(db, user.id),
    listMemberships(db, user.id),
  ]);
  const url = new URL(request.url);
  const joined = url.searchParams.get("cohorte");
  const cohorts = memberships.map(({ cohort, joinedAt }) => {
    const path = findPath(getCatalog(), cohort.pathId);
    return {
      id: cohort.id,
      name: cohort.name,
      trainerName: cohort.trainer.name,
      pathTitle: path?.title ?? "",
      pathSlug: path?.slug ?? null,
      joinedAt: joinedAt.toISOString(),
    };
  });
  return json({
    name: user.name,
    profile: PROFILE_LABELS[user.profile],
    isTrainer: user.role === "TRAINER" || user.role === "ADMIN",
    paths,
    certificates,
    cohorts,
    justJoined: cohorts.find((cohort) => cohort.id === joined) ?? null,
    // Just confirmed the sign-up e-mail (/inscription/confirmer).
    welcome: url.searchParams.has("bienvenue"),
  });
}

export default function Dashboard() {
  const { name, profile, paths, certificates, cohorts, justJoined, isTrainer, welcome } = useLoaderData<typeof loader>();
  const certificatesSection = (
    <section aria-labelledby="titre-mes-certificats">
      <h2 id="titre-mes-certificats">Mes certificats</h2>
      {certificates.length === 0 ? (
        <p className="muted">
          Un certificat est délivré automatiquement pour chaque parcours achevé&nbsp;: toutes ses leçons, son évaluation finale réussie et
          ses simulations jouées.
        </p>
      ) : (
        <ul className="certificate-list">
          {certificates.map((certificate) => (
            <li key={certificate.id}>
              <Link to={`/certificats/${certificate.id}`}>Certificat «&#x202F;{certificate.pathTitle}&#x202F;»</Link>{" "}
              <span className="muted">
                délivré le {formatDate(certificate.issuedAt)}
                {certificate.revokedAt ? " — révoqué" : ""}
              </span>
              {certificate.revokedAt ? null : (
                <DocumentLinks base={`/certificats/${certificate.id}/documents`} withPurposes={false} about={certificate.pathTitle} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <div className="page">
      <h1>Bonjour {name}</h1>
      {welcome ? (
        <p className="notice notice--success" role="status">
          Bienvenue&#x202F;! Votre adresse est confirmée et votre compte est créé. <Link to="/parcours">Choisissez un parcours</Link> pour
          commencer.
        </p>
      ) : null}
      {justJoined ? (
        <p className="notice notice--success" role="status">
          Vous avez rejoint la cohorte «&#x202F;{justJoined.name}&#x202F;» de {justJoined.trainerName}.{" "}
          {justJoined.pathSlug ? (
            <Link to={`/parcours/${justJoined.pathSlug}`}>Commencer ou reprendre «&#x202F;{justJoined.pathTitle}&#x202F;»</Link>
          ) : null}
        </p>
      ) : null}
      <p className="lede">Profil&nbsp;: {profile}. Les exemples des leçons s'adaptent à ce profil.</p>
      {/* Once a certificate is issued, it is what the learner comes for: it comes first. */}
      {certificates.length > 0 ? certificatesSection : null}
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
                      <ProgressMeter percent={path.progress.percent} label={`Progression dans «\u202F${path.title}\u202F»`} />
                      <p className="muted">
                        Temps d'activité&nbsp;: {formatDuration(path.progress.activeSeconds)} sur les{" "}
                        {formatDuration(path.requiredActiveSeconds)} requises pour le certificat
                      </p>
                    </>
                  ) : null}
                  <p className="card__actions">
                    {path.progress?.completed ? (
                      <Link to={`/parcours/${path.slug}`} className="button button--secondary">
                        Parcours terminé&nbsp;: revoir le programme
                      </Link>
                    ) : (
                      <Link to={path.resumeUrl} className="button">
                        Reprendre<span className="visually-hidden"> «&#x202F;{path.title}&#x202F;»</span>
                      </Link>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ul>
        )}
      </section>
      {certificates.length === 0 ? certificatesSection : null}
      <section aria-labelledby="titre-mes-cohortes">
        <h2 id="titre-mes-cohortes">Mes cohortes</h2>
        {isTrainer ? (
          <p>
            Vous animez des groupes&nbsp;: retrouvez-les dans <Link to="/formateur">Mes cohortes de formateur·rice</Link>.
          </p>
        ) : null}
        {cohorts.length > 0 ? (
          <ul>
            {cohorts.map((cohort) => (
              <li key={cohort.id}>
                «&#x202F;{cohort.name}&#x202F;», avec {cohort.trainerName}
                {cohort.pathSlug ? (
                  <>
                    {" "}
                    — <Link to={`/parcours/${cohort.pathSlug}`}>{cohort.pathTitle}</Link>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Un·e formateur·rice vous a donné un code&#x202F;? Saisissez-le pour rejoindre sa cohorte.</p>
        )}
        <JoinCodeForm />
        <p className="muted">
          Vous pouvez quitter une cohorte depuis <Link to="/compte">Mon compte</Link>.
        </p>
      </section>
      <section aria-labelledby="titre-mes-questions">
        <h2 id="titre-mes-questions">Mes questions</h2>
        <p>
          Une question sur une leçon&#x202F;? Posez-la depuis la fin de la leçon.{" "}
          <Link to="/questions">Mes questions et leurs réponses</Link>
        </p>
      </section>
    </div>
  );
}
