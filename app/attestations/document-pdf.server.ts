/**
 * The three documents of a completed path as A4 PDFs (pdf-lib), in the certificate's family
 * (app/certificates/certificate-pdf.server.ts): attestation de fin de formation, certificat de
 * réalisation, relevé d'activité. Each prints the organisation, the learner and the action, what
 * its kind states, and a verification block (code, address, QR code); the signed payload and its
 * signature are attached as `<kind>.json` and `<kind>.sig`, so the PDF alone can be checked offline
 * (`npm run certificate:verify`).
 *
 * Every page has the header band and a footer (title, learner, page N/M, code); content flows onto
 * new pages and never reaches the footer — a relevé of the 12 h path runs to several pages.
 * Text goes through app/utils/pdf-fonts.server.ts, like the certificate's.
 */
import type { KeyObject } from "node:crypto";
import { PDFDocument, rgb, type Color, type PDFFont, type PDFPage } from "pdf-lib";
import { verifySignedPdf, type SignedDataReaders, type SignedPdfVerification } from "~/certificates/offline-verification.server.ts";
import { formatElapsed } from "~/questions/waiting.ts";
import { formatDate, formatDateTime, formatDuration, formatMinutes, formatPercent, formatTime } from "~/utils/format.ts";
import { A4, ACCENT, drawLine, embedFonts, INK, MARGIN, MUTED, printable, wrapText } from "~/utils/pdf-fonts.server.ts";
import { drawQrCode } from "~/utils/pdf-qr.server.ts";
import { slugify } from "~/utils/slugify.ts";
import { formatCode } from "~/utils/verification-code.ts";
import {
  ACTION_MODALITY,
  ACTION_NATURE,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  DURATION_METHOD,
  readDocumentPayload,
  type AttestationFacts,
  type DayFacts,
  type DocumentFacts,
  type DocumentKind,
  type OrganisationFacts,
  type PlacementFacts,
  type RealisationFacts,
  type SignedDocumentView,
  type StatementFacts,
} from "./document-payload.ts";

export type DocumentForPdf = DocumentFacts & {
  payload: string;
  /** base64url */
  signature: string;
  publicKeyUrl: string;
};

/** The names of the two files attached to a document: its signed data and the signature. */
export function documentAttachments(kind: DocumentKind): { payload: string; signature: string } {
  return { payload: `${kind}.json`, signature: `${kind}.sig` };
}

/** « attestation-fin-formation-comprendre-et-se-situer-7kqm3xrt.pdf » */
export function documentFileName(kind: DocumentKind, pathTitle: string, code: string): string {
  return `${kind}-${slugify(pathTitle)}-${code.slice(0, 8).toLowerCase()}.pdf`;
}

// ── Page geometry ────────────────────────────────────────────────────────────────────────────

const WIDTH = A4.width - 2 * MARGIN;
const HEADER_Y = A4.height - MARGIN - 8;
const CONTENT_TOP = HEADER_Y - 34;
const FOOTER_RULE_Y = 48;
const FOOTER_Y = 34;
/** No baseline of the content goes below this: the footer's rule is under it, with room for descenders. */
const CONTENT_BOTTOM = 62;
const LABEL_WIDTH = 170;
const GUTTER = 10;
const RULE = rgb(0.8, 0.82, 0.85);
const QR_SIZE = 112;

interface Fonts {
  regular: PDFFont;
  semibold: PDFFont;
  bold: PDFFont;
}

interface Segment {
  text: string;
  x: number;
  font: PDFFont;
  size: number;
  color: Color;
}

/** One line of the page: pieces drawn on one baseline (a label and its value, the cells of a table row). */
interface Line {
  segments: Segment[];
  /** How far down the next line starts. */
  advance: number;
}

interface Cell {
  text: string;
  x: number;
  width: number;
  font: PDFFont;
  size: number;
  color?: Color;
}

const lineAdvance = (size: number) => size * 1.38;

/** Cells side by side, each wrapped to its width: the lines of one row. */
function rowLines(cells: Cell[]): Line[] {
  const wrapped = cells.map((cell) => wrapText(cell.text, cell.font, cell.size, cell.width));
  const count = Math.max(1, ...wrapped.map((lines) => lines.length));
  const advance = Math.max(...cells.map((cell) => lineAdvance(cell.size)));
  return Array.from({ length: count }, (_, index) => ({
    advance,
    segments: cells.flatMap((cell, column) => {
      const text = wrapped[column]![index];
      return text ? [{ text, x: cell.x, font: cell.font, size: cell.size, color: cell.color ?? INK }] : [];
    }),
  }));
}

/**
 * Pages as they fill: `y` is the baseline of the next line. A block is kept on one page when it
 * fits on one; a longer one is split between lines. Headers and footers are drawn by `addPage` and
 * `finish`.
 */
class Sheet {
  page: PDFPage;
  y = CONTENT_TOP;
  /** Drawn again at the top of a page a table continues on. */
  private continuation: (() => void) | null = null;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    private readonly headerText: string,
  ) {
    this.page = this.addPage();
  }

  private addPage(): PDFPage {
    const page = this.pdf.addPage([A4.width, A4.height]);
    page.drawRectangle({ x: 0, y: A4.height - 10, width: A4.width, height: 10, color: ACCENT });
    drawLine(page, this.headerText, { x: MARGIN, y: HEADER_Y, size: 9.5, font: this.fonts.semibold, color: ACCENT });
    return page;
  }

  newPage() {
    this.page = this.addPage();
    this.y = CONTENT_TOP;
    this.continuation?.();
  }

  /** Starts a new page unless lines of `height` points (from this baseline down) fit above the footer. */
  ensure(height: number) {
    if (this.y - height < CONTENT_BOTTOM) this.newPage();
  }

  space(points: number) {
    this.y -= points;
  }

  draw(lines: Line[], { keepTogether = true } = {}) {
    const height = lines.slice(0, -1).reduce((sum, line) => sum + line.advance, 0);
    if (keepTogether && height <= CONTENT_TOP - CONTENT_BOTTOM - 40) this.ensure(height);
    for (const line of lines) {
      if (this.y < CONTENT_BOTTOM) this.newPage();
      for (const segment of line.segments) {
        drawLine(this.page, segment.text, { x: segment.x, y: this.y, size: segment.size, font: segment.font, color: segment.color });
      }
      this.y -= line.advance;
    }
  }

  paragraph(text: string, { font = this.fonts.regular, size = 10.5, color = INK, indent = 0, after = 4 } = {}) {
    this.draw(rowLines([{ text, x: MARGIN + indent, width: WIDTH - indent, font, size, color }]), { keepTogether: false });
    this.y -= after;
  }

  /** `keepWith`: the height of what must follow the heading on the same page (at least a few lines). */
  heading(title: string, keepWith = 0) {
    // Never a heading alone at the foot of a page.
    this.ensure(Math.max(70, Math.min(keepWith, 250) + 30));
    this.y -= 8;
    this.draw(rowLines([{ text: title, x: MARGIN, width: WIDTH, font: this.fonts.bold, size: 13, color: ACCENT }]));
    this.y -= 4;
  }

  /** Label and value in two columns, and an optional note under the value. */
  row(label: string, value: string, note?: string) {
    const { regular, semibold } = this.fonts;
    const lines = rowLines([
      { text: label, x: MARGIN, width: LABEL_WIDTH - GUTTER, font: regular, size: 10.5, color: MUTED },
      { text: value, x: MARGIN + LABEL_WIDTH, width: WIDTH - LABEL_WIDTH, font: semibold, size: 10.5 },
    ]);
    if (note)
      lines.push(...rowLines([{ text: note, x: MARGIN + LABEL_WIDTH, width: WIDTH - LABEL_WIDTH, font: regular, size: 9, color: MUTED }]));
    this.draw(lines);
    this.y -= 4;
  }

  bullets(items: string[], { size = 10.5, indent = 0 } = {}) {
    for (const item of items) {
      const lines = rowLines([
        { text: "•", x: MARGIN + indent + 2, width: 10, font: this.fonts.regular, size, color: ACCENT },
        { text: item, x: MARGIN + indent + 14, width: WIDTH - indent - 14, font: this.fonts.regular, size },
      ]);
      this.draw(lines);
      this.y -= 2;
    }
  }

  /**
   * A table: its header row, then each row kept on one page; the header is drawn again at the top
   * of every page the table continues on.
   */
  table(columns: Array<{ title: string; width: number }>, rows: string[][], { total }: { total?: string[] } = {}) {
    const { regular, semibold } = this.fonts;
    const xs = columns.map((_, index) => MARGIN + columns.slice(0, index).reduce((sum, column) => sum + column.width + GUTTER, 0));
    const cells = (values: string[], font: PDFFont, color: Color = INK) =>
      values.map((text, index) => ({ text, x: xs[index]!, width: columns[index]!.width, font, size: 9.5, color }));
    const header = () => {
      this.draw(
        rowLines(
          cells(
            columns.map((column) => column.title),
            semibold,
            MUTED,
          ),
        ),
      );
      this.rule(this.y + 8);
      this.y -= 3;
    };
    // The header and a first row together, never the header alone.
    this.ensure(50);
    header();
    this.continuation = header;
    for (const values of rows) {
      this.draw(rowLines(cells(values, regular)));
      this.y -= 3;
    }
    this.continuation = null;
    if (total) {
      this.rule(this.y + 9);
      this.y -= 3;
      this.draw(rowLines(cells(total, semibold)));
    }
    this.y -= 4;
  }

  rule(y: number) {
    this.page.drawLine({ start: { x: MARGIN, y }, end: { x: A4.width - MARGIN, y }, thickness: 0.6, color: RULE });
  }

  /** Page numbers exist once every page does: the footer is drawn last, on each page. */
  finish(title: string, learnerName: string, code: string) {
    const pages = this.pdf.getPages();
    const { regular, semibold } = this.fonts;
    const size = 8;
    const right = `Code de vérification ${code}`;
    const rightWidth = semibold.widthOfTextAtSize(printable(right).text, size);
    pages.forEach((page, index) => {
      const pageNumber = `page ${index + 1}/${pages.length}`;
      const left = fitFooter(title, learnerName, pageNumber, regular, size, WIDTH - rightWidth - 16);
      page.drawLine({
        start: { x: MARGIN, y: FOOTER_RULE_Y },
        end: { x: A4.width - MARGIN, y: FOOTER_RULE_Y },
        thickness: 0.6,
        color: RULE,
      });
      drawLine(page, left, { x: MARGIN, y: FOOTER_Y, size, font: regular, color: MUTED });
      drawLine(page, right, { x: A4.width - MARGIN - rightWidth, y: FOOTER_Y, size, font: semibold, color: MUTED });
    });
  }
}

/** « Relevé d'activité — Hélène Lefèvre-Çelik — page 2/5 », the name shortened with « … » when it would run into the code. */
function fitFooter(title: string, learnerName: string, pageNumber: string, font: PDFFont, size: number, width: number): string {
  const text = (name: string) => `${title} — ${name} — ${pageNumber}`;
  const fits = (name: string) => font.widthOfTextAtSize(printable(text(name)).text, size) <= width;
  if (fits(learnerName)) return text(learnerName);
  const characters = [...learnerName];
  let length = characters.length;
  while (length > 1 && !fits(`${characters.slice(0, length).join("")}…`)) length -= 1;
  return text(`${characters.slice(0, length).join("")}…`);
}

// ── What every document prints ───────────────────────────────────────────────────────────────

/** « 123 456 789 00012 » (SIREN, then the establishment's NIC), as the INSEE writes it. */
function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

/** Required by Code du travail art. L6352-12 wherever the numéro de déclaration d'activité is printed. */
export const NDA_MENTION = "Cet enregistrement ne vaut pas agrément de l'État.";

function organisationBlock(sheet: Sheet, organisation: OrganisationFacts, heading: string) {
  sheet.heading(heading);
  sheet.row("Raison sociale", organisation.legalName);
  if (organisation.address) sheet.row("Adresse", organisation.address);
  if (organisation.siret) sheet.row("SIRET", formatSiret(organisation.siret));
  if (organisation.activityDeclarationNumber)
    sheet.row("N° de déclaration d'activité", organisation.activityDeclarationNumber, NDA_MENTION);
  if (organisation.qualiopiReference) sheet.row("Certification Qualiopi", organisation.qualiopiReference);
  if (organisation.electedTrainingApproval) sheet.row("Agrément formation des élus", organisation.electedTrainingApproval);
}

const period = (facts: DocumentFacts) => `du ${formatDate(facts.firstActivityAt)} au ${formatDate(facts.completedAt)}`;
const realisedDuration = (facts: DocumentFacts) => `${formatDuration(facts.activeSeconds)} (temps d'activité enregistré)`;

function title(sheet: Sheet, text: string, lead: string) {
  sheet.draw(rowLines([{ text, x: MARGIN, width: WIDTH, font: sheet.fonts.bold, size: 26 }]));
  sheet.space(4);
  sheet.paragraph(lead, { size: 11.5, color: MUTED, after: 6 });
}

function verificationBlock(sheet: Sheet, input: DocumentForPdf) {
  const { regular, semibold, bold } = sheet.fonts;
  const attachments = documentAttachments(input.kind);
  const left = WIDTH - QR_SIZE - 20;
  const signatureNote =
    // The key is the platform's, not the organisation's: the sentence says who issues and who signs.
    `Document délivré pour ${input.organisation.legalName}, signé électroniquement par la plateforme Apprendre à faire alliance (Ed25519, clé ${input.keyId}) le ` +
    `${formatDate(input.issuedAt)}. Les données signées sont jointes à ce PDF (${attachments.payload}, ${attachments.signature})\u202F; ` +
    `la clé publique est publiée sur ${input.publicKeyUrl}.`;
  const lines: Line[] = [
    ...rowLines([{ text: "Code de vérification", x: MARGIN, width: left, font: semibold, size: 11, color: MUTED }]),
    ...rowLines([{ text: formatCode(input.code), x: MARGIN, width: left, font: bold, size: 15 }]),
    ...rowLines([{ text: `Vérifiez ce document sur ${input.verificationUrl}`, x: MARGIN, width: left, font: regular, size: 10 }]),
    ...rowLines([{ text: signatureNote, x: MARGIN, width: left, font: regular, size: 8.5, color: MUTED }]),
  ];
  // The rule and the space under it (32), then the QR code (its top 12 above the first baseline) or the text, whichever is taller.
  sheet.ensure(
    32 +
      Math.max(
        QR_SIZE - 12,
        lines.reduce((sum, line) => sum + line.advance, 0),
      ),
  );
  sheet.space(10);
  sheet.rule(sheet.y);
  sheet.space(22);
  drawQrCode(sheet.page, input.verificationUrl, A4.width - MARGIN - QR_SIZE, sheet.y + 12 - QR_SIZE, QR_SIZE);
  sheet.draw(lines);
}

// ── Attestation de fin de formation ──────────────────────────────────────────────────────────

const NOT_GIVEN = "non renseigné";

/** Entry and exit levels per objective, matched by wording; an objective rated under an older wording keeps its row. */
function placementRows(objectives: string[], entry: PlacementFacts | null, exit: PlacementFacts | null): string[][] {
  const listed = [...objectives];
  for (const rated of [...(entry?.objectives ?? []), ...(exit?.objectives ?? [])]) {
    if (!listed.includes(rated.objective)) listed.push(rated.objective);
  }
  const level = (placement: PlacementFacts | null, objective: string) => {
    const rated = placement?.objectives.find((item) => item.objective === objective);
    return rated ? `${rated.level} — ${rated.label}` : NOT_GIVEN;
  };
  return listed.map((objective) => [objective, level(entry, objective), level(exit, objective)]);
}

function attestation(sheet: Sheet, facts: AttestationFacts) {
  const { legalName } = facts.organisation;
  title(
    sheet,
    DOCUMENT_TITLES[facts.kind],
    `${legalName} atteste que ${facts.learnerName} a suivi l'action de formation décrite ci-dessous, ${period(facts)}, ` +
      "et en donne les résultats.",
  );
  organisationBlock(sheet, facts.organisation, "Organisme de formation");
  sheet.heading("Bénéficiaire");
  sheet.row("Nom", facts.learnerName);

  sheet.heading("Action de formation");
  sheet.row("Intitulé", facts.path.title);
  sheet.row("Nature de l'action", ACTION_NATURE);
  sheet.row("Modalité", ACTION_MODALITY);
  sheet.row("Dates", period(facts));
  sheet.row("Durée réalisée", realisedDuration(facts));
  sheet.paragraph("Objectifs", { font: sheet.fonts.semibold, size: 10.5, color: MUTED, after: 3 });
  sheet.bullets(facts.path.objectives);

  sheet.heading("Résultats");
  const final = facts.finalAssessment;
  sheet.row("Évaluation finale", final.title);
  sheet.row("Score obtenu", formatPercent(final.score));
  sheet.row("Seuil de réussite", formatPercent(final.passMark));
  sheet.row("Tentatives", String(final.attempts));
  const { entry, exit } = facts.placement;
  sheet.space(4);
  sheet.paragraph("Positionnement à l'entrée et auto-évaluation en fin de parcours, par objectif (niveau de 1 à 4)", {
    font: sheet.fonts.semibold,
    color: MUTED,
    after: 4,
  });
  sheet.table(
    [
      { title: "Objectif", width: 223 },
      { title: "À l'entrée", width: 120 },
      { title: "En fin de parcours", width: 120 },
    ],
    placementRows(facts.path.objectives, entry, exit),
  );
  sheet.paragraph(
    `Positionnement d'entrée\u00A0: ${entry ? `le ${formatDate(entry.answeredAt)}` : NOT_GIVEN}. ` +
      `Auto-évaluation de fin de parcours\u00A0: ${exit ? `le ${formatDate(exit.answeredAt)}` : NOT_GIVEN}.`,
    { size: 9, color: MUTED },
  );

  sheet.heading("Certificat");
  sheet.paragraph(
    `Cette attestation accompagne le certificat de formation du parcours, code de vérification ${formatCode(facts.certificateCode)}.`,
  );
}

// ── Certificat de réalisation ────────────────────────────────────────────────────────────────

function realisation(sheet: Sheet, facts: RealisationFacts) {
  const { legalName } = facts.organisation;
  title(
    sheet,
    DOCUMENT_TITLES[facts.kind],
    `${legalName}, dispensateur de l'action, certifie que ${facts.learnerName} a réalisé l'action de formation ci-dessous, ` +
      `${period(facts)}, pour une durée réalisée de ${formatDuration(facts.activeSeconds)}.`,
  );
  organisationBlock(sheet, facts.organisation, "Dispensateur de l'action");
  sheet.heading("Bénéficiaire");
  sheet.row("Nom", facts.learnerName);

  sheet.heading("Action");
  sheet.row("Intitulé de l'action", facts.path.title);
  sheet.row("Nature de l'action", ACTION_NATURE);
  sheet.row("Modalité", ACTION_MODALITY);
  sheet.row("Dates", period(facts));
  sheet.row("Durée réalisée", realisedDuration(facts));

  sheet.heading("Activités réalisées (formation à distance)");
  sheet.paragraph(
    "Pour une formation à distance, la réalisation s'établit par les activités pédagogiques réalisées et le temps estimé pour les réaliser.",
    { size: 9.5, color: MUTED, after: 6 },
  );
  const estimated = facts.activities.reduce((sum, activity) => sum + activity.estimatedMinutes, 0);
  sheet.table(
    [
      { title: "Activité", width: 263 },
      { title: "Durée estimée", width: 80 },
      { title: "Réalisée le", width: 120 },
    ],
    facts.activities.map((activity) => [activity.title, formatMinutes(activity.estimatedMinutes), formatDate(activity.completedAt)]),
    { total: [`Total (${facts.activities.length} activités)`, formatMinutes(estimated), ""] },
  );

  sheet.heading("Méthode");
  sheet.paragraph(DURATION_METHOD, { size: 9.5 });
}

// ── Relevé d'activité ────────────────────────────────────────────────────────────────────────

const hasActivity = (day: DayFacts) =>
  day.activeSeconds > 0 ||
  day.lessonsCompleted.length > 0 ||
  day.assessments.length > 0 ||
  day.simulations.length > 0 ||
  day.placements.length > 0;

/** A day's lines: its date and time, then what was done. */
function dayLines(sheet: Sheet, day: DayFacts): Line[] {
  const { regular, semibold } = sheet.fonts;
  const size = 9.5;
  const lines: Line[] = rowLines([
    { text: formatDate(day.day), x: MARGIN, width: WIDTH - 180, font: semibold, size: 11 },
    {
      text: `Temps d'activité\u00A0: ${formatDuration(day.activeSeconds)}`,
      x: A4.width - MARGIN - 170,
      width: 170,
      font: regular,
      size: 10,
    },
  ]);
  const group = (label: string, items: string[]) => {
    if (items.length === 0) return;
    lines.push(...rowLines([{ text: label, x: MARGIN + 10, width: WIDTH - 10, font: semibold, size, color: MUTED }]));
    for (const item of items) {
      lines.push(
        ...rowLines([
          { text: "•", x: MARGIN + 12, width: 10, font: regular, size, color: ACCENT },
          { text: item, x: MARGIN + 24, width: WIDTH - 24, font: regular, size },
        ]),
      );
    }
  };
  group("Leçons terminées", day.lessonsCompleted);
  group(
    "Évaluations",
    day.assessments.map(
      (item) =>
        `«\u202F${item.title}\u202F», tentative ${item.attempt} à ${formatTime(item.at)}\u00A0: ${formatPercent(item.score)}, ` +
        (item.passed ? "réussie" : "non réussie"),
    ),
  );
  group(
    "Simulations jouées jusqu'à une fin",
    day.simulations.map((item) => `«\u202F${item.title}\u202F» à ${formatTime(item.at)}`),
  );
  group(
    "Positionnements",
    day.placements.map((item) => `${item.label} à ${formatTime(item.at)}`),
  );
  return lines;
}

function drawDay(sheet: Sheet, lines: Line[]) {
  sheet.space(2);
  sheet.draw(lines);
  sheet.rule(sheet.y + 6);
  sheet.space(6);
}

const linesHeight = (lines: Line[]) => lines.reduce((sum, line) => sum + line.advance, 0);

function questionDelay(delayHours: number | null): string {
  return delayHours === null ? "—" : formatElapsed(delayHours * 3_600_000);
}

function statement(sheet: Sheet, facts: StatementFacts) {
  const active = facts.days.filter(hasActivity);
  const totalSeconds = facts.days.reduce((sum, day) => sum + day.activeSeconds, 0);
  title(
    sheet,
    DOCUMENT_TITLES[facts.kind],
    "L'activité en ligne que la plateforme a enregistrée, jour par jour, pour cette formation à distance\u00A0: temps d'activité, " +
      "leçons terminées, évaluations, simulations, positionnements, questions aux tuteurs. Ce relevé rend compte d'une activité " +
      "enregistrée\u00A0; ce n'est pas une feuille d'émargement.",
  );
  organisationBlock(sheet, facts.organisation, "Organisme de formation");
  sheet.heading("Bénéficiaire et action");
  sheet.row("Bénéficiaire", facts.learnerName);
  sheet.row("Intitulé de l'action", facts.path.title);
  sheet.row("Modalité", ACTION_MODALITY);
  sheet.row("Période", period(facts));

  sheet.heading("Totaux");
  sheet.row("Jours avec activité", String(active.length));
  sheet.row("Temps d'activité total", `${formatDuration(totalSeconds)} (temps d'activité enregistré)`);

  const days = active.map((day) => dayLines(sheet, day));
  // The heading goes with the first day, never alone at the foot of a page.
  sheet.heading("Activité jour par jour", days[0] ? linesHeight(days[0]) : 0);
  if (days.length === 0) sheet.paragraph("Aucune activité enregistrée.");
  for (const lines of days) drawDay(sheet, lines);

  sheet.heading("Questions posées aux tuteurs");
  if (facts.questions.length === 0) sheet.paragraph("Aucune question posée sur ce parcours.");
  else
    sheet.table(
      [
        { title: "Posée le", width: 110 },
        { title: "Leçon", width: 153 },
        { title: "Répondue le", width: 110 },
        { title: "Délai de réponse", width: 80 },
      ],
      facts.questions.map((question) => [
        formatDateTime(question.askedAt),
        question.lessonTitle,
        question.answeredAt ? formatDateTime(question.answeredAt) : "sans réponse",
        questionDelay(question.delayHours),
      ]),
    );

  sheet.heading("Assistance pédagogique et technique");
  const { organisation } = facts;
  sheet.row("Délai de réponse annoncé", organisation.answerDelay ?? NOT_GIVEN);
  sheet.row("Référent pédagogique", organisation.pedagogicalContact ?? NOT_GIVEN);
  if (organisation.disabilityContact) sheet.row("Référent handicap", organisation.disabilityContact);
  sheet.row("Aide", facts.helpUrl);
}

// ── The PDF ──────────────────────────────────────────────────────────────────────────────────

/** Every string of the facts, to cut the fonts to (as the certificate does); « ° » and « … » are the wording's own. */
function drawnCharacters(input: DocumentForPdf): string {
  const strings: string[] = ["°…", input.publicKeyUrl];
  const collect = (value: unknown) => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach(collect);
  };
  const { payload: _payload, signature: _signature, ...facts } = input;
  collect(facts);
  return strings.join("");
}

export async function renderDocumentPdf(input: DocumentForPdf): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const fonts = await embedFonts(pdf, drawnCharacters(input));
  const documentTitle = DOCUMENT_TITLES[input.kind];
  const code = formatCode(input.code);

  pdf.setTitle(`${documentTitle} — ${input.path.title} — ${input.learnerName}`);
  pdf.setAuthor(input.organisation.legalName);
  pdf.setSubject(`${documentTitle} du parcours «\u202F${input.path.title}\u202F», code de vérification ${code}`);
  pdf.setLanguage("fr-FR");
  pdf.setCreator("Apprendre à faire alliance");
  pdf.setProducer("Apprendre à faire alliance (pdf-lib)");
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);

  const sheet = new Sheet(pdf, fonts, `APPRENDRE À FAIRE ALLIANCE · ${documentTitle.toUpperCase()}`);
  if (input.kind === "attestation-fin-formation") attestation(sheet, input);
  else if (input.kind === "certificat-realisation") realisation(sheet, input);
  else statement(sheet, input);
  verificationBlock(sheet, input);
  sheet.finish(documentTitle, input.learnerName, code);

  const attachments = documentAttachments(input.kind);
  await pdf.attach(new TextEncoder().encode(input.payload), attachments.payload, {
    mimeType: "application/json",
    description: `Données du document (${documentTitle}), telles que signées`,
    creationDate: input.issuedAt,
    modificationDate: input.issuedAt,
  });
  await pdf.attach(Buffer.from(input.signature, "base64url"), attachments.signature, {
    mimeType: "application/octet-stream",
    description: `Signature Ed25519 (64 octets) de ${attachments.payload}`,
    creationDate: input.issuedAt,
    modificationDate: input.issuedAt,
  });
  return pdf.save();
}

// ── Offline verification ─────────────────────────────────────────────────────────────────────

/** How `verifySignedPdf` reads each document's signed data, by the name of its attachments. */
export const DOCUMENT_READERS: SignedDataReaders<SignedDocumentView> = Object.fromEntries(
  DOCUMENT_KINDS.map((kind) => [kind, readDocumentPayload]),
);

/** A document PDF checked with the platform's public key: « valide » with its signed data, or « invalide » and why. Never throws. */
export function verifyDocumentPdf(bytes: Uint8Array, publicKey: KeyObject): Promise<SignedPdfVerification<SignedDocumentView>> {
  return verifySignedPdf(bytes, publicKey, DOCUMENT_READERS, "un document");
}
