/**
 * Links to the three documents of a completed path (PDF downloads). `base` is the address the
 * viewer may use: the learner's /certificats/:id/documents, or the trainer's learner page's.
 */
import { DOCUMENT_KINDS, DOCUMENT_TITLES, type DocumentKind } from "./document-payload.ts";

/** What each document is for, in one line (the full explanation: app/attestations/README.md). */
export const DOCUMENT_PURPOSES: Record<DocumentKind, string> = {
  "attestation-fin-formation": "objectifs, nature, dates, durée réalisée et résultats des évaluations, pour votre dossier",
  "certificat-realisation": "ce qu'un financeur (OPCO, CPF, employeur) demande pour payer la formation",
  "releve-activite": "jour par jour, le temps enregistré, les activités, les évaluations et vos questions au tuteur",
};

export function documentUrl(base: string, kind: DocumentKind): string {
  return `${base}/${kind}`;
}

/** `about` (e.g. the path's title) is read to screen readers after each link, when a page lists several trainings. */
export function DocumentLinks({ base, withPurposes = true, about }: { base: string; withPurposes?: boolean; about?: string }) {
  return (
    <ul className="document-links">
      {DOCUMENT_KINDS.map((kind) => (
        <li key={kind}>
          {/* No `download` attribute: a refusal (409 while the organisation is not set up) must show its page, not a failed download. */}
          <a href={documentUrl(base, kind)}>
            {DOCUMENT_TITLES[kind]} (PDF)
            {about ? <span className="visually-hidden"> — {about}</span> : null}
          </a>
          {withPurposes ? <span className="muted"> — {DOCUMENT_PURPOSES[kind]}</span> : null}
        </li>
      ))}
    </ul>
  );
}
