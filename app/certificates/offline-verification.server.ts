/**
 * Offline verification of a PDF the platform signed (`npm run certificate:verify`): a certificate,
 * or one of the training documents of a completed path (attestation de fin de formation,
 * certificat de réalisation, relevé d'activité). Each carries its signed data and the signature as
 * two attached files, `<name>.json` and `<name>.sig` (certificat.json, releve-activite.json…); this
 * finds the pair and checks the signature with the platform's public key.
 *
 * What it proves: the attached data was signed by the platform. Not the printed page: the
 * signature does not cover it, and anyone can redraw a page. So a PDF whose page was altered still
 * verifies, and the tools show the signed data for the reader to compare with the page. Any file,
 * damaged or crafted, gives « valide » or « invalide » with a French reason; this never throws.
 */
import { createHash, verify, type KeyObject } from "node:crypto";
import { readPayload, type SignedPayloadView } from "./certificate-payload.ts";
import { PAYLOAD_ATTACHMENT } from "./certificate-pdf.server.ts";
import { DamagedPdfError, readAttachments } from "./pdf-attachments.ts";

export type SignedPdfVerification<Data> =
  | {
      status: "valide";
      /** The name of the attached pair (« certificat », « releve-activite »…). */
      name: string;
      /** `<name>.json`, as attached and signed. */
      payload: string;
      /** Its SHA-256 (hex), as the verification page shows it. */
      payloadSha256: string;
      data: Data;
    }
  | {
      status: "invalide";
      reason: string;
      /** The name of the attached pair when the PDF has one (the document it claims to be). */
      name?: string;
    };

export type OfflineVerification = SignedPdfVerification<SignedPayloadView>;

/**
 * How to read the signed data of each kind of PDF, by the name of its attachments: returns null
 * when the signed text is not of that kind (an unknown format).
 */
export type SignedDataReaders<Data> = Record<string, (payload: string) => Data | null>;

const ED25519_SIGNATURE_BYTES = 64;

export function payloadSha256(payload: string | Uint8Array): string {
  return createHash("sha256").update(payload).digest("hex");
}

const pairOf = (name: string) => ({ json: `${name}.json`, sig: `${name}.sig` });

/**
 * Finds the one signed pair of attachments among `readers`' names, verifies its signature and reads
 * its data. `what` names the document in messages, with its article « un » (« un certificat », « un document »).
 */
export async function verifySignedPdf<Data>(
  bytes: Uint8Array,
  publicKey: KeyObject,
  readers: SignedDataReaders<Data>,
  what = "un document",
): Promise<SignedPdfVerification<Data>> {
  const invalid = (reason: string, name?: string): SignedPdfVerification<Data> =>
    name === undefined ? { status: "invalide", reason } : { status: "invalide", reason, name };
  const names = Object.keys(readers);
  // Once known, the pair's name goes with every answer (the CLI says which document is invalid).
  let found: string | undefined;
  try {
    const attachments = await readAttachments(bytes);
    const named = (file: string) => attachments.filter((attachment) => attachment.name === file);
    const present = names.filter((name) => named(pairOf(name).json).length > 0 || named(pairOf(name).sig).length > 0);
    if (present.length > 1) {
      const files = present.map((name) => pairOf(name).json).join(", ");
      return invalid(`Ce PDF contient les données signées de plusieurs documents (${files})\u00A0: il a été modifié.`);
    }
    const name = present[0];
    found = name;
    const pair = pairOf(name ?? names[0]!);
    const payloads = named(pair.json);
    const signatures = named(pair.sig);
    if (name === undefined || payloads.length === 0 || signatures.length === 0) {
      const expected =
        names.length === 1 || name !== undefined
          ? `les pièces jointes ${pair.json} et ${pair.sig}`
          : `les pièces jointes signées (${names.map((each) => `${pairOf(each).json} et ${pairOf(each).sig}`).join(", ou ")})`;
      return invalid(
        `Ce PDF ne contient pas ${expected}\u00A0: ce n'est pas ${what} de la plateforme, ou elles en ont été retirées.`,
        name,
      );
    }
    if (payloads.length > 1 || signatures.length > 1) {
      return invalid(`Ce PDF contient plusieurs pièces jointes du même nom (${pair.json} ou ${pair.sig})\u00A0: il a été modifié.`, name);
    }
    const payloadBytes = payloads[0]!.bytes;
    const signature = signatures[0]!.bytes;
    if (signature.length !== ED25519_SIGNATURE_BYTES) {
      return invalid(
        `La signature jointe (${pair.sig}) n'a pas la taille d'une signature Ed25519 (64 octets)\u00A0: elle a été modifiée.`,
        name,
      );
    }
    // The signature covers the attached bytes as they are: check those, not a re-encoding of them.
    if (!verify(null, payloadBytes, publicKey, signature)) {
      return invalid(
        `La signature ne correspond pas aux données jointes\u00A0: ${pair.json} ou ${pair.sig} a été modifié, ou ces données n'ont pas été signées avec cette clé.`,
        name,
      );
    }
    const payload = new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes);
    const data = readers[name]!(payload);
    if (data === null) return invalid(`Les données signées ne sont pas celles d'${what} de la plateforme (format inconnu).`, name);
    return { status: "valide", name, payload, payloadSha256: payloadSha256(payloadBytes), data };
  } catch (error) {
    if (error instanceof DamagedPdfError) return invalid(error.message, found);
    // Signed bytes that are not UTF-8, a key of another type…: not a document of ours.
    return invalid(`Ce fichier n'a pas pu être vérifié\u00A0: ce n'est pas ${what} de la plateforme lisible avec cette clé.`, found);
  }
}

/** A certificate PDF: its attachments are certificat.json and certificat.sig. */
export function verifyCertificatePdf(bytes: Uint8Array, publicKey: KeyObject): Promise<OfflineVerification> {
  return verifySignedPdf(bytes, publicKey, { [PAYLOAD_ATTACHMENT.replace(/\.json$/, "")]: readPayload }, "un certificat");
}
