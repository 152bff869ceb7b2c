/**
 * A learner's final project in the database: created on first visit (pre-filled from the workshop
 * reflections), saved step by step as a draft, assessed, submitted; read and commented by the
 * trainers of the cohorts the learner joined. Every function takes the acting user's id and matches
 * on it.
 */
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import type { Answers, Assessment } from "./project-progress.ts";
import { submitBlockers, type SubmitBlocker } from "./project-progress.ts";
import type { ProjectDefinition } from "./project-schema.ts";

interface ProjectState {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  answers: Answers;
  assessment: Assessment;
  comments: Array<{ id: string; body: string; createdAt: Date; authorName: string }>;
}

const STATE_SELECT = {
  id: true,
  createdAt: true,
  updatedAt: true,
  submittedAt: true,
  answers: { select: { fieldId: true, text: true, updatedAt: true } },
  assessments: { select: { criterionId: true, level: true, justification: true, updatedAt: true } },
  comments: {
    orderBy: { createdAt: "asc" as const },
    select: { id: true, body: true, createdAt: true, author: { select: { name: true } } },
  },
} as const;

type Row = NonNullable<Awaited<ReturnType<typeof findRow>>>;

function findRow(db: Db, userId: string, projectId: string) {
  return db.finalProject.findUnique({ where: { userId_projectId: { userId, projectId } }, select: STATE_SELECT });
}

function toState(row: Row): ProjectState {
  // The project changed when any of its parts did.
  const times = [row.updatedAt, ...row.answers.map((a) => a.updatedAt), ...row.assessments.map((a) => a.updatedAt)];
  return {
    id: row.id,
    createdAt: row.createdAt,
    updatedAt: new Date(Math.max(...times.map((t) => t.getTime()))),
    submittedAt: row.submittedAt,
    answers: Object.fromEntries(row.answers.map((a) => [a.fieldId, a.text])),
    assessment: Object.fromEntries(row.assessments.map((a) => [a.criterionId, { level: a.level, justification: a.justification }])),
    comments: row.comments.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt, authorName: c.author.name })),
  };
}

export async function getProject(db: Db, userId: string, projectId: string): Promise<ProjectState | null> {
  const row = await findRow(db, userId, projectId);
  return row ? toState(row) : null;
}

/** The fields that name a workshop reflection, filled from the learner's answer to it. */
async function prefilledAnswers(db: Db, userId: string, definition: ProjectDefinition): Promise<Array<{ fieldId: string; text: string }>> {
  const sources = definition.steps.flatMap((step) => step.fields).filter((field) => field.prefillFrom);
  const reflections = sources.length
    ? await db.reflectionAnswer.findMany({
        where: { userId, reflectionId: { in: sources.map((field) => field.prefillFrom!) } },
        select: { reflectionId: true, answer: true },
      })
    : [];
  const byReflection = new Map(reflections.map((r) => [r.reflectionId, r.answer]));
  return sources.flatMap((field) => {
    const text = byReflection.get(field.prefillFrom!)?.trim();
    return text ? [{ fieldId: field.id, text }] : [];
  });
}

/** What the pages show, with nothing written: the project, or before the first save its pre-filled draft. */
type ProjectView = Omit<ProjectState, "id" | "createdAt" | "updatedAt"> & {
  id: string | null;
  createdAt: Date | null;
  updatedAt: Date | null;
};

export async function viewProject(db: Db, userId: string, definition: ProjectDefinition): Promise<ProjectView> {
  const existing = await getProject(db, userId, definition.id);
  if (existing) return existing;
  const prefilled = await prefilledAnswers(db, userId, definition);
  return {
    id: null,
    createdAt: null,
    updatedAt: null,
    submittedAt: null,
    answers: Object.fromEntries(prefilled.map((a) => [a.fieldId, a.text])),
    assessment: {},
    comments: [],
  };
}

/**
 * The learner's project, created at the first save with the pre-filled fields (see prefillFrom).
 * Concurrent first saves create one project.
 */
export async function openProject(db: Db, userId: string, definition: ProjectDefinition): Promise<ProjectState> {
  const existing = await getProject(db, userId, definition.id);
  if (existing) return existing;
  const prefilled = await prefilledAnswers(db, userId, definition);
  try {
    await db.finalProject.create({ data: { userId, projectId: definition.id, answers: { create: prefilled } } });
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
  }
  return (await getProject(db, userId, definition.id))!;
}

/** Saves some fields of the learner's project (a draft: empty fields are allowed). */
export async function saveAnswers(db: Db, userId: string, definition: ProjectDefinition, values: Answers): Promise<ProjectState> {
  const project = await openProject(db, userId, definition);
  const known = new Set(definition.steps.flatMap((step) => step.fields.map((field) => field.id)));
  const entries = Object.entries(values).filter(([fieldId]) => known.has(fieldId));
  await db.$transaction(
    entries.map(([fieldId, text]) =>
      db.finalProjectAnswer.upsert({
        where: { projectId_fieldId: { projectId: project.id, fieldId } },
        create: { projectId: project.id, fieldId, text },
        update: { text },
      }),
    ),
  );
  return (await getProject(db, userId, definition.id))!;
}

export async function saveAssessment(db: Db, userId: string, definition: ProjectDefinition, values: Assessment): Promise<ProjectState> {
  const project = await openProject(db, userId, definition);
  const known = new Set(definition.assessment.criteria.map((criterion) => criterion.id));
  const entries = Object.entries(values).filter(([criterionId]) => known.has(criterionId));
  await db.$transaction(
    entries.map(([criterionId, { level, justification }]) =>
      db.finalProjectCriterion.upsert({
        where: { projectId_criterionId: { projectId: project.id, criterionId } },
        create: { projectId: project.id, criterionId, level, justification },
        update: { level, justification },
      }),
    ),
  );
  return (await getProject(db, userId, definition.id))!;
}

type SubmitResult = { ok: true; submittedAt: Date } | { ok: false; blockers: SubmitBlocker[] };

/** Submits the project if every step and every criterion is filled in; idempotent. */
export async function submitProject(db: Db, userId: string, definition: ProjectDefinition, now = new Date()): Promise<SubmitResult> {
  const project = await getProject(db, userId, definition.id);
  if (!project) return { ok: false, blockers: submitBlockers(definition, {}, {}) };
  if (project.submittedAt) return { ok: true, submittedAt: project.submittedAt };
  const blockers = submitBlockers(definition, project.answers, project.assessment);
  if (blockers.length > 0) return { ok: false, blockers };
  await db.finalProject.updateMany({ where: { id: project.id, submittedAt: null }, data: { submittedAt: now } });
  const stored = await db.finalProject.findUniqueOrThrow({ where: { id: project.id }, select: { submittedAt: true } });
  return { ok: true, submittedAt: stored.submittedAt! };
}

/** A cohort member's project as their trainer reads it; null unless the learner is in the trainer's cohort. */
export async function getMemberProject(
  db: Db,
  trainerId: string,
  cohortId: string,
  learnerId: string,
  projectId: string,
): Promise<ProjectState | null> {
  const member = await db.cohortMember.findFirst({ where: { cohortId, userId: learnerId, cohort: { trainerId } }, select: { id: true } });
  if (!member) return null;
  return getProject(db, learnerId, projectId);
}

export const COMMENT_MAX = 4000;

/** @returns false when the learner is not in the trainer's cohort or has no project yet. */
export async function addProjectComment(
  db: Db,
  trainerId: string,
  cohortId: string,
  learnerId: string,
  projectId: string,
  body: string,
): Promise<boolean> {
  const project = await getMemberProject(db, trainerId, cohortId, learnerId, projectId);
  if (!project) return false;
  await db.projectComment.create({ data: { projectId: project.id, authorId: trainerId, cohortId, body } });
  return true;
}
