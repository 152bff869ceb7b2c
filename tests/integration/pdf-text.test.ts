/**
 * The text of every PDF the platform writes (certificate, project export) extracts exactly as it
 * was typed: ligature-prone words (« effets », « afficher »), accents, œ, line breaks of a
 * multi-line answer. Characters the font lacks (Chinese, Arabic, emoji) print as « ? », one per
 * character as a reader sees it — never a blank, never another character.
 */
import { describe, expect, test } from "vitest";
import { certificatePayload } from "../../app/certificates/certificate-payload.ts";
import { renderCertificatePdf } from "../../app/certificates/certificate-pdf.server.ts";
import { generateSigningKeyPem, signingKeyFromPem, signPayload } from "../../app/certificates/signing.server.ts";
import { renderProjectPdf } from "../../app/projects/project-pdf.server.ts";
import { PROJECT } from "../../app/projects/project-test-fixture.ts";
import { hasPdftotext, pdfLines, pdftotextLines } from "../helpers/pdf-text.ts";

const key = signingKeyFromPem(generateSigningKeyPem());
const LIGATURES = "Mesurer les effets, afficher un bilan officiel, fflorescence, cœur.";
const A4_WIDTH = 595.28;
const MARGIN = 56;

async function certificate(learnerName: string, objectives = [LIGATURES, "Situer son territoire parmi les démarches d'alliance."]) {
  const facts = {
    code: "7KQM3XRT9PWDAB12CD34EF56GH78",
    learnerName,
    pathId: "parcours-4h",
    pathTitle: "Comprendre et se situer",
    nominalMinutes: 240,
    objectives,
    activeSeconds: 4 * 3600 + 7 * 60,
    firstActivityAt: new Date("2026-11-02T09:00:00Z"),
    completedAt: new Date("2026-11-20T15:30:00Z"),
    finalScore: 85,
    issuer: "Apprendre à faire alliance",
    verificationUrl: "https://alliances.exemple.fr/verifier/7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
    issuedAt: new Date("2026-11-20T15:31:00Z"),
    keyId: key.keyId,
  };
  const payload = certificatePayload(facts);
  return renderCertificatePdf({ ...facts, payload, signature: signPayload(key, payload), publicKeyUrl: "https://alliances.exemple.fr/certificats/cle-publique.pem" });
}

const MULTILINE = "Mars : réunir le CCAS et l'association des aînés.\nAvril : une charte.\r\nMai : un comité de suivi.\n\nEnsuite : afficher le bilan officiel.";
const LONG_LINE =
  "Les effets attendus sont nombreux : " +
  Array.from({ length: 12 }, (_, index) => `effet numéro ${index + 1} à mesurer avec les partenaires du territoire`).join(", ") +
  ".";
const LONG_WORD = `https://alliances.exemple.fr/ressources/${"tres-long-chemin-".repeat(8)}fin`;

function project() {
  return renderProjectPdf(
    PROJECT,
    { defi: LIGATURES, besoins: MULTILINE, remarques: `${LONG_LINE} ${LONG_WORD}`, actions: "Avec 王小明 😀 👨‍👩‍👧 et محمد : Zoë Ñúñez-O'Brien." },
    { c1: { level: 3, justification: "Trois besoins officiels,\nchacun avec sa source." } },
    { learnerName: "Zoë Ñúñez-O'Brien", pathTitle: "Agir en alliance", updatedAt: new Date("2026-11-20T15:30:00Z"), submittedAt: null },
  );
}

describe("the certificate PDF's text", () => {
  test("extracts exactly as typed: ligature-prone words, accents, œ, apostrophes", async () => {
    const lines = (await pdfLines(await certificate("Zoë Ñúñez-O'Brien"))).map((line) => line.text);
    expect(lines).toContain("Zoë Ñúñez-O'Brien");
    expect(lines).toContain(`• ${LIGATURES}`);
    expect(lines).toContain("Certificat de formation");
    expect(lines).toContain("Apprendre à faire alliance certifie que");
    expect(lines).toContain("Durée réalisée 4 h 07 min (temps d'activité enregistré)");
  });

  test("prints « ? » for each character the font lacks (Chinese, Arabic, emoji)", async () => {
    for (const [name, printed] of [
      ["王小明", "???"],
      ["Zoë 😀 👨‍👩‍👧", "Zoë ? ?"],
      ["محمد علي", "???? ???"],
    ]) {
      const lines = (await pdfLines(await certificate(name!))).map((line) => line.text);
      expect(lines, name).toContain(printed);
    }
  });

  test.skipIf(!hasPdftotext)("extracts the same with pdftotext (poppler-utils)", async () => {
    const lines = await pdftotextLines(await certificate("Zoë Ñúñez-O'Brien"));
    expect(lines).toContain("Zoë Ñúñez-O'Brien");
    expect(lines).toContain(`• ${LIGATURES}`);
    expect(lines).toContain("Durée réalisée 4 h 07 min (temps d'activité enregistré)");
    expect(await pdftotextLines(await certificate("王小明 😀"))).toContain("??? ?");
  });
});

describe("the project export PDF's text", () => {
  test("keeps the lines of a multi-line answer, wraps long lines inside the margins", async () => {
    const lines = await pdfLines(await project());
    const texts = lines.map((line) => line.text);
    for (const expected of [
      LIGATURES,
      "Mars : réunir le CCAS et l'association des aînés.",
      "Avril : une charte.",
      "Mai : un comité de suivi.",
      "Ensuite : afficher le bilan officiel.",
      "Trois besoins officiels,",
      "chacun avec sa source.",
      "Zoë Ñúñez-O'Brien — parcours « Agir en alliance »",
    ]) {
      expect(texts).toContain(expected);
    }
    expect(texts.join("\n")).not.toMatch(/\?(Avril|Mai|Ensuite|chacun)/);
    // The long answer wraps into several lines, and its words come back in order.
    const start = texts.findIndex((text) => text.startsWith("Les effets attendus"));
    const wrapped = texts.slice(start, texts.findIndex((text, index) => index > start && text.startsWith("2. ")));
    expect(wrapped.length).toBeGreaterThan(5);
    expect(wrapped.join(" ").replace(/ /g, "")).toBe(`${LONG_LINE}${LONG_WORD}`.replace(/ /g, ""));
    for (const line of lines) {
      expect(line.right, line.text).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.5);
      expect(line.left, line.text).toBeGreaterThanOrEqual(MARGIN - 0.5);
    }
  });

  test("prints « ? » for each character the font lacks, and stays light", async () => {
    const bytes = await project();
    // Three subsets of Source Sans 3 without layout tables: about 30 KB (90 KB with them).
    expect(bytes.length).toBeLessThan(60_000);
    const texts = (await pdfLines(bytes)).map((line) => line.text);
    expect(texts).toContain("Avec ??? ? ? et ???? : Zoë Ñúñez-O'Brien.");
  });

  test.skipIf(!hasPdftotext)("extracts the same with pdftotext (poppler-utils)", async () => {
    const lines = await pdftotextLines(await project());
    for (const expected of [LIGATURES, "Avril : une charte.", "Mai : un comité de suivi.", "Avec ??? ? ? et ???? : Zoë Ñúñez-O'Brien."]) {
      expect(lines).toContain(expected);
    }
  });
});
