/**
 * The moment a certificate is issued, every page says so at the top of its content, with what the
 * learner wants to do next: see it, download it, share its verification link.
 */
import { Link } from "@remix-run/react";

/** `notices`: the certificates issued by the learner's last step, from the root loader (certificate-notice.server.ts). */
export function CertificateNoticeBanner({ notices }: { notices: Array<{ id: string; pathTitle: string }> }) {
  if (notices.length === 0) return null;
  return (
    <div className="page">
      {notices.map((notice) => (
        <section
          key={notice.id}
          className="notice notice--success certificate-notice"
          role="status"
          aria-labelledby={`certificat-delivre-${notice.id}`}
        >
          {/* Not a heading: it sits above the page's own h1. */}
          <p id={`certificat-delivre-${notice.id}`} className="certificate-notice__title">
            <strong>Félicitations&nbsp;: votre certificat «&#x202F;{notice.pathTitle}&#x202F;» est délivré.</strong>
          </p>
          <p>Il porte un code de vérification&nbsp;: toute personne à qui vous le transmettez peut vérifier qu'il est authentique.</p>
          <p className="certificate-notice__actions">
            <Link to={`/certificats/${notice.id}`} className="button">
              Voir et partager le certificat
            </Link>{" "}
            <a href={`/certificats/${notice.id}/pdf`} className="button button--secondary" download>
              Télécharger le PDF
            </a>
          </p>
        </section>
      ))}
    </div>
  );
}
