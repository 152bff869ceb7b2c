/**
 * `npm run certificate:verify -- <certificat.pdf> [cle-publique.pem]`: checks a downloaded
 * certificate offline — or one of the documents of a completed path (attestation de fin de
 * formation, certificat de réalisation, relevé d'activité), signed with the same key. Reads the
 * signed data attached to the PDF (`certificat.json` or `<document>.json`, with its `.sig`),
 * verifies its Ed25519 signature with the public key (a file, by default the key of this
 * installation), and prints the signed data, to compare with what the page shows: the signature
 * covers the attached data, not the page.
 *
 * Exit codes: 0 valid, 1 invalid (with the reason), 2 the command could not run (no such file,
 * unreadable key). Never a stack trace: any file gives one of these answers.
 */
import { createPublicKey, type KeyObject } from "node:crypto";
import { formatDate, formatDuration, formatPercent } from "~/utils/format.ts";
import { readFileSync } from "node:fs";
import { DOCUMENT_READERS } from "~/attestations/document-pdf.server.ts";
import { DOCUMENT_TITLES, isDocumentKind, type SignedDocumentView } from "~/attestations/document-payload.ts";
import { readPayload, type SignedPayloadView } from "~/certificates/certificate-payload.ts";
import { PAYLOAD_ATTACHMENT } from "~/certificates/certificate-pdf.server.ts";
import { verifySignedPdf, type SignedDataReaders } from "~/certificates/offline-verification.server.ts";
import { SIGNATURE_SCOPE } from "~/certificates/signature-scope.ts";
import { installedPublicKey } from "~/certificates/signing.server.ts";
import { formatCode, normalizeCode } from "~/utils/verification-code.ts";
import { printable } from "~/utils/pdf-fonts.server.ts";

const USAGE =
  "Usage : npm run certificate:verify -- <certificat.pdf | attestation, certificat de réalisation ou relevé en PDF> [cle-publique.pem]";

class UsageError extends Error {}

function readInput(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new UsageError(`Impossible de lire ${what} « ${file} » : le fichier n'existe pas ou n'est pas lisible.`);
  }
}

function publicKey(keyFile: string | undefined): KeyObject {
  if (keyFile) {
    let key: KeyObject;
    try {
      key = createPublicKey(readInput(keyFile, "la clé publique"));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(
        `« ${keyFile} » n'est pas une clé publique PEM (-----BEGIN PUBLIC KEY-----) : prenez celle que publie la plateforme à /certificats/cle-publique.pem.`,
      );
    }
    if (key.asymmetricKeyType !== "ed25519")
      throw new UsageError(`« ${keyFile} » n'est pas une clé Ed25519 : ce n'est pas la clé publique des certificats.`);
    return key;
  }
  let installed: KeyObject | null;
  try {
    installed = installedPublicKey();
  } catch {
    installed = null;
  }
  if (!installed)
    throw new UsageError(
      "Cette installation n'a pas de clé de signature : donnez la clé publique de la plateforme (/certificats/cle-publique.pem).\n" + USAGE,
    );
  return installed;
}

/** A signed text, and how the page prints it when the font lacks some of its characters. */
function withPrinting(text: string): string {
  const printed = printable(text).text;
  return printed === text
    ? text
    : `${text}\n      (sur la page : « ${printed} » ; les caractères absents de la police du PDF y sont remplacés)`;
}

function signedDataLines(data: SignedPayloadView, sha256: string): string[] {
  const code = normalizeCode(data.code);
  return [
    `  Titulaire : ${withPrinting(data.titulaire)}`,
    `  Parcours : ${withPrinting(data.parcours.titre)} (${data.parcours.id})`,
    "  Objectifs du parcours :",
    ...data.parcours.objectifs.map((objective) => `    • ${withPrinting(objective)}`),
    `  Durée réalisée (temps d'activité enregistré) : ${formatDuration(data.tempsActifSecondes)}`,
    `  Première activité : ${formatDate(data.premiereActivite)}`,
    `  Parcours achevé le : ${formatDate(data.achevement)}`,
    `  Score à l'évaluation finale : ${formatPercent(data.scoreEvaluationFinale)}`,
    `  Émetteur : ${data.emetteur}`,
    `  Délivré le : ${formatDate(data.delivreLe)}`,
    `  Code de vérification : ${code ? formatCode(code) : data.code}`,
    `  Vérification en ligne (dit aussi si le certificat a été révoqué) : ${data.verification}`,
    `  Empreinte SHA-256 de certificat.json : ${sha256}`,
  ];
}

/** The signed data of a document (its common fields; the rest stays in the attached JSON, whose fingerprint is printed). */
function documentLines(data: SignedDocumentView, name: string, sha256: string): string[] {
  const code = normalizeCode(data.code);
  const certificate = normalizeCode(data.certificat);
  return [
    `  Document : ${data.document}`,
    `  Organisme de formation : ${withPrinting(data.organisme.raisonSociale)}`,
    `  Bénéficiaire : ${withPrinting(data.beneficiaire)}`,
    `  Action : ${withPrinting(data.action.intitule)}`,
    `  Période : du ${formatDate(data.periode.debut)} au ${formatDate(data.periode.fin)}`,
    `  Durée réalisée (temps d'activité enregistré) : ${formatDuration(data.dureeRealiseeSecondes)}`,
    `  Certificat du parcours : ${certificate ? formatCode(certificate) : data.certificat}`,
    `  Délivré le : ${formatDate(data.delivreLe)}`,
    `  Code de vérification : ${code ? formatCode(code) : data.code}`,
    `  Vérification en ligne : ${data.verification}`,
    `  Le détail signé (activités, jours, résultats) est dans ${name}.json.`,
    `  Empreinte SHA-256 de ${name}.json : ${sha256}`,
  ];
}

type SignedData = { kind: "certificat"; data: SignedPayloadView } | { kind: "document"; data: SignedDocumentView };

const CERTIFICATE = PAYLOAD_ATTACHMENT.replace(/\.json$/, "");

/** A certificate's pair of attachments, or any document's. */
const READERS: SignedDataReaders<SignedData> = {
  [CERTIFICATE]: (text) => {
    const data = readPayload(text);
    return data && { kind: "certificat", data };
  },
  ...Object.fromEntries(
    Object.entries(DOCUMENT_READERS).map(([name, read]) => [
      name,
      (text: string): SignedData | null => {
        const data = read(text);
        return data && { kind: "document", data };
      },
    ]),
  ),
};

async function main(): Promise<number> {
  const [pdfFile, keyFile] = process.argv.slice(2);
  if (!pdfFile) throw new UsageError(USAGE);
  const bytes = readInput(pdfFile, "le PDF");
  const result = await verifySignedPdf(bytes, publicKey(keyFile), READERS, "un document");
  if (result.status === "invalide") {
    const what = isDocumentKind(result.name) ? DOCUMENT_TITLES[result.name] : "Certificat";
    console.error(`✗ ${what} invalide : ${result.reason}`);
    console.error("  Ce que la page affiche n'est garanti par rien : vérifiez le code de vérification en ligne.");
    return 1;
  }
  const signed = result.data;
  console.log(
    [
      `✓ Signature valide (clé ${signed.data.cle}) : les données jointes à ce PDF ont été signées par la plateforme.`,
      "",
      SIGNATURE_SCOPE.replace(PAYLOAD_ATTACHMENT, `${result.name}.json`),
      "",
      "Données signées :",
      ...(signed.kind === "certificat"
        ? signedDataLines(signed.data, result.payloadSha256)
        : documentLines(signed.data, result.name, result.payloadSha256)),
    ].join("\n"),
  );
  return 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  // Anything else is this tool's failure, not the certificate's: say so in one line.
  console.error(error instanceof UsageError ? error.message : `La vérification n'a pas pu se faire : ${(error as Error).message}`);
  process.exitCode = 2;
}
