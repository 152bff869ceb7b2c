/**
 * `npm run certificate:verify -- <certificat.pdf> [cle-publique.pem]`: checks a downloaded
 * certificate offline. Reads the signed data attached to the PDF, verifies its Ed25519 signature
 * with the public key (a file, by default the one this installation signs with), and prints what
 * the signature guarantees, to compare with what the PDF shows.
 */
import { readFileSync } from "node:fs";
import { readPayload } from "~/certificates/certificate-payload.ts";
import { PAYLOAD_ATTACHMENT, SIGNATURE_ATTACHMENT } from "~/certificates/certificate-pdf.server.ts";
import { formatActiveTime, formatCertificateDate, formatNominalDuration } from "~/certificates/certificate-format.ts";
import { readAttachments } from "~/certificates/pdf-attachments.ts";
import { serverSigningKey, verifyPayload } from "~/certificates/signing.server.ts";

const [pdfFile, keyFile] = process.argv.slice(2);
if (!pdfFile) {
  console.error("Usage : npm run certificate:verify -- <certificat.pdf> [cle-publique.pem]");
  process.exit(2);
}
const attachments = await readAttachments(readFileSync(pdfFile));
const payloadBytes = attachments.get(PAYLOAD_ATTACHMENT);
const signature = attachments.get(SIGNATURE_ATTACHMENT);
if (!payloadBytes || !signature) {
  console.error(`Ce PDF ne contient pas les pièces jointes ${PAYLOAD_ATTACHMENT} et ${SIGNATURE_ATTACHMENT} : ce n'est pas un certificat de la plateforme.`);
  process.exit(1);
}
const payload = new TextDecoder().decode(payloadBytes);
const publicKey = keyFile ? readFileSync(keyFile, "utf8") : serverSigningKey().publicKeyPem;
const data = readPayload(payload);
if (!data || !verifyPayload(publicKey, payload, Buffer.from(signature).toString("base64url"))) {
  console.error("✗ Signature INVALIDE : ce certificat a été modifié, ou n'a pas été signé par cette clé.");
  process.exit(1);
}
console.log(`✓ Signature valide (clé ${data.cle}). Données signées :
  Titulaire : ${data.titulaire}
  Parcours : ${data.parcours.titre} (durée nominale ${formatNominalDuration(data.parcours.dureeNominaleMinutes)})
  Temps d'activité enregistré : ${formatActiveTime(data.tempsActifSecondes)}
  Du ${formatCertificateDate(data.premiereActivite)} au ${formatCertificateDate(data.achevement)}
  Score à l'évaluation finale : ${data.scoreEvaluationFinale} %
  Délivré le ${formatCertificateDate(data.delivreLe)} par ${data.emetteur}
  Code : ${data.code} — état actuel (révocation) : ${data.verification}`);
