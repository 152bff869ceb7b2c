/** The verification form and result, shared by /verifier and /verifier/:code. */
import { Form } from "@remix-run/react";
import { formatDate, formatDuration, formatPercent } from "~/utils/format.ts";
import { SIGNATURE_SCOPE } from "./signature-scope.ts";
import { formatCode } from "~/utils/verification-code.ts";
import { fr } from "~/utils/french-typography.ts";

export type VerificationResult =
  | {
      status: "valide" | "revoque";
      code: string;
      learnerName: string | null;
      pathTitle: string;
      nominalMinutes: number;
      objectives: string[];
      activeSeconds: number;
      firstActivityAt: string;
      completedAt: string;
      finalScore: number;
      issuedAt: string;
      issuer: string;
      keyId: string;
      payloadSha256: string;
      revokedAt: string | null;
    }
  | { status: "inconnu"; code: string }
  | { status: "malforme"; typed: string }
  | { status: "limite"; minutes: number };

export function VerificationForm({ typed, error }: { typed?: string; error?: string | null }) {
  return (
    <Form method="get" action="/verifier" className="verification-form">
      <div className="field">
        <label htmlFor="code">Code de vérification</label>
        <p id="code-aide" className="field__hint">
          28 lettres et chiffres, imprimés sous «&#8239;Code de vérification&#8239;» sur le certificat ou le document. Espaces, tirets et
          majuscules n'ont pas d'importance.
        </p>
        <input
          id="code"
          name="code"
          type="text"
          defaultValue={typed}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "code-aide code-erreur" : "code-aide"}
        />
        {error ? (
          <ul id="code-erreur" className="error-list">
            <li>{error}</li>
          </ul>
        ) : null}
      </div>
      <button type="submit" className="button">
        Vérifier
      </button>
    </Form>
  );
}

export const MALFORMED_MESSAGE = fr`Ce code n'a pas le bon format : il compte 28 lettres et chiffres, par exemple 7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78.`;

export function VerificationOutcome({ result }: { result: VerificationResult }) {
  switch (result.status) {
    case "malforme":
      return null; // the form shows the message next to the field
    case "limite":
      return (
        <section className="verification" aria-labelledby="resultat" role="alert">
          <h2 id="resultat">Trop de vérifications</h2>
          <p>
            Trop de vérifications en peu de temps depuis cette connexion. Réessayez dans {result.minutes} minute
            {result.minutes > 1 ? "s" : ""}.
          </p>
        </section>
      );
    case "inconnu":
      return (
        <section className="verification verification--inconnu" aria-labelledby="resultat">
          <h2 id="resultat">Code inconnu</h2>
          <p>
            Aucun certificat ni document de formation ne porte le code <code className="verification-code">{formatCode(result.code)}</code>.
            Vérifiez la saisie caractère par caractère&nbsp;: un certificat ou un document authentique de la plateforme est toujours
            retrouvé ici.
          </p>
        </section>
      );
    case "valide":
    case "revoque":
      return (
        <section className={`verification verification--${result.status}`} aria-labelledby="resultat">
          <h2 id="resultat">{result.status === "valide" ? "Certificat valide" : "Certificat révoqué"}</h2>
          {result.status === "revoque" && result.revokedAt ? (
            <p>
              <strong>Ce certificat a été révoqué le {formatDate(result.revokedAt)}</strong>&nbsp;: il ne vaut plus attestation.
            </p>
          ) : (
            <p>Ce certificat a bien été délivré par {result.issuer} et n'a pas été révoqué.</p>
          )}
          <p>
            Voici les données que la plateforme a signées en délivrant ce certificat.{" "}
            <strong>Comparez-les avec le certificat qu'on vous présente</strong>&nbsp;: une page imprimée ou un PDF peut avoir été
            redessiné&#8239;; seules ces données font foi.
          </p>
          <dl className="certificate-facts">
            <dt>Titulaire</dt>
            <dd>{result.learnerName ?? "titulaire anonymisé (compte supprimé)"}</dd>
            <dt>Parcours</dt>
            <dd>{result.pathTitle}</dd>
            <dt>Durée réalisée</dt>
            <dd>{formatDuration(result.activeSeconds)} de temps d'activité enregistré sur les leçons</dd>
            <dt>Première activité</dt>
            <dd>{formatDate(result.firstActivityAt)}</dd>
            <dt>Parcours achevé le</dt>
            <dd>{formatDate(result.completedAt)}</dd>
            <dt>Score à l'évaluation finale</dt>
            <dd>{formatPercent(result.finalScore)}</dd>
            <dt>Émetteur</dt>
            <dd>{result.issuer}</dd>
            <dt>Délivré le</dt>
            <dd>{formatDate(result.issuedAt)}</dd>
            <dt>Code</dt>
            <dd>
              <code className="verification-code">{formatCode(result.code)}</code>
            </dd>
            <dt>Empreinte SHA-256 des données signées (certificat.json)</dt>
            <dd>
              <code className="verification-hash">{result.payloadSha256}</code>
            </dd>
            <dt>Clé de signature</dt>
            <dd>
              <code>{result.keyId}</code>
            </dd>
          </dl>
          <h3>Objectifs du parcours</h3>
          <ul>
            {result.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      );
  }
}

export function OfflineVerificationHelp() {
  return (
    <section aria-labelledby="hors-ligne">
      <h2 id="hors-ligne">Vérifier un PDF hors ligne</h2>
      <p>
        <strong>{SIGNATURE_SCOPE}</strong>
      </p>
      <p>
        Chaque PDF contient en pièces jointes les données du certificat (<code>certificat.json</code>) et leur signature Ed25519 (
        <code>certificat.sig</code>). Avec la <a href="/certificats/cle-publique.pem">clé publique de la plateforme</a>, la signature se
        vérifie sans connexion, par exemple avec OpenSSL&nbsp;:
      </p>
      {/* The commands do not wrap: on a phone they scroll inside a region the keyboard reaches. */}
      <pre role="region" aria-label="Commandes de vérification" tabIndex={0}>
        <code>{`pdfdetach -saveall certificat.pdf
openssl pkeyutl -verify -pubin -inkey cle-publique.pem -rawin \\
  -in certificat.json -sigfile certificat.sig
sha256sum certificat.json`}</code>
      </pre>
      <p>
        «&#8239;Signature Verified Successfully&#8239;»&nbsp;: le contenu de <code>certificat.json</code> est celui que la plateforme a
        signé. Lisez-le (c'est du texte) et comparez-le avec ce qu'affiche la page du PDF&#8239;; son empreinte SHA-256 est aussi celle
        qu'affiche le résultat de la vérification par code. La signature ne dit pas si le certificat a été révoqué depuis&nbsp;: la
        vérification par code le dit.
      </p>
    </section>
  );
}
