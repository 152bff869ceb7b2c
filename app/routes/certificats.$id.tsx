import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate, formatDuration, formatPercent } from "~/utils/format.ts";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { DocumentLinks } from "~/attestations/document-links.tsx";
import { requireOwnCertificate } from "~/certificates/certificate-reads.server.ts";
import { verificationUrl } from "~/certificates/certificate-urls.ts";
import { formatCode } from "~/utils/verification-code.ts";
import { db } from "~/db/db.server.ts";
import { printable } from "~/utils/pdf-fonts.server.ts";
import { describeReplacements } from "~/utils/printable-text.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { fr } from "~/utils/french-typography.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Certificat «\u202F${data.certificate.pathTitle}\u202F» — Apprendre à faire alliance` : "Certificat" },
  { name: "robots", content: "noindex" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  // Someone else's certificate is « not found », not « forbidden »: its id reveals nothing.
  const certificate = await requireOwnCertificate(db, user.id, params.id);
  return json(
    {
      certificate: {
        id: certificate.id,
        learnerName: certificate.learnerName,
        pathTitle: certificate.pathTitle,
        nominalMinutes: certificate.nominalMinutes,
        activeSeconds: certificate.activeSeconds,
        firstActivityAt: certificate.firstActivityAt.toISOString(),
        completedAt: certificate.completedAt.toISOString(),
        issuedAt: certificate.issuedAt.toISOString(),
        finalScore: certificate.finalScore,
        objectives: certificate.objectives,
        issuer: certificate.issuer,
        code: formatCode(certificate.code),
        revokedAt: certificate.revokedAt?.toISOString() ?? null,
      },
      verificationUrl: verificationUrl(publicUrl(), certificate.code),
      // How the PDF prints the name: characters its font lacks are replaced (the signed data keeps them).
      namePrinting: printable(certificate.learnerName),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function CertificatePage() {
  const { certificate, verificationUrl, namePrinting } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: "/tableau-de-bord", label: "Tableau de bord" }]} current="Certificat" />
      <h1>{fr`Certificat « ${certificate.pathTitle} »`}</h1>
      {certificate.revokedAt ? (
        <p className="notice notice--warning">Ce certificat a été révoqué le {formatDate(certificate.revokedAt)}.</p>
      ) : null}
      <p className="lede">
        {certificate.issuer} certifie que <strong>{certificate.learnerName}</strong> a suivi et achevé le parcours «&#8239;
        {certificate.pathTitle}&#8239;», dont l'évaluation finale est réussie.
      </p>
      <p>
        Le nom est imprimé tel qu'il a été enregistré à la délivrance du certificat&#8239;; il ne change plus ensuite, même si vous modifiez
        le nom de votre compte.
        {namePrinting.replacements.length > 0
          ? ` La police du PDF n'a pas tous les caractères de ce nom\u00A0: ${describeReplacements(namePrinting.replacements)}. Le PDF affiche donc «\u202F${namePrinting.text}\u202F»\u202F; les données signées jointes au PDF et la page de vérification gardent le nom complet.`
          : null}
      </p>
      <dl className="certificate-facts">
        <dt>Durée réalisée</dt>
        <dd>{formatDuration(certificate.activeSeconds)} de temps d'activité enregistré sur les leçons</dd>
        <dt>Première activité</dt>
        <dd>{formatDate(certificate.firstActivityAt)}</dd>
        <dt>Parcours achevé le</dt>
        <dd>{formatDate(certificate.completedAt)}</dd>
        <dt>Score à l'évaluation finale</dt>
        <dd>{formatPercent(certificate.finalScore)}</dd>
        <dt>Délivré le</dt>
        <dd>{formatDate(certificate.issuedAt)}</dd>
        <dt>Code de vérification</dt>
        <dd>
          <code className="verification-code">{certificate.code}</code>
        </dd>
      </dl>
      <h2>Objectifs du parcours</h2>
      <ul>
        {certificate.objectives.map((objective) => (
          <li key={objective}>{objective}</li>
        ))}
      </ul>
      <p>
        <a href={`/certificats/${certificate.id}/pdf`} className="button" download>
          Télécharger le PDF
        </a>
      </p>
      {certificate.revokedAt ? null : (
        <section aria-labelledby="titre-documents">
          <h2 id="titre-documents">Documents pour un financeur ou un employeur</h2>
          <p>
            Trois documents signés, vérifiables comme ce certificat, délivrés au nom de l'organisme de formation la première fois que vous
            les téléchargez&nbsp;:
          </p>
          <DocumentLinks base={`/certificats/${certificate.id}/documents`} />
        </section>
      )}
      <p className="muted">
        Toute personne peut vérifier ce certificat, sans compte, à l'adresse <a href={verificationUrl}>{verificationUrl}</a> ou en scannant
        le code QR du PDF. Le PDF est signé électroniquement&nbsp;: voir <Link to="/verifier">comment le vérifier</Link>.
      </p>
    </div>
  );
}
