/** The result of /verifier/:code when the code is a document's (attestation, certificat de réalisation, relevé). */
import { Link } from "@remix-run/react";
import { formatDate, formatDuration } from "~/utils/format.ts";
import { formatCode } from "~/utils/verification-code.ts";
import { DOCUMENT_TITLES } from "./document-payload.ts";
import type { DocumentVerification } from "./document-verification.server.ts";

/** The server's verification as the loader sends it: its dates as ISO strings. */
export type DocumentVerificationResult = Omit<DocumentVerification, "periodStart" | "periodEnd" | "issuedAt" | "revokedAt"> & {
  periodStart: string;
  periodEnd: string;
  issuedAt: string;
  revokedAt: string | null;
};

export function DocumentVerificationOutcome({ result }: { result: DocumentVerificationResult }) {
  const title = DOCUMENT_TITLES[result.kind];
  return (
    <section className={`verification verification--${result.status}`} aria-labelledby="resultat">
      <h2 id="resultat">
        {title}
        {result.status === "valide" ? "\u00A0: document valide" : "\u00A0: document révoqué"}
      </h2>
      {result.status === "revoque" && result.revokedAt ? (
        <p>
          <strong>Le certificat de cette formation a été révoqué le {formatDate(result.revokedAt)}</strong>&nbsp;: ce document ne vaut plus.
        </p>
      ) : (
        <p>
          Ce document a bien été délivré par la plateforme pour {result.organisationName}, et la formation qu'il décrit n'a pas été
          révoquée.
        </p>
      )}
      <p>
        Voici les données signées à sa délivrance. <strong>Comparez-les avec le document qu'on vous présente</strong>&nbsp;: seules ces
        données font foi.
      </p>
      <dl className="certificate-facts">
        <dt>Document</dt>
        <dd>{title}</dd>
        <dt>Bénéficiaire</dt>
        <dd>{result.learnerName ?? "bénéficiaire anonymisé (compte supprimé)"}</dd>
        <dt>Action de formation</dt>
        <dd>{result.pathTitle}</dd>
        <dt>Organisme de formation</dt>
        <dd>{result.organisationName}</dd>
        <dt>Période</dt>
        <dd>
          du {formatDate(result.periodStart)} au {formatDate(result.periodEnd)}
        </dd>
        <dt>Durée réalisée</dt>
        <dd>{formatDuration(result.activeSeconds)} de temps d'activité enregistré sur les leçons</dd>
        <dt>Délivré le</dt>
        <dd>{formatDate(result.issuedAt)}</dd>
        <dt>Code</dt>
        <dd>
          <code className="verification-code">{formatCode(result.code)}</code>
        </dd>
        <dt>Empreinte SHA-256 des données signées ({result.kind}.json)</dt>
        <dd>
          <code className="verification-hash">{result.payloadSha256}</code>
        </dd>
        <dt>Clé de signature</dt>
        <dd>
          <code>{result.keyId}</code>
        </dd>
        <dt>Certificat de la même formation</dt>
        <dd>
          <Link to={`/verifier/${formatCode(result.certificateCode)}`}>{formatCode(result.certificateCode)}</Link>
        </dd>
      </dl>
    </section>
  );
}
