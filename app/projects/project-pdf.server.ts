/**
 * The project as an A4 PDF the learner can print or hand in: every step and field, then the
 * self-assessment, on as many pages as it takes, with page numbers. Drawn with pdf-lib and the
 * platform's embedded fonts, through app/utils/pdf-fonts.server.ts: an answer keeps its line breaks
 * (an empty line leaves a gap), long lines wrap, characters the font cannot draw become « ? ».
 */
import { PDFDocument, type PDFFont, type PDFPage } from "pdf-lib";
import { formatDate } from "~/utils/format.ts";
import { A4, ACCENT, drawLine, embedFonts, INK, MARGIN, MUTED, wrapText } from "~/utils/pdf-fonts.server.ts";
import type { ProjectDocumentMeta } from "./project-markdown.ts";
import { summarizeAssessment, type Answers, type Assessment } from "./project-progress.ts";
import type { ProjectDefinition } from "./project-schema.ts";

export async function renderProjectPdf(
  definition: ProjectDefinition,
  answers: Answers,
  assessment: Assessment,
  meta: ProjectDocumentMeta,
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const everything = [
    definition.title,
    meta.learnerName,
    meta.pathTitle,
    ...Object.values(answers),
    ...Object.values(assessment).map((a) => a.justification),
    ...definition.steps.flatMap((step) => [step.title, ...step.fields.map((field) => field.label)]),
    ...definition.assessment.criteria.map((criterion) => criterion.title),
    ...definition.assessment.levelNames,
  ];
  const fonts = await embedFonts(pdf, everything.join(""));
  // Document properties are Unicode strings, not drawn: they keep the text as typed.
  pdf.setTitle(`${definition.title} — ${meta.learnerName}`);
  pdf.setAuthor(meta.learnerName);
  pdf.setLanguage("fr-FR");
  pdf.setCreator("Apprendre à faire alliance");

  const width = A4.width - 2 * MARGIN;
  let page: PDFPage = pdf.addPage([A4.width, A4.height]);
  let y = A4.height - MARGIN;
  const newPage = () => {
    page = pdf.addPage([A4.width, A4.height]);
    y = A4.height - MARGIN;
  };
  const ensure = (height: number) => {
    if (y - height < MARGIN + 20) newPage();
  };
  const paragraph = (value: string, font: PDFFont, size: number, color = INK, gapAfter = size * 0.6) => {
    for (const line of wrapText(value, font, size, width)) {
      ensure(size * 1.35);
      // An empty line of an answer is a gap, as in the text the learner typed.
      if (line) drawLine(page, line, { x: MARGIN, y, size, font, color });
      y -= size * 1.35;
    }
    y -= gapAfter;
  };

  paragraph("APPRENDRE À FAIRE ALLIANCE · PROJET FINAL", fonts.semibold, 9, ACCENT, 8);
  paragraph(definition.title, fonts.bold, 22, INK, 6);
  paragraph(`${meta.learnerName} — parcours «\u202F${meta.pathTitle}\u202F»`, fonts.semibold, 13, INK, 4);
  paragraph(
    meta.submittedAt
      ? `Projet remis le ${formatDate(meta.submittedAt)}, dernière modification le ${formatDate(meta.updatedAt)}.`
      : `Brouillon, dernière modification le ${formatDate(meta.updatedAt)}.`,
    fonts.regular,
    10,
    MUTED,
    16,
  );

  definition.steps.forEach((step, index) => {
    ensure(60);
    paragraph(`${index + 1}. ${step.title}`, fonts.bold, 15, ACCENT, 6);
    for (const field of step.fields) {
      ensure(36);
      paragraph(field.label, fonts.semibold, 11, INK, 3);
      const text = answers[field.id]?.trim();
      paragraph(text || "(non renseigné)", fonts.regular, 10.5, text ? INK : MUTED, 10);
    }
  });

  ensure(80);
  paragraph("Auto-évaluation", fonts.bold, 15, ACCENT, 6);
  for (const criterion of definition.assessment.criteria) {
    const entry = assessment[criterion.id];
    ensure(36);
    paragraph(
      `${criterion.title}\u00A0: ${entry ? `${entry.level} / 4 (${definition.assessment.levelNames[entry.level - 1]})` : "non évalué"}`,
      fonts.semibold,
      11,
      INK,
      2,
    );
    if (entry?.justification.trim()) paragraph(entry.justification, fonts.regular, 10.5, INK, 8);
    else y -= 6;
  }
  const summary = summarizeAssessment(definition, assessment);
  paragraph(`Total\u00A0: ${summary.total} / ${summary.max}.`, fonts.semibold, 11, INK, 0);

  const pages = pdf.getPages();
  pages.forEach((p, index) => {
    const label = `${index + 1} / ${pages.length}`;
    drawLine(p, label, {
      x: A4.width - MARGIN - fonts.regular.widthOfTextAtSize(label, 9),
      y: MARGIN / 2,
      size: 9,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return pdf.save();
}
