/**
 * Tutor questions in the database: asking (routed to the cohort's trainer or the référent
 * pédagogique), the learner's list, the tutors' inbox, answering, and the evidence the relevé
 * d'activité draws from them. Every function that reads or answers for a tutor takes the tutor and
 * filters on what they may see (`visibleTo`): a question outside it is indistinguishable from one
 * that does not exist.
 */
import type { Role } from "~/auth/profiles.ts";
import type { Catalog } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { OrganisationSettings } from "~/organisation/organisation-settings.ts";
import type { Mail, Mailer } from "~/utils/mailer.server.ts";
import { answerMail, newQuestionMail } from "./question-mail.ts";
import { questionLesson } from "./question-lessons.ts";
import { cohortForQuestion } from "./routing.ts";
import { questionEvidence, type QuestionEvidence } from "./waiting.ts";

export interface Tutor {
  id: string;
  role: Role;
}

/**
 * « mine »: a trainer's cohorts, plus, for an admin, the référent's questions (no cohort).
 * « all »: every question, for an admin only (a trainer's « all » is their own).
 */
export type InboxScope = "mine" | "all";

export function visibleTo(tutor: Tutor, scope: InboxScope = "mine"): Prisma.TutorQuestionWhereInput {
  if (tutor.role === "ADMIN") return scope === "all" ? {} : { OR: [{ cohortId: null }, { cohort: { trainerId: tutor.id } }] };
  if (tutor.role === "TRAINER") return { cohort: { trainerId: tutor.id } };
  // Nobody else reads an inbox; a filter that matches nothing, should a caller forget to check.
  return { id: { in: [] } };
}

/** A mail that could not leave is not worth losing the question or the answer for: it is said and skipped. */
async function sendQuietly(mailer: Mailer, mail: Mail): Promise<void> {
  try {
    await mailer.send(mail);
  } catch (error) {
    console.warn(`E-mail pour ${mail.to} non envoyé\u00A0: ${String(error)}`);
  }
}

/**
 * Each question e-mails a tutor: 10 an hour per account keeps a script (or a stuck key) from
 * flooding their mailbox, far above what a learner asks. The counter names the account by its id
 * (no address) and lasts its window, an hour, like every counter (pruneExpired).
 */
export const QUESTION_RATE_LIMIT = { limit: 10, windowMs: 60 * 60 * 1000 };

export const questionRateKey = (userId: string) => `questions:compte:${userId}`;

export interface AskInput {
  learner: { id: string; name: string };
  path: { id: string; title: string };
  lesson: { id: string; title: string };
  body: string;
}

/** Who will answer the learner on this path: their cohort's trainer, or the référent pédagogique. */
export async function findAnswerer(db: Db, learnerId: string, pathId: string) {
  const memberships = await db.cohortMember.findMany({
    where: { userId: learnerId, cohort: { pathId } },
    select: {
      joinedAt: true,
      cohort: { select: { id: true, pathId: true, archivedAt: true, name: true, trainer: { select: { name: true, email: true } } } },
    },
  });
  const cohortId = cohortForQuestion(
    memberships.map(({ joinedAt, cohort }) => ({ cohortId: cohort.id, pathId: cohort.pathId, joinedAt, archivedAt: cohort.archivedAt })),
    pathId,
  );
  const cohort = memberships.find((membership) => membership.cohort.id === cohortId)?.cohort ?? null;
  return cohort ? { cohortId: cohort.id, cohortName: cohort.name, trainer: cohort.trainer } : null;
}

/**
 * Stores the question with the delay promised now, then tells whoever answers it: the cohort's
 * trainer, or the référent pédagogique's address when the settings give one (admins see it in their
 * inbox either way).
 */
export async function askQuestion(
  db: Db,
  mailer: Mailer,
  input: AskInput,
  settings: OrganisationSettings,
  siteUrl: string,
  now = new Date(),
): Promise<{ id: string; cohortId: string | null }> {
  const answerer = await findAnswerer(db, input.learner.id, input.path.id);
  const question = await db.tutorQuestion.create({
    data: {
      learnerId: input.learner.id,
      pathId: input.path.id,
      lessonId: input.lesson.id,
      cohortId: answerer?.cohortId ?? null,
      body: input.body,
      answerDelay: settings.answerDelay,
      askedAt: now,
    },
    select: { id: true, cohortId: true },
  });
  const to = answerer ? answerer.trainer.email : settings.pedagogicalContact.email;
  if (to) {
    const mail = newQuestionMail({
      learnerName: input.learner.name,
      lessonTitle: input.lesson.title,
      pathTitle: input.path.title,
      body: input.body,
      answerDelay: settings.answerDelay,
      inboxUrl: `${siteUrl.replace(/\/+$/, "")}/formateur/questions`,
    });
    await sendQuietly(mailer, { to, ...mail });
  }
  return question;
}

const QUESTION_FIELDS = {
  id: true,
  pathId: true,
  lessonId: true,
  body: true,
  answerDelay: true,
  askedAt: true,
  answer: { select: { body: true, answeredAt: true, author: { select: { name: true } } } },
} as const;

/** The learner's own questions, newest first. */
export function listLearnerQuestions(db: Db, learnerId: string) {
  return db.tutorQuestion.findMany({
    where: { learnerId },
    orderBy: { askedAt: "desc" },
    select: { ...QUESTION_FIELDS, cohort: { select: { name: true, trainer: { select: { name: true } } } } },
  });
}

/** How many answered questions the inbox lists below the waiting ones (the latest). */
export const ANSWERED_SHOWN = 100;

/** The tutor's inbox: every waiting question, oldest first (the longest wait on top), then the latest answered. */
export async function listInbox(db: Db, tutor: Tutor, scope: InboxScope = "mine") {
  const where = visibleTo(tutor, scope);
  const select = {
    ...QUESTION_FIELDS,
    learner: { select: { name: true } },
    cohort: { select: { id: true, name: true } },
  } as const;
  const [waiting, answered] = await Promise.all([
    db.tutorQuestion.findMany({ where: { AND: [where, { answer: { is: null } }] }, orderBy: { askedAt: "asc" }, select }),
    db.tutorQuestion.findMany({
      where: { AND: [where, { answer: { isNot: null } }] },
      orderBy: { answer: { answeredAt: "desc" } },
      take: ANSWERED_SHOWN,
      select,
    }),
  ]);
  return { waiting, answered };
}

export type AnswerResult = { status: "repondue" } | { status: "deja-repondue" } | { status: "introuvable" };

/**
 * Stores the answer if the question is one the tutor may see and has none yet, then e-mails it to
 * the learner. Two tutors (or two clicks) at once: the unique question id keeps the first answer,
 * the others learn it was already answered.
 */
export async function answerQuestion(
  db: Db,
  mailer: Mailer,
  input: { tutor: Tutor; questionId: string; body: string; catalog: Catalog },
  siteUrl: string,
  now = new Date(),
): Promise<AnswerResult> {
  const question = await db.tutorQuestion.findFirst({
    where: { AND: [{ id: input.questionId }, visibleTo(input.tutor, "all")] },
    select: {
      id: true,
      pathId: true,
      lessonId: true,
      askedAt: true,
      answer: { select: { id: true } },
      learner: { select: { name: true, email: true } },
    },
  });
  if (!question) return { status: "introuvable" };
  if (question.answer) return { status: "deja-repondue" };
  try {
    await db.tutorAnswer.create({ data: { questionId: question.id, authorId: input.tutor.id, body: input.body, answeredAt: now } });
  } catch (error) {
    if (isUniqueConstraintError(error)) return { status: "deja-repondue" };
    throw error;
  }
  const mail = answerMail({
    learnerName: question.learner.name,
    askedAt: question.askedAt,
    lessonTitle: questionLesson(input.catalog, question.pathId, question.lessonId).lessonTitle,
    answer: input.body,
    questionsUrl: `${siteUrl.replace(/\/+$/, "")}/questions`,
  });
  await sendQuietly(mailer, { to: question.learner.email, ...mail });
  return { status: "repondue" };
}

/** For the relevé d'activité: every question the learner asked on the path, with its delay. */
export async function loadQuestionEvidence(db: Db, learnerId: string, pathId: string): Promise<QuestionEvidence[]> {
  const rows = await db.tutorQuestion.findMany({
    where: { learnerId, pathId },
    select: { askedAt: true, answer: { select: { answeredAt: true } } },
  });
  return questionEvidence(rows);
}
