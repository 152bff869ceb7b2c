/**
 * The project as a Markdown document the learner keeps (to paste in a report, share, print). Pure.
 * Learners' text is theirs: it is copied as written, not escaped, since it is their own document.
 */
import type { Answers, Assessment } from "./project-progress.ts";
import { formatDate } from "~/utils/format.ts";
import { summarizeAssessment } from "./project-progress.ts";
import type { ProjectDefinition } from "./project-schema.ts";

export interface ProjectDocumentMeta {
  learnerName: string;
  pathTitle: string;
  updatedAt: Date;
  submittedAt: Date | null;
}

export function projectMarkdown(
  definition: ProjectDefinition,
  answers: Answers,
  assessment: Assessment,
  meta: ProjectDocumentMeta,
): string {
  const lines: string[] = [
    `# ${definition.title}`,
    "",
    `${meta.learnerName} — parcours «\u202F${meta.pathTitle}\u202F»`,
    "",
    meta.submittedAt
      ? `Projet remis le ${formatDate(meta.submittedAt)}\u202F; dernière modification le ${formatDate(meta.updatedAt)}.`
      : `Brouillon, dernière modification le ${formatDate(meta.updatedAt)}.`,
    "",
  ];
  definition.steps.forEach((step, index) => {
    lines.push(`## ${index + 1}. ${step.title}`, "");
    for (const field of step.fields) {
      lines.push(`### ${field.label}`, "", answers[field.id]?.trim() || "_(non renseigné)_", "");
    }
  });
  const summary = summarizeAssessment(definition, assessment);
  lines.push("## Auto-évaluation", "", `| Critère | Niveau | Justification |`, `| --- | --- | --- |`);
  for (const criterion of definition.assessment.criteria) {
    const entry = assessment[criterion.id];
    const level = entry ? `${entry.level} — ${definition.assessment.levelNames[entry.level - 1]}` : "—";
    const justification = (entry?.justification ?? "").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
    lines.push(`| ${criterion.title} | ${level} | ${justification || "—"} |`);
  }
  lines.push("", `Total\u00A0: ${summary.total} / ${summary.max}.`, "");
  return `${lines.join("\n")}\n`;
}
