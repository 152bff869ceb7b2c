/**
 * What an account's deletion keeps, and why: one text for /confidentialite and /compte/supprimer,
 * so that the two pages and deleteAccount (app/auth/account-settings.server.ts, with the durations
 * of app/auth/retained-evidence.ts) say the same thing. The three documents issued with a certificate
 * (app/attestations/) share its fate: anonymised with it, erased with it.
 */
import { CERTIFICATE_RETENTION_YEARS, EVIDENCE_RETENTION_YEARS } from "~/auth/retained-evidence.ts";

export function KeptAfterDeletion() {
  return (
    <>
      <ul>
        <li>
          <strong>
            vos certificats et les documents délivrés avec eux (attestation de fin de formation, certificat de réalisation, relevé
            d'activité), sans votre nom
          </strong>
          &nbsp;: ils restent vérifiables par leur code avec la mention «&#x202F;titulaire anonymisé&#x202F;» ou, pour les documents,
          «&#x202F;bénéficiaire anonymisé&#x202F;» jusqu'à {CERTIFICATE_RETENTION_YEARS}&nbsp;ans après la fin de la formation, puis sont
          effacés&#x202F;; la copie signée conservée par la plateforme est remplacée par son empreinte. Les PDF que vous avez téléchargés
          restent vérifiables hors ligne&#x202F;;
        </li>
        <li>
          <strong>pour chaque formation terminée (certificat délivré), un résumé de ses preuves</strong>&nbsp;: temps actif par jour, leçons
          terminées, résultats des évaluations (jamais vos réponses), dates de vos questions au tuteur et de leurs réponses (jamais leur
          texte), sans votre nom, votre adresse e-mail ni votre identifiant, retrouvé seulement par le code du certificat. Il sert à
          justifier la formation lors du contrôle d'un financeur ou d'un audit Qualiopi, et il est effacé {EVIDENCE_RETENTION_YEARS}
          &nbsp;ans après la fin de la formation.
        </li>
      </ul>
      <p>Une formation que vous n'avez pas terminée ne laisse rien&nbsp;: aucun document n'a été délivré pour elle.</p>
    </>
  );
}
