/**
 * Where a learner stands in their final project, and what the self-assessment says. Pure: the same
 * answers on the project pages, at submission (on the server) and on the trainer's page.
 */
import type { ProjectDefinition } from "./project-schema.ts";

export type Answers = Record<string, string>;
export type Assessment = Record<string, { level: number; justification: string }>;

interface StepStatus {
  stepId: string;
  title: string;
  /** Required fields filled / required fields. */
  filled: number;
  required: number;
  complete: boolean;
}

const filled = (text: string | undefined) => Boolean(text && text.trim().length > 0);

export function stepStatuses(definition: ProjectDefinition, answers: Answers): StepStatus[] {
  return definition.steps.map((step) => {
    const required = step.fields.filter((field) => field.required);
    const done = required.filter((field) => filled(answers[field.id])).length;
    return { stepId: step.id, title: step.title, filled: done, required: required.length, complete: done === required.length };
  });
}

/** The first step not complete, for « resume where I left off »; null when all are. */
export function nextStepToComplete(definition: ProjectDefinition, answers: Answers): string | null {
  return stepStatuses(definition, answers).find((status) => !status.complete)?.stepId ?? null;
}

interface AssessmentSummary {
  /** Criteria with a level and a justification. */
  rated: number;
  criteria: number;
  complete: boolean;
  total: number;
  max: number;
  /** Criteria below the indicative level. */
  weak: string[];
  meetsBar: boolean;
}

export function summarizeAssessment(definition: ProjectDefinition, assessment: Assessment): AssessmentSummary {
  const { criteria, minEach, minTotal } = definition.assessment;
  let total = 0;
  let rated = 0;
  const weak: string[] = [];
  for (const criterion of criteria) {
    const entry = assessment[criterion.id];
    const valid = entry && entry.level >= 1 && entry.level <= 4 && filled(entry.justification);
    if (valid) {
      rated += 1;
      total += entry.level;
    }
    if (!valid || entry.level < minEach) weak.push(criterion.id);
  }
  const complete = rated === criteria.length;
  return {
    rated,
    criteria: criteria.length,
    complete,
    total,
    max: criteria.length * 4,
    weak,
    meetsBar: complete && weak.length === 0 && total >= minTotal,
  };
}

export type SubmitBlocker = { kind: "etape"; stepId: string; title: string } | { kind: "grille"; missing: number };

/** What stands between the project and its submission; empty when it can be submitted. */
export function submitBlockers(definition: ProjectDefinition, answers: Answers, assessment: Assessment): SubmitBlocker[] {
  const blockers: SubmitBlocker[] = stepStatuses(definition, answers)
    .filter((status) => !status.complete)
    .map((status) => ({ kind: "etape" as const, stepId: status.stepId, title: status.title }));
  const summary = summarizeAssessment(definition, assessment);
  if (!summary.complete) blockers.push({ kind: "grille", missing: summary.criteria - summary.rated });
  return blockers;
}
