/**
 * The three documents of a completed path as PDFs (attestation de fin de formation, certificat de
 * réalisation, relevé d'activité), drawn from the facts of the 12 h path taken over 40 days: their
 * text, extracted as a reader would (pdftotext, or pdf.js where poppler is missing), holds every
 * field a funder or an employer looks for; the relevé runs to several pages without ever drawing
 * over its footer; the signed data attached to each verifies — with the library and with
 * `npm run certificate:verify` — and stops verifying once tampered with.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, describe, expect, test } from "vitest";
import {
  documentPayload,
  DURATION_METHOD,
  type AttestationFacts,
  type CommonFacts,
  type DayFacts,
  type DocumentFacts,
  type RealisationFacts,
  type StatementFacts,
} from "~/attestations/document-payload.ts";
import { documentFileName, renderDocumentPdf, verifyDocumentPdf } from "~/attestations/document-pdf.server.ts";
import { readAttachments } from "~/certificates/pdf-attachments.ts";
import { generateSigningKeyPem, signingKeyFromPem, signPayload, verifyPayload } from "~/certificates/signing.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { hasPdftotext, pdfLines, pdftotextLines } from "../helpers/pdf-text.ts";
import { flip, random } from "../helpers/byte-flips.ts";

const run = promisify(execFile);
const key = signingKeyFromPem(generateSigningKeyPem());
const dir = mkdtempSync(path.join(tmpdir(), "aafa-documents-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PUBLIC_KEY_URL = "https://alliances.exemple.fr/certificats/cle-publique.pem";
const CODE = "AB12CD34EF56GH78JK9MNPQRSTVW";
const HOUR_MS = 3_600_000;

// ── The facts: the 12 h path, 60 lessons over 40 days of activity ───────────────────────────

const LESSONS = Array.from({ length: 60 }, (_, index) => `Leçon ${index + 1} — Œuvrer avec les élus`);
/** 40 days of activity between 1 March and 15 April 2027 (Sundays off). */
const DAY_KEYS = Array.from({ length: 46 }, (_, index) => new Date(Date.UTC(2027, 2, 1 + index)))
  .filter((day) => day.getUTCDay() !== 0)
  .slice(0, 40)
  .map((day) => day.toISOString().slice(0, 10));
const at = (day: string, hour: number, minute = 0) => new Date(new Date(`${day}T00:00:00Z`).getTime() + hour * HOUR_MS + minute * 60_000);

function days(): DayFacts[] {
  let lesson = 0;
  return DAY_KEYS.map((day, index) => {
    // 12 h 10 over the 40 days: 18 min 15 a day on average, more one day, less the next.
    const activeSeconds = 1095 + (index % 2 === 0 ? 300 : -300);
    const count = index % 2 === 0 ? 1 : 2;
    const lessonsCompleted = LESSONS.slice(lesson, lesson + count);
    lesson += count;
    const last = index === DAY_KEYS.length - 1;
    return {
      day,
      activeSeconds,
      lessonsCompleted,
      assessments: last
        ? [
            { title: "Évaluation finale", attempt: 1, at: at(day, 13, 10), score: 55, passed: false },
            { title: "Évaluation finale", attempt: 2, at: at(day, 14, 30), score: 85, passed: true },
          ]
        : index % 8 === 3
          ? [{ title: "Quiz « Les besoins »", attempt: 1, at: at(day, 9, 5), score: 80, passed: true }]
          : [],
      simulations: index % 13 === 6 ? [{ title: "Le conseil municipal de Saint-Étienne-de-Tinée", at: at(day, 16, 45) }] : [],
      placements:
        index === 0
          ? [{ label: "Positionnement d'entrée", at: at(day, 8, 2) }]
          : last
            ? [{ label: "Auto-évaluation de fin de parcours", at: at(day, 15, 0) }]
            : [],
    };
  });
}

function common(): CommonFacts {
  return {
    code: CODE,
    certificateCode: "7KQM3XRT9PWDAB12CD34EF56GH78",
    learnerName: "Hélène Lefèvre-Çelik",
    organisation: {
      legalName: "Alliances Territoriales SCOP",
      address: "12 rue de l'Église\n69003 Lyon",
      siret: "73282932000074",
      activityDeclarationNumber: "84691234569",
      qualiopiReference: "QUA-2026-0412 (actions de formation)",
      electedTrainingApproval: "Ministère de l'Intérieur, arrêté du 3 février 2025",
      pedagogicalContact: "Élodie Marchand <pedagogie@alliances.exemple.fr>",
      disabilityContact: "Jérôme Dupré <handicap@alliances.exemple.fr>",
      answerDelay: "2 jours ouvrés",
    },
    path: {
      id: "parcours-12h",
      title: "Agir en alliance",
      objectives: ["Situer son territoire parmi les démarches d'alliance.", "Concevoir une démarche d'alliance avec ses partenaires."],
      nominalMinutes: 720,
    },
    firstActivityAt: at(DAY_KEYS[0]!, 8),
    completedAt: at(DAY_KEYS.at(-1)!, 15, 0),
    activeSeconds: 12 * 3600 + 10 * 60,
    verificationUrl: "https://alliances.exemple.fr/verifier/AB12-CD34-EF56-GH78-JK9M-NPQR-STVW",
    issuedAt: at(DAY_KEYS.at(-1)!, 15, 31),
    keyId: key.keyId,
  };
}

const OBJECTIVES = common().path.objectives;

function attestationFacts(placement: AttestationFacts["placement"]): AttestationFacts {
  return {
    ...common(),
    kind: "attestation-fin-formation",
    placement,
    finalAssessment: { title: "Évaluation finale du parcours", score: 85, passMark: 70, attempts: 2 },
  };
}

const BOTH_PLACEMENTS: AttestationFacts["placement"] = {
  entry: {
    answeredAt: at(DAY_KEYS[0]!, 8, 2),
    objectives: [
      { objective: OBJECTIVES[0]!, level: 1, label: "Je découvre" },
      { objective: OBJECTIVES[1]!, level: 2, label: "J'ai des notions" },
    ],
  },
  exit: {
    answeredAt: at(DAY_KEYS.at(-1)!, 15),
    objectives: [
      { objective: OBJECTIVES[0]!, level: 3, label: "Je sais faire avec de l'aide" },
      { objective: OBJECTIVES[1]!, level: 4, label: "Je sais faire seul·e" },
    ],
  },
};

function realisationFacts(): RealisationFacts {
  let lesson = 0;
  const activities = days().flatMap((day) =>
    day.lessonsCompleted.map((title) => ({ title, estimatedMinutes: [10, 12, 14][lesson++ % 3]!, completedAt: at(day.day, 11) })),
  );
  return { ...common(), kind: "certificat-realisation", activities };
}

function statementFacts(overrides: Partial<StatementFacts> = {}): StatementFacts {
  return {
    ...common(),
    kind: "releve-activite",
    days: days(),
    questions: [
      { askedAt: at(DAY_KEYS[2]!, 10), lessonTitle: LESSONS[3]!, answeredAt: at(DAY_KEYS[2]!, 15), delayHours: 5 },
      { askedAt: at(DAY_KEYS[20]!, 9), lessonTitle: LESSONS[30]!, answeredAt: at(DAY_KEYS[20]!, 59), delayHours: 50 },
      { askedAt: at(DAY_KEYS[38]!, 18), lessonTitle: LESSONS[58]!, answeredAt: null, delayHours: null },
    ],
    helpUrl: "https://alliances.exemple.fr/aide",
    ...overrides,
  };
}

// ── Rendering and reading back ──────────────────────────────────────────────────────────────

function render(facts: DocumentFacts, payload = documentPayload(facts), signature = signPayload(key, payload)) {
  return renderDocumentPdf({ ...facts, payload, signature, publicKeyUrl: PUBLIC_KEY_URL });
}

/** No-break spaces (French typography) read as plain spaces, so expectations are typed plainly. */
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, " ").replace(/ +/g, " ");

/** The lines a reader extracts: pdftotext -layout when poppler is installed, pdf.js otherwise. */
async function textLines(bytes: Uint8Array): Promise<string[]> {
  const lines = hasPdftotext ? await pdftotextLines(bytes) : (await pdfLines(bytes)).map((line) => line.text);
  return lines.map(plain);
}

/** Every line joined: a paragraph wrapped over several lines reads back as typed. */
const joined = (lines: string[]) => lines.join(" ");

function expectAll(text: string, expected: string[]) {
  for (const value of expected) expect(text, value).toContain(plain(value));
}

const ORGANISATION = [
  "Raison sociale Alliances Territoriales SCOP",
  "Adresse 12 rue de l'Église",
  "69003 Lyon",
  "SIRET 732 829 320 00074",
  "N° de déclaration d'activité 84691234569",
  "Cet enregistrement ne vaut pas agrément de l'État.",
  "Certification Qualiopi QUA-2026-0412 (actions de formation)",
  "Agrément formation des élus Ministère de l'Intérieur, arrêté du 3 février 2025",
];
const VERIFICATION = [
  "AB12-CD34-EF56-GH78-JK9M-NPQR-STVW",
  "https://alliances.exemple.fr/verifier/AB12-CD34-EF56-GH78-JK9M-NPQR-STVW",
  PUBLIC_KEY_URL,
  "Document délivré pour Alliances Territoriales SCOP, signé électroniquement par la plateforme Apprendre à faire alliance",
  `(Ed25519, clé ${key.keyId})`,
];

/** Text items with their position, page by page (pdf.js). */
async function positionedItems(bytes: Uint8Array) {
  const document = await getDocument({ data: bytes.slice(), verbosity: 0, useSystemFonts: false }).promise;
  const items: Array<{ page: number; y: number; text: string }> = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) {
      if ("str" in item && item.str.trim()) items.push({ page: number, y: item.transform[5], text: plain(item.str) });
    }
  }
  await document.destroy();
  return items;
}

describe("the attestation de fin de formation", () => {
  test("names the organisation, the learner, the action, its dates, the duration realised and the results", async () => {
    const lines = await textLines(await render(attestationFacts(BOTH_PLACEMENTS)));
    const text = joined(lines);
    expectAll(text, [
      "Attestation de fin de formation",
      ...ORGANISATION,
      "Nom Hélène Lefèvre-Çelik",
      "Intitulé Agir en alliance",
      "Nature de l'action Action de formation",
      "Modalité Formation à distance (FOAD)",
      "Dates du 1er mars 2027 au 15 avril 2027",
      "Durée réalisée 12 h 10 (temps d'activité enregistré)",
      "• Situer son territoire parmi les démarches d'alliance.",
      "• Concevoir une démarche d'alliance avec ses partenaires.",
      "Évaluation finale Évaluation finale du parcours",
      "Score obtenu 85 %",
      "Seuil de réussite 70 %",
      "Tentatives 2",
      "Positionnement d'entrée : le 1er mars 2027. Auto-évaluation de fin de parcours : le 15 avril 2027.",
      "code de vérification 7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
      ...VERIFICATION,
    ]);
    // Entry and exit side by side, on the objective's row.
    expect(lines).toContainEqual(expect.stringMatching(/^Situer son territoire .*1 — Je découvre 3 — Je sais faire avec de l'aide$/));
    expect(lines.find((line) => line.includes("2 — J'ai des notions"))).toContain("4 — Je sais faire seul·e");
    expect(text).not.toContain("non renseigné");
  });

  test("prints « non renseigné » where the learner gave no positioning", async () => {
    const lines = await textLines(await render(attestationFacts({ entry: BOTH_PLACEMENTS.entry, exit: null })));
    expect(lines.find((line) => line.includes("1 — Je découvre"))).toMatch(/1 — Je découvre non renseigné$/);
    expect(lines.find((line) => line.includes("2 — J'ai des notions"))).toMatch(/2 — J'ai des notions non renseigné$/);
    expect(joined(lines)).toContain("Auto-évaluation de fin de parcours : non renseigné.");

    const none = joined(await textLines(await render(attestationFacts({ entry: null, exit: null }))));
    expect(none).toContain("Positionnement d'entrée : non renseigné. Auto-évaluation de fin de parcours : non renseigné.");
    expect(none).not.toContain("Je découvre");
  });
});

describe("the certificat de réalisation", () => {
  test("follows the model: dispensateur, bénéficiaire, action, nature, dates, durée réalisée, activities and the method", async () => {
    const facts = realisationFacts();
    const lines = await textLines(await render(facts));
    const text = joined(lines);
    expectAll(text, [
      "Certificat de réalisation",
      "Dispensateur de l'action",
      ...ORGANISATION,
      "Nom Hélène Lefèvre-Çelik",
      "Intitulé de l'action Agir en alliance",
      "Nature de l'action Action de formation",
      "Modalité Formation à distance (FOAD)",
      "Dates du 1er mars 2027 au 15 avril 2027",
      "Durée réalisée 12 h 10 (temps d'activité enregistré)",
      "Activité Durée estimée Réalisée le",
      "Total (60 activités) 12 h",
      DURATION_METHOD,
      ...VERIFICATION,
    ]);
    // Every activity, on its row, with its estimated time and its date.
    for (const activity of facts.activities) {
      const row = plain(`${activity.title} ${activity.estimatedMinutes} min ${formatDay(activity.completedAt)}`);
      expect(lines, activity.title).toContain(row);
    }
    // An electronic signature, not a handwritten one.
    expect(text).not.toMatch(/soussign/i);
  });
});

/** « 1er mars 2027 » for the test's dates, written out independently of app/utils/format.ts. */
function formatDay(date: Date): string {
  const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
  const day = date.getUTCDate();
  return `${day === 1 ? "1er" : day} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

describe("the relevé d'activité", () => {
  test("lists each day's activity, the questions and their delays, the assistance and the totals", async () => {
    const facts = statementFacts();
    const lines = await textLines(await render(facts));
    const text = joined(lines);
    expectAll(text, [
      "Relevé d'activité",
      "ce n'est pas une feuille d'émargement",
      ...ORGANISATION,
      "Bénéficiaire Hélène Lefèvre-Çelik",
      "Intitulé de l'action Agir en alliance",
      "Période du 1er mars 2027 au 15 avril 2027",
      "Jours avec activité 40",
      "Temps d'activité total 12 h 10 (temps d'activité enregistré)",
      "« Quiz « Les besoins » », tentative 1 à 10 h 05 : 80 %, réussie",
      "« Évaluation finale », tentative 1 à 15 h 10 : 55 %, non réussie",
      "« Évaluation finale », tentative 2 à 16 h 30 : 85 %, réussie",
      "« Le conseil municipal de Saint-Étienne-de-Tinée » à 17 h 45",
      "Positionnement d'entrée à 9 h 02",
      "Auto-évaluation de fin de parcours à 17 h 00",
      "Délai de réponse annoncé 2 jours ouvrés",
      "Référent pédagogique Élodie Marchand <pedagogie@alliances.exemple.fr>",
      "Aide https://alliances.exemple.fr/aide",
      ...VERIFICATION,
    ]);
    // One row per day, with that day's active time.
    for (const day of facts.days) {
      const minutes = Math.floor(day.activeSeconds / 60);
      expect(lines, day.day).toContain(`${formatDay(new Date(day.day))} Temps d'activité : ${minutes} min`);
    }
    for (const lesson of LESSONS) expect(lines, lesson).toContain(`• ${plain(lesson)}`);
    // Questions: when asked, from which lesson, when answered (or not) and how long it took.
    expect(lines).toContain("3 mars 2027 à 11 h 00 Leçon 4 — Œuvrer avec les élus 3 mars 2027 à 16 h 00 5 heures");
    expect(lines).toContain("24 mars 2027 à 10 h 00 Leçon 31 — Œuvrer avec les élus 26 mars 2027 à 12 h 00 2 jours");
    expect(lines).toContain("14 avril 2027 à 20 h 00 Leçon 59 — Œuvrer avec les élus sans réponse —");
  });

  test("runs to several pages, each with its header and its « page N/M » footer, and nothing drawn over the footer", async () => {
    const bytes = await render(statementFacts());
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const lines = await textLines(bytes);
    for (let page = 1; page <= pages; page += 1) {
      expect(lines).toContain(
        `Relevé d'activité — Hélène Lefèvre-Çelik — page ${page}/${pages} Code de vérification AB12-CD34-EF56-GH78-JK9M-NPQR-STVW`,
      );
    }
    expect(lines.filter((line) => line === "APPRENDRE À FAIRE ALLIANCE · RELEVÉ D'ACTIVITÉ")).toHaveLength(pages);

    const items = await positionedItems(bytes);
    const isFooter = (text: string) => /^(Relevé d'activité — .* — page \d+\/\d+|Code de vérification [A-Z0-9-]+)$/.test(text);
    const footer = items.filter((item) => isFooter(item.text));
    expect(footer).toHaveLength(2 * pages);
    // Every other line stands clear above the footer (its rule between them), on every page.
    const footerTop = Math.max(...footer.map((item) => item.y));
    const lowest = Math.min(...items.filter((item) => !isFooter(item.text)).map((item) => item.y));
    expect(lowest).toBeGreaterThan(footerTop + 20);
  });

  test("prints the organisation's address, SIRET and NDA only when it has them, and the NDA's mention only beside an NDA", async () => {
    const organisation = {
      ...common().organisation,
      address: null,
      siret: null,
      activityDeclarationNumber: null,
      qualiopiReference: null,
      electedTrainingApproval: null,
    };
    const text = joined(await textLines(await render(statementFacts({ organisation, questions: [] }))));
    expect(text).toContain("Raison sociale Alliances Territoriales SCOP");
    expect(text).toContain("Aucune question posée sur ce parcours.");
    for (const absent of ["Adresse", "SIRET", "déclaration d'activité", "ne vaut pas agrément", "Qualiopi", "Agrément"]) {
      expect(text).not.toContain(absent);
    }
  });
});

describe("every document", () => {
  const all = () => [attestationFacts(BOTH_PLACEMENTS), realisationFacts(), statementFacts()];

  test("never speaks of « présence »: it records activity", async () => {
    for (const facts of all()) {
      const text = joined(await textLines(await render(facts)));
      expect(text, facts.kind).not.toMatch(/présence/i);
      expect(text, facts.kind).toContain("temps d'activité enregistré");
    }
  });

  test("carries its signed data and signature as <kind>.json and <kind>.sig, and says who issued it in its properties", async () => {
    for (const facts of all()) {
      const bytes = await render(facts);
      const attachments = new Map((await readAttachments(bytes)).map(({ name, bytes: content }) => [name, content]));
      expect([...attachments.keys()]).toEqual([`${facts.kind}.json`, `${facts.kind}.sig`]);
      const payload = new TextDecoder().decode(attachments.get(`${facts.kind}.json`));
      expect(payload).toBe(documentPayload(facts));
      const signature = Buffer.from(attachments.get(`${facts.kind}.sig`)!).toString("base64url");
      expect(verifyPayload(key.publicKeyPem, payload, signature)).toBe(true);

      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(pdf.getTitle()).toContain("Agir en alliance — Hélène Lefèvre-Çelik");
      expect(pdf.getAuthor()).toBe("Alliances Territoriales SCOP");
      expect(pdf.getSubject()).toContain("AB12-CD34-EF56-GH78-JK9M-NPQR-STVW");
      expect(pdf.getCreationDate()).toEqual(facts.issuedAt);
      expect((pdf.catalog.lookup(PDFName.of("Lang"), PDFString) as PDFString).decodeText()).toBe("fr-FR");
    }
  });

  test("is named after its kind, its path and its code", () => {
    expect(documentFileName("attestation-fin-formation", "Agir en alliance", CODE)).toBe(
      "attestation-fin-formation-agir-en-alliance-ab12cd34.pdf",
    );
    expect(documentFileName("releve-activite", "Du devoir à l'envie", CODE)).toBe("releve-activite-du-devoir-a-l-envie-ab12cd34.pdf");
  });
});

describe("offline verification of a document PDF", () => {
  test("is « valide » for the document as issued; any flipped byte gives « invalide » with a reason, or the same signed data", async () => {
    const facts = statementFacts();
    const payload = documentPayload(facts);
    const bytes = await render(facts, payload);
    expect(await verifyDocumentPdf(bytes, key.publicKey)).toMatchObject({
      status: "valide",
      name: "releve-activite",
      payload,
      data: { document: "Relevé d'activité", beneficiaire: "Hélène Lefèvre-Çelik", code: CODE },
    });

    // Flips in the last bytes, where the attachments and the cross-reference are.
    const next = random(20270415);
    const reasons = new Set<string>();
    for (let index = 0; index < 60; index += 1) {
      const position = bytes.length - 1 - Math.floor(next() * 4096);
      const result = await verifyDocumentPdf(flip(bytes, position, 1 + Math.floor(next() * 255)), key.publicKey);
      if (result.status === "valide") expect(result.payload).toBe(payload);
      else reasons.add(result.reason);
    }
    expect(reasons.size).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toMatch(/^[A-ZÀ-Ý][^]{30,}\.$/);

    // Data changed after signing: the signature no longer matches.
    const forged = await render(statementFacts({ learnerName: "Quelqu'un d'autre" }), undefined, signPayload(key, payload));
    expect(await verifyDocumentPdf(forged, key.publicKey)).toMatchObject({
      status: "invalide",
      name: "releve-activite",
      reason: expect.stringContaining("La signature ne correspond pas aux données jointes"),
    });
  });

  test("`npm run certificate:verify` says « valide » and prints the signed fields; « invalide » with a reason and no stack trace", async () => {
    const facts = attestationFacts(BOTH_PLACEMENTS);
    const payload = documentPayload(facts);
    const bytes = await render(facts, payload);
    const keyFile = path.join(dir, "cle-publique.pem");
    writeFileSync(keyFile, key.publicKeyPem);
    const genuine = path.join(dir, "attestation.pdf");
    writeFileSync(genuine, bytes);
    const damaged = path.join(dir, "endommagee.pdf");
    writeFileSync(damaged, flip(bytes, 0, 0x40));
    const forged = path.join(dir, "modifiee.pdf");
    writeFileSync(forged, await render({ ...facts, activeSeconds: 30 * 3600 }, undefined, signPayload(key, payload)));
    const verify = (file: string) =>
      run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/certificate-verify.ts", file, keyFile], { cwd: ROOT });

    const stdout = plain((await verify(genuine)).stdout);
    expectAll(stdout, [
      "✓ Signature valide",
      "les données jointes au PDF (attestation-fin-formation.json)",
      "Document : Attestation de fin de formation",
      "Organisme de formation : Alliances Territoriales SCOP",
      "Bénéficiaire : Hélène Lefèvre-Çelik",
      "Action : Agir en alliance",
      "Période : du 1er mars 2027 au 15 avril 2027",
      "Durée réalisée (temps d'activité enregistré) : 12 h 10",
      "Certificat du parcours : 7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
      "Code de vérification : AB12-CD34-EF56-GH78-JK9M-NPQR-STVW",
      "Empreinte SHA-256 de attestation-fin-formation.json :",
    ]);

    for (const [file, reason] of [
      [damaged, "✗ Certificat invalide : Le fichier ne se lit pas comme un PDF"],
      [forged, "✗ Attestation de fin de formation invalide : La signature ne correspond pas aux données jointes"],
    ] as const) {
      const failure = await verify(file).then(
        () => null,
        (error: { code: number; stdout: string; stderr: string }) => error,
      );
      expect(failure, file).toMatchObject({ code: 1, stdout: "" });
      expect(plain(failure!.stderr)).toContain(reason);
      expect(failure!.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
