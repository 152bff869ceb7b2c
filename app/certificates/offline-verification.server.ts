/**
 * Offline verification of a certificate PDF (`npm run certificate:verify`): reads the signed data
 * and the signature attached to the PDF and checks the signature with the platform's public key.
 *
 * What it proves: the attached data (certificat.json) was signed by the platform. Not the printed
 * page: the signature does not cover it, and anyone can redraw a page. So a PDF whose page was
 * altered still verifies, and the tools show the signed data for the reader to compare with the
 * page. Any file, damaged or crafted, gives « valide » or « invalide » with a French reason; this
 * never throws.
 */
import { createHash, verify, type KeyObject } from "node:crypto";
import { readPayload, type SignedPayloadView } from "./certificate-payload.ts";
import { PAYLOAD_ATTACHMENT, SIGNATURE_ATTACHMENT } from "./certificate-pdf.server.ts";
import { DamagedPdfError, readAttachments } from "./pdf-attachments.ts";

export type OfflineVerification =
  | {
      status: "valide";
      /** certificat.json, as attached and signed. */
      payload: string;
      /** Its SHA-256 (hex), as the verification page shows it. */
      payloadSha256: string;
      data: SignedPayloadView;
    }
  | { status: "invalide"; reason: string };

const ED25519_SIGNATURE_BYTES = 64;

export function payloadSha256(payload: string | Uint8Array): string {
  return createHash("sha256").update(payload).digest("hex");
}

export async function verifyCertificatePdf(bytes: Uint8Array, publicKey: KeyObject): Promise<OfflineVerification> {
  const invalid = (reason: string): OfflineVerification => ({ status: "invalide", reason });
  try {
    const attachments = await readAttachments(bytes);
    const named = (name: string) => attachments.filter((attachment) => attachment.name === name);
    const payloads = named(PAYLOAD_ATTACHMENT);
    const signatures = named(SIGNATURE_ATTACHMENT);
    if (payloads.length === 0 || signatures.length === 0) {
      return invalid(
        `Ce PDF ne contient pas les pièces jointes ${PAYLOAD_ATTACHMENT} et ${SIGNATURE_ATTACHMENT}\u00A0: ce n'est pas un certificat de la plateforme, ou elles en ont été retirées.`,
      );
    }
    if (payloads.length > 1 || signatures.length > 1) {
      return invalid(
        `Ce PDF contient plusieurs pièces jointes du même nom (${PAYLOAD_ATTACHMENT} ou ${SIGNATURE_ATTACHMENT})\u00A0: il a été modifié.`,
      );
    }
    const payloadBytes = payloads[0]!.bytes;
    const signature = signatures[0]!.bytes;
    if (signature.length !== ED25519_SIGNATURE_BYTES) {
      return invalid(
        `La signature jointe (${SIGNATURE_ATTACHMENT}) n'a pas la taille d'une signature Ed25519 (64 octets)\u00A0: elle a été modifiée.`,
      );
    }
    // The signature covers the attached bytes as they are: check those, not a re-encoding of them.
    if (!verify(null, payloadBytes, publicKey, signature)) {
      return invalid(
        `La signature ne correspond pas aux données jointes\u00A0: ${PAYLOAD_ATTACHMENT} ou ${SIGNATURE_ATTACHMENT} a été modifié, ou le certificat n'a pas été signé avec cette clé.`,
      );
    }
    const payload = new TextDecoder("utf-8", { fatal: true }).decode(payloadBytes);
    const data = readPayload(payload);
    if (!data) return invalid(`Les données signées ne sont pas celles d'un certificat de la plateforme (format inconnu).`);
    return { status: "valide", payload, payloadSha256: payloadSha256(payloadBytes), data };
  } catch (error) {
    if (error instanceof DamagedPdfError) return invalid(error.message);
    // Signed bytes that are not UTF-8, a key of another type…: not a certificate of ours.
    return invalid("Ce fichier n'a pas pu être vérifié\u00A0: ce n'est pas un certificat de la plateforme lisible avec cette clé.");
  }
}
