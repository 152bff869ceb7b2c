/**
 * The certificate PDF: it parses, its text (extracted as a reader would) holds the name, hours and
 * code, and the signed data attached to it verifies offline — with the library and with the
 * documented command — and stops verifying once tampered with.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, test } from "vitest";
import { certificatePayload } from "~/certificates/certificate-payload.ts";
import {
  certificatePdfFor,
  PAYLOAD_ATTACHMENT,
  renderCertificatePdf,
  SIGNATURE_ATTACHMENT,
  type CertificateForPdf,
} from "~/certificates/certificate-pdf.server.ts";
import { readAttachments } from "~/certificates/pdf-attachments.ts";
import { generateSigningKeyPem, signingKeyFromPem, signPayload, verifyPayload } from "~/certificates/signing.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { certificateFacts, signedCertificate } from "../helpers/certificate-facts.ts";

const run = promisify(execFile);
const key = signingKeyFromPem(generateSigningKeyPem());
const dir = mkdtempSync(path.join(tmpdir(), "aafa-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = certificateFacts(key.keyId);

function certificateFor(payload = certificatePayload(facts), signature = signPayload(key, payload)): CertificateForPdf {
  return signedCertificate(key, facts, payload, signature);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await document.destroy();
  return pages.join("\n").replace(/\s+/g, " ");
}

describe("the certificate PDF", () => {
  test("is one A4 page whose text holds every field of the certificate, accents included", async () => {
    const bytes = await renderCertificatePdf(certificateFor());
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    const { width, height } = pdf.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const text = await pdfText(bytes);
    for (const expected of [
      "Certificat de formation",
      "Hélène Lefèvre-Çelik",
      "« Comprendre et se situer »",
      "Durée réalisée 4 h 07 (temps d'activité enregistré)",
      "Première activité 2 novembre 2026",
      "Parcours achevé le 20 novembre 2026",
      "Score à l'évaluation finale 85 %",
      "Situer son territoire parmi les démarches d'alliance.",
      "7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
      "https://alliances.exemple.fr/verifier/7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
      "Apprendre à faire alliance certifie que",
    ]) {
      expect(text).toContain(expected);
    }
    // The path's announced duration (4 h) is not printed: nothing suggests more time than was recorded.
    expect(text).not.toContain("nominale");
    expect(text).not.toMatch(/\b4 h\b(?! 07)/);
  });

  test("certificatePdfFor prints the site's verification and public-key addresses, and names the file after the path", async () => {
    const { verificationUrl: _printed, ...stored } = facts;
    const payload = certificatePayload(facts);
    const { pdf, filename } = await certificatePdfFor(
      { ...stored, payload, signature: signPayload(key, payload) },
      "https://alliances.exemple.fr/",
    );
    expect(filename).toBe("certificat-comprendre-et-se-situer-7kqm3xrt.pdf");
    const text = await pdfText(pdf);
    expect(text).toContain("https://alliances.exemple.fr/verifier/7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78");
    expect(text).toContain("https://alliances.exemple.fr/certificats/cle-publique.pem");
  });

  test("embeds its fonts as small subsets, and stays light", async () => {
    const bytes = await renderCertificatePdf(certificateFor());
    expect(bytes.length).toBeLessThan(60_000); // about 35 KB; 90 KB while the subsets kept every layout feature
    // Embedded TrueType fonts are font descriptors with a FontFile2 stream.
    const pdf = await PDFDocument.load(bytes);
    const descriptors = pdf.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFDict && object.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    expect(descriptors).toHaveLength(3);
    for (const [, descriptor] of descriptors) expect((descriptor as PDFDict).has(PDFName.of("FontFile2"))).toBe(true);
  });

  test("carries the signed data and its signature, which verify with the public key", async () => {
    const attachments = new Map(
      (await readAttachments(await renderCertificatePdf(certificateFor()))).map(({ name, bytes }) => [name, bytes]),
    );
    expect([...attachments.keys()]).toEqual([PAYLOAD_ATTACHMENT, SIGNATURE_ATTACHMENT]);
    const payload = new TextDecoder().decode(attachments.get(PAYLOAD_ATTACHMENT));
    expect(payload).toBe(certificatePayload(facts));
    const signature = Buffer.from(attachments.get(SIGNATURE_ATTACHMENT)!).toString("base64url");
    expect(verifyPayload(key.publicKeyPem, payload, signature)).toBe(true);
  });

  test("offline, `npm run certificate:verify` accepts the real PDF and rejects a tampered one", async () => {
    const keyFile = path.join(dir, "cle-publique.pem");
    writeFileSync(keyFile, key.publicKeyPem);
    const genuine = path.join(dir, "authentique.pdf");
    writeFileSync(genuine, await renderCertificatePdf(certificateFor()));
    const tampered = path.join(dir, "modifie.pdf");
    const forged = certificatePayload({ ...facts, activeSeconds: 12 * 3600 });
    writeFileSync(tampered, await renderCertificatePdf(certificateFor(forged, signPayload(key, certificatePayload(facts)))));

    const verify = (file: string) =>
      run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/certificate-verify.ts", file, keyFile], { cwd: ROOT });
    // Durations carry no-break spaces (« 4 h 07 » never splits); compared here as plain spaces.
    const stdout = (await verify(genuine)).stdout.replace(/[\u00A0\u202F]/g, " ");
    expect(stdout).toContain("✓ Signature valide");
    expect(stdout).toContain("Titulaire : Hélène Lefèvre-Çelik");
    expect(stdout).toContain("Durée réalisée (temps d'activité enregistré) : 4 h 07");
    await expect(verify(tampered)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("✗ Certificat invalide : La signature ne correspond pas aux données jointes"),
    });
  });
});
