/**
 * The text of every PDF the platform writes (certificate, project export) extracts exactly as it
 * was typed: ligature-prone words (« effets », « afficher »), accents, œ, line breaks of a
 * multi-line answer. Characters the font lacks (Chinese, Arabic, emoji) print as « ? », one per
 * character as a reader sees it — never a blank, never another character.
 */
import { describe, expect, test } from "vitest";
import { renderCertificatePdf } from "~/certificates/certificate-pdf.server.ts";
import { generateSigningKeyPem, signingKeyFromPem } from "~/certificates/signing.server.ts";
import { renderProjectPdf } from "~/projects/project-pdf.server.ts";
import { PROJECT } from "~/projects/project-test-fixture.ts";
import { certificateFacts, signedCertificate } from "../helpers/certificate-facts.ts";
import { hasPdftotext, pdfLines, pdftotextLines } from "../helpers/pdf-text.ts";

const key = signingKeyFromPem(generateSigningKeyPem());
const LIGATURES = "Mesurer les effets, afficher un bilan officiel, fflorescence, cœur.";
const A4_WIDTH = 595.28;
const MARGIN = 56;

async function certificate(
  learnerName: string,
  objectives = [LIGATURES, "Situer son territoire parmi les démarches d'alliance."],
  dates: { completedAt?: Date } = {},
) {
  const facts = certificateFacts(key.keyId, {
    learnerName,
    objectives,
    activeSeconds: 4 * 3600 + 7 * 60,
    completedAt: dates.completedAt ?? new Date("2026-11-20T15:30:00Z"),
  });
  return renderCertificatePdf(signedCertificate(key, facts));
}

const MULTILINE =
  "Mars : réunir le CCAS et l'association des aînés.\nAvril : une charte.\r\nMai : un comité de suivi.\n\nEnsuite : afficher le bilan officiel.";
const LONG_LINE =
  "Les effets attendus sont nombreux : " +
  Array.from({ length: 12 }, (_, index) => `effet numéro ${index + 1} à mesurer avec les partenaires du territoire`).join(", ") +
  ".";
const LONG_WORD = `https://alliances.exemple.fr/ressources/${"tres-long-chemin-".repeat(8)}fin`;

function project() {
  return renderProjectPdf(
    PROJECT,
    {
      defi: LIGATURES,
      besoins: MULTILINE,
      remarques: `${LONG_LINE} ${LONG_WORD}`,
      actions: "Avec 王小明 😀 👨‍👩‍👧 et محمد : Zoë Ñúñez-O'Brien.",
    },
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
    expect(lines).toContain("Durée réalisée 4 h 07 (temps d'activité enregistré)");
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
    expect(lines).toContain("Durée réalisée 4 h 07 (temps d'activité enregistré)");
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
    const wrapped = texts.slice(
      start,
      texts.findIndex((text, index) => index > start && text.startsWith("2. ")),
    );
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

describe("French typography in the PDFs (issue 17)", () => {
  /** Wraps many times, with a no-break space due before or after a sign at every turn. */
  const PUNCTUATED = Array.from(
    { length: 10 },
    (_, index) => `Réunion ${index + 1}: en 1 h, 82% des «partenaires» ont-ils répondu? Oui! Coût: 12,7 M€ pour 3 000 habitants;`,
  ).join(" ");
  const BREAKS_BEFORE = /^[?!;:%»€]|^(h|min|M€)\b/;
  const BREAKS_AFTER = /«$|\d$/;

  function expectNoBadBreak(lines: string[]) {
    for (const [index, line] of lines.entries()) {
      expect(line, `ligne ${index} : « ${line} »`).not.toMatch(BREAKS_BEFORE);
      if (index + 1 < lines.length && /^(h|min|%|M€|000)/.test(lines[index + 1]!)) expect(line).not.toMatch(BREAKS_AFTER);
    }
  }

  test.skipIf(!hasPdftotext)(
    "a certificate reads « 1er » for the first of the month and is typeset, as pdftotext extracts it",
    async () => {
      const bytes = await certificate("Zoë Ñúñez-O'Brien", ["Pourquoi faire alliance? Mesurer 82% des effets."], {
        completedAt: new Date("2026-11-30T23:30:00Z"),
      });
      const lines = await pdftotextLines(bytes);
      // 23:30 UTC on 30 November is 1 December in Paris.
      expect(lines).toContain("Parcours achevé le 1er décembre 2026");
      // The spaces the typesetting adds are drawn: a reader extracts them (as plain spaces).
      expect(lines).toContain("• Pourquoi faire alliance ? Mesurer 82 % des effets.");
      expect(lines.join(" ")).toContain("a suivi et achevé le parcours « Comprendre et se situer », dont");
      expect(lines).toContain("Score à l'évaluation finale 85 %");
    },
  );

  test.skipIf(!hasPdftotext)("a project export never breaks a line before « ? : ; ! % » or a unit, nor after « «", async () => {
    const bytes = await renderProjectPdf(
      PROJECT,
      { defi: PUNCTUATED },
      {},
      {
        learnerName: "Zoë",
        pathTitle: "Agir en alliance",
        updatedAt: new Date("2026-12-01T15:30:00Z"),
        submittedAt: null,
      },
    );
    const lines = await pdftotextLines(bytes);
    expect(lines).toContain("Brouillon, dernière modification le 1er décembre 2026.");
    const start = lines.findIndex((line) => line.startsWith("Réunion 1 :"));
    expect(start).toBeGreaterThan(-1);
    // The answer runs until the next field's label.
    const answer = lines.slice(start, lines.indexOf("Les besoins"));
    expect(answer.length).toBeGreaterThan(5);
    expectNoBadBreak(answer);
    expect(answer.join(" ")).toContain("en 1 h, 82 % des « partenaires » ont-ils répondu ? Oui ! Coût : 12,7 M€ pour 3 000 habitants ;");
    expectNoBadBreak((await pdfLines(bytes)).map((line) => line.text));
  });
});
