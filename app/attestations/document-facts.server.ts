/**
 * What the documents of a completed path state, read from the learner's record: the certificate
 * (frozen facts: name, path, dates, active time, final score), the organisation's settings, the
 * lessons completed with their estimated minutes, the active-time ledger per day, the assessments,
 * simulations and positionings, and the questions asked to a tutor. Everything is cut at the
 * certificate's issuance, so that the days of the relevé add up to the certificate's « durée réalisée »
 * and a later visit never changes what the documents of that training say.
 */
import { findPath, pathLessons, type Lesson } from "~/courses/catalog.ts";
import { embeddedIds, embeddedScenarioIds } from "~/courses/mdx-usage.ts";
import { getCatalog, getCompiledLesson, getQuiz, getScenario } from "~/content/catalog.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import type { OrganisationSettings, Contact } from "~/organisation/organisation-settings.ts";
import { placementEvidence } from "~/placement/placement.server.ts";
import { LEVELS, type StoredObjective } from "~/placement/placement-schema.ts";
import { questionEvidence } from "~/questions/waiting.ts";
import { parisDay } from "~/utils/format.ts";
import type { CommonFacts, DayFacts, DocumentFacts, DocumentKind, OrganisationFacts, PlacementFacts } from "./document-payload.ts";

/** The certificate row a document is issued from (what issuance reads of it). */
export interface CertificateRecord {
  id: string;
  userId: string | null;
  pathId: string;
  code: string;
  learnerName: string;
  pathTitle: string;
  nominalMinutes: number;
  activeSeconds: number;
  firstActivityAt: Date;
  completedAt: Date;
  finalScore: number;
  objectives: string;
  issuedAt: Date;
}

/** « Nom <e-mail> », or whichever is set; null when neither is. */
function contactLine(contact: Contact): string | null {
  if (contact.name && contact.email) return `${contact.name} <${contact.email}>`;
  return contact.name ?? contact.email ?? null;
}

export function organisationFacts(settings: OrganisationSettings): OrganisationFacts {
  return {
    // Issuance is refused before this point when the legal name is missing (assertCanIssue).
    legalName: settings.legalName ?? "",
    address: settings.address,
    siret: settings.siret,
    activityDeclarationNumber: settings.activityDeclarationNumber,
    qualiopiReference: settings.qualiopiReference,
    electedTrainingApproval: settings.electedTrainingApproval,
    pedagogicalContact: contactLine(settings.pedagogicalContact),
    disabilityContact: contactLine(settings.disabilityContact),
    answerDelay: settings.answerDelay,
  };
}

function placementFacts(record: { updatedAt: Date; objectives: StoredObjective[] } | null): PlacementFacts | null {
  if (!record) return null;
  return {
    answeredAt: record.updatedAt,
    objectives: record.objectives.map((item) => ({
      objective: item.objective,
      level: item.level,
      label: LEVELS[item.level - 1] ?? String(item.level),
    })),
  };
}

/** The path's lessons as the catalogue has them now, with the quizzes and scenarios they embed. */
async function pathContent(pathId: string) {
  const catalog = getCatalog();
  const path = findPath(catalog, pathId);
  const lessons: Lesson[] = path ? pathLessons(catalog, path).map(({ lesson }) => lesson) : [];
  const compiled = await Promise.all(lessons.map((lesson) => getCompiledLesson(lesson)));
  return {
    path,
    lessons,
    quizIds: [...new Set(compiled.flatMap((lesson) => embeddedIds(lesson.usage, "Quiz")))],
    scenarioIds: [...new Set(compiled.flatMap((lesson) => embeddedScenarioIds(lesson.usage)))],
  };
}

export interface IssueStamp {
  code: string;
  verificationUrl: string;
  issuedAt: Date;
  keyId: string;
  helpUrl: string;
}

/**
 * The facts of `kind` for the learner of `certificate` (who must still have an account: documents
 * are issued for living accounts only).
 */
export async function loadDocumentFacts(
  db: Db,
  certificate: CertificateRecord & { userId: string },
  kind: DocumentKind,
  settings: OrganisationSettings,
  stamp: IssueStamp,
): Promise<DocumentFacts> {
  const { path, lessons, quizIds, scenarioIds } = await pathContent(certificate.pathId);
  const userId = certificate.userId;
  const until = certificate.issuedAt;
  const common: CommonFacts = {
    code: stamp.code,
    certificateCode: certificate.code,
    learnerName: certificate.learnerName,
    organisation: organisationFacts(settings),
    path: {
      id: certificate.pathId,
      title: certificate.pathTitle,
      objectives: JSON.parse(certificate.objectives) as string[],
      nominalMinutes: certificate.nominalMinutes,
    },
    firstActivityAt: certificate.firstActivityAt,
    completedAt: certificate.completedAt,
    activeSeconds: certificate.activeSeconds,
    verificationUrl: stamp.verificationUrl,
    issuedAt: stamp.issuedAt,
    keyId: stamp.keyId,
  };
  const lessonIds = lessons.map((lesson) => lesson.id);
  const completions = await db.lessonProgress.findMany({
    where: { userId, lessonId: { in: lessonIds }, completedAt: { not: null, lte: until } },
    select: { lessonId: true, completedAt: true },
    orderBy: { completedAt: "asc" },
  });
  const lessonById = new Map(lessons.map((lesson) => [lesson.id, lesson]));

  if (kind === "certificat-realisation") {
    return {
      ...common,
      kind,
      activities: completions.map((row) => {
        const lesson = lessonById.get(row.lessonId);
        return { title: lesson?.title ?? row.lessonId, estimatedMinutes: lesson?.minutes ?? 0, completedAt: row.completedAt! };
      }),
    };
  }

  if (kind === "attestation-fin-formation") {
    const finalId = path?.finalAssessment ?? null;
    const [placements, attempts] = await Promise.all([
      placementEvidence(db, userId, certificate.pathId),
      finalId ? db.quizAttempt.count({ where: { userId, quizId: finalId, submittedAt: { not: null, lte: until } } }) : Promise.resolve(0),
    ]);
    const quiz = finalId ? getQuiz(finalId) : undefined;
    return {
      ...common,
      kind,
      placement: { entry: placementFacts(placements.entry), exit: placementFacts(placements.exit) },
      finalAssessment: {
        title: quiz?.title ?? "Évaluation finale",
        score: certificate.finalScore,
        passMark: quiz?.passMark ?? 0,
        attempts: Math.max(1, attempts),
      },
    };
  }

  const [ledger, attempts, runs, placements, questions] = await Promise.all([
    db.activeTimeEntry.findMany({
      where: { userId, lessonId: { in: lessonIds }, receivedAt: { lte: until } },
      select: { receivedAt: true, seconds: true },
    }),
    db.quizAttempt.findMany({
      where: { userId, quizId: { in: quizIds }, submittedAt: { not: null, lte: until } },
      select: { quizId: true, number: true, submittedAt: true, score: true, passed: true },
    }),
    db.simulationRun.findMany({
      where: { userId, scenarioId: { in: scenarioIds }, finishedAt: { not: null, lte: until } },
      select: { scenarioId: true, finishedAt: true },
    }),
    placementEvidence(db, userId, certificate.pathId),
    db.tutorQuestion.findMany({
      where: { learnerId: userId, pathId: certificate.pathId },
      select: { askedAt: true, lessonId: true, answer: { select: { answeredAt: true } } },
      orderBy: { askedAt: "asc" },
    }),
  ]);

  const days = new Map<string, DayFacts>();
  const dayOf = (when: Date) => {
    const key = parisDay(when);
    let row = days.get(key);
    if (!row) days.set(key, (row = { day: key, activeSeconds: 0, lessonsCompleted: [], assessments: [], simulations: [], placements: [] }));
    return row;
  };
  for (const entry of ledger) dayOf(entry.receivedAt).activeSeconds += entry.seconds;
  for (const row of completions) dayOf(row.completedAt!).lessonsCompleted.push(lessonById.get(row.lessonId)?.title ?? row.lessonId);
  for (const attempt of [...attempts].sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())) {
    dayOf(attempt.submittedAt!).assessments.push({
      title: getQuiz(attempt.quizId)?.title ?? attempt.quizId,
      attempt: attempt.number,
      at: attempt.submittedAt!,
      score: attempt.score ?? 0,
      passed: attempt.passed ?? false,
    });
  }
  for (const run of [...runs].sort((a, b) => a.finishedAt!.getTime() - b.finishedAt!.getTime())) {
    dayOf(run.finishedAt!).simulations.push({ title: getScenario(run.scenarioId)?.title ?? run.scenarioId, at: run.finishedAt! });
  }
  if (placements.entry && placements.entry.answeredAt <= until)
    dayOf(placements.entry.answeredAt).placements.push({ label: "Positionnement d'entrée", at: placements.entry.answeredAt });
  if (placements.exit && placements.exit.answeredAt <= until)
    dayOf(placements.exit.answeredAt).placements.push({ label: "Auto-évaluation de fin de parcours", at: placements.exit.answeredAt });

  // Questions are listed whenever they were asked: the help offered during the training and after it.
  const delays = questionEvidence(questions);
  return {
    ...common,
    kind,
    days: [...days.values()].sort((a, b) => a.day.localeCompare(b.day)),
    questions: questions.map((question, index) => ({
      askedAt: question.askedAt,
      lessonTitle: lessonById.get(question.lessonId)?.title ?? question.lessonId,
      answeredAt: delays[index]!.answeredAt,
      delayHours: delays[index]!.delayHours,
    })),
    helpUrl: stamp.helpUrl,
  };
}
