/**
 * The certificate as an A4 PDF (pdf-lib): embedded Source Sans 3 (accents and « » render
 * everywhere), every field of the certificate, a QR code to the verification page, and the signed
 * payload with its signature attached as files, so the PDF alone can be checked offline.
 * Text goes through app/utils/pdf-fonts.server.ts: a character of the name the font lacks prints
 * « ? » on the page, while the signed data keeps the name exactly as registered.
 */
import { PDFDocument, rgb, type PDFFont } from "pdf-lib";
import { formatDate, formatDuration, formatPercent } from "~/utils/format.ts";
import { A4, ACCENT, drawLine, embedFonts, INK, MARGIN, MUTED, wrapText } from "~/utils/pdf-fonts.server.ts";
import { drawQrCode } from "~/utils/pdf-qr.server.ts";
import { formatCode } from "~/utils/verification-code.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { slugify } from "~/utils/slugify.ts";
import { publicKeyUrl, verificationUrl } from "./certificate-urls.ts";

export const PAYLOAD_ATTACHMENT = "certificat.json";
export const SIGNATURE_ATTACHMENT = "certificat.sig";

export interface CertificateForPdf {
  code: string;
  learnerName: string;
  pathTitle: string;
  nominalMinutes: number;
  activeSeconds: number;
  firstActivityAt: Date;
  completedAt: Date;
  finalScore: number;
  objectives: string[];
  issuer: string;
  issuedAt: Date;
  keyId: string;
  payload: string;
  /** base64url */
  signature: string;
  verificationUrl: string;
  publicKeyUrl: string;
}

/** The characters this certificate draws on top of the base wording (not its payload or signature: they are attached, not drawn). */
function certificateCharacters(certificate: CertificateForPdf): string {
  const { learnerName, pathTitle, issuer, keyId, verificationUrl, publicKeyUrl, objectives } = certificate;
  return [learnerName, pathTitle, issuer, keyId, verificationUrl, publicKeyUrl, formatCode(certificate.code), ...objectives].join("");
}

/** Re-exported: tests and the project export use the same line breaking. */
export { wrapText };

export async function renderCertificatePdf(certificate: CertificateForPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const { regular, semibold, bold } = await embedFonts(pdf, certificateCharacters(certificate));

  const code = formatCode(certificate.code);
  pdf.setTitle(`Certificat — ${certificate.pathTitle} — ${certificate.learnerName}`);
  pdf.setAuthor(certificate.issuer);
  pdf.setSubject(`Code de vérification ${code}`);
  pdf.setLanguage("fr-FR");
  pdf.setCreator("Apprendre à faire alliance");
  pdf.setProducer("Apprendre à faire alliance (pdf-lib)");
  pdf.setCreationDate(certificate.issuedAt);
  pdf.setModificationDate(certificate.issuedAt);

  const page = pdf.addPage([A4.width, A4.height]);
  const width = A4.width - 2 * MARGIN;
  let y = A4.height - MARGIN;

  const text = (value: string, font: PDFFont, size: number, color = INK, x = MARGIN) => {
    drawLine(page, value, { x, y, size, font, color });
  };
  const paragraph = (value: string, font: PDFFont, size: number, color = INK, indent = 0, gap = 1.35) => {
    for (const line of wrapText(value, font, size, width - indent)) {
      text(line, font, size, color, MARGIN + indent);
      y -= size * gap;
    }
  };

  page.drawRectangle({ x: 0, y: A4.height - 10, width: A4.width, height: 10, color: ACCENT });
  y -= 8;
  text("APPRENDRE À FAIRE ALLIANCE · L'ODD 17 EN PRATIQUE", semibold, 9.5, ACCENT);
  y -= 44;
  text("Certificat de formation", bold, 30);
  y -= 34;
  paragraph(`${certificate.issuer} certifie que`, regular, 13, MUTED);
  y -= 8;
  paragraph(certificate.learnerName, bold, 24);
  y -= 4;
  paragraph(`a suivi et achevé le parcours «\u202F${certificate.pathTitle}\u202F», dont l'évaluation finale est réussie.`, regular, 13);
  y -= 14;

  const rows: Array<[string, string]> = [
    // What was done, never the path's announced duration: « Durée réalisée » is the recorded time.
    ["Durée réalisée", `${formatDuration(certificate.activeSeconds)} (temps d'activité enregistré)`],
    ["Première activité", formatDate(certificate.firstActivityAt)],
    ["Parcours achevé le", formatDate(certificate.completedAt)],
    ["Score à l'évaluation finale", formatPercent(certificate.finalScore)],
    ["Délivré le", formatDate(certificate.issuedAt)],
  ];
  for (const [label, value] of rows) {
    text(label, regular, 11.5, MUTED);
    text(value, semibold, 11.5, INK, MARGIN + 190);
    y -= 19;
  }
  y -= 12;

  text("Objectifs du parcours", bold, 13);
  y -= 19;
  for (const objective of certificate.objectives) {
    text("•", regular, 11, ACCENT, MARGIN + 2);
    paragraph(objective, regular, 11, INK, 14, 1.4);
    y -= 3;
  }

  // Verification block at the bottom: code, address, QR code.
  const qrSize = 118;
  const blockTop = MARGIN + qrSize + 40;
  page.drawLine({
    start: { x: MARGIN, y: blockTop + 14 },
    end: { x: A4.width - MARGIN, y: blockTop + 14 },
    thickness: 0.8,
    color: rgb(0.8, 0.82, 0.85),
  });
  drawQrCode(page, certificate.verificationUrl, A4.width - MARGIN - qrSize, blockTop - qrSize, qrSize);
  y = blockTop - 6;
  const left = width - qrSize - 20;
  text("Code de vérification", semibold, 11, MUTED);
  y -= 20;
  text(code, bold, 15, INK);
  y -= 22;
  for (const line of wrapText(`Vérifiez ce certificat sur ${certificate.verificationUrl}`, regular, 10, left)) {
    text(line, regular, 10, INK);
    y -= 13;
  }
  y -= 6;
  const signatureNote =
    `Signé électroniquement (Ed25519, clé ${certificate.keyId}). Les données signées sont jointes à ce PDF ` +
    `(${PAYLOAD_ATTACHMENT}, ${SIGNATURE_ATTACHMENT})\u202F; la clé publique est publiée sur ${certificate.publicKeyUrl}.`;
  for (const line of wrapText(signatureNote, regular, 8.5, left)) {
    text(line, regular, 8.5, MUTED);
    y -= 11;
  }

  await pdf.attach(new TextEncoder().encode(certificate.payload), PAYLOAD_ATTACHMENT, {
    mimeType: "application/json",
    description: "Données du certificat, telles que signées",
    creationDate: certificate.issuedAt,
    modificationDate: certificate.issuedAt,
  });
  await pdf.attach(Buffer.from(certificate.signature, "base64url"), SIGNATURE_ATTACHMENT, {
    mimeType: "application/octet-stream",
    description: "Signature Ed25519 (64 octets) de certificat.json",
    creationDate: certificate.issuedAt,
    modificationDate: certificate.issuedAt,
  });
  return pdf.save();
}

/**
 * A stored certificate as the PDF its holder downloads, and the file's name. The addresses it prints
 * start with the site's configured address (`siteUrl`), never a request's Host.
 */
export async function certificatePdfFor(
  certificate: Omit<CertificateForPdf, "verificationUrl" | "publicKeyUrl">,
  siteUrl = publicUrl(),
): Promise<{ pdf: Uint8Array; filename: string }> {
  const pdf = await renderCertificatePdf({
    ...certificate,
    verificationUrl: verificationUrl(siteUrl, certificate.code),
    publicKeyUrl: publicKeyUrl(siteUrl),
  });
  return { pdf, filename: `certificat-${slugify(certificate.pathTitle)}-${certificate.code.slice(0, 8).toLowerCase()}.pdf` };
}
