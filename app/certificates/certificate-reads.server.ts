/**
 * Reading certificates and what they are issued from: a learner's activity on a path, their
 * certificates, one certificate in full. Issuance (issuance.server.ts) writes; nothing here does.
 */
import type { Db } from "~/db/create-db.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";
import type { LearnerActivity, PathRequirements } from "./eligibility.ts";

export async function loadLearnerActivity(
  db: Db,
  userId: string,
  pathId: string,
  requirements: PathRequirements,
): Promise<LearnerActivity> {
  const scenarioIds = [...new Set([...requirements.scenarioIds, ...(requirements.scenarioChoices ?? []).flat()])];
  const [lessons, attempts, runs, enrollment, project] = await Promise.all([
    db.lessonProgress.findMany({
      where: { userId, lessonId: { in: requirements.lessonIds } },
      select: { lessonId: true, startedAt: true, completedAt: true, activeSeconds: true },
    }),
    requirements.finalAssessmentId
      ? db.quizAttempt.findMany({
          where: { userId, quizId: requirements.finalAssessmentId },
          select: { quizId: true, startedAt: true, submittedAt: true, score: true, passed: true },
        })
      : [],
    scenarioIds.length > 0
      ? db.simulationRun.findMany({
          where: { userId, scenarioId: { in: scenarioIds } },
          select: { scenarioId: true, startedAt: true, finishedAt: true },
        })
      : [],
    db.pathEnrollment.findUnique({ where: { userId_pathId: { userId, pathId } }, select: { startedAt: true } }),
    requirements.finalProjectId
      ? db.finalProject.findUnique({
          where: { userId_projectId: { userId, projectId: requirements.finalProjectId } },
          select: { createdAt: true, submittedAt: true },
        })
      : null,
  ]);
  return { lessons, attempts, runs, enrolledAt: enrollment?.startedAt ?? null, project };
}

export const CERTIFICATE_SELECT = { id: true, code: true, pathId: true, pathTitle: true, issuedAt: true, revokedAt: true } as const;

export async function findCertificate(db: Db, userId: string, pathId: string) {
  return db.certificate.findUnique({ where: { userId_pathId: { userId, pathId } }, select: CERTIFICATE_SELECT });
}

export function listCertificates(db: Db, userId: string) {
  return db.certificate.findMany({ where: { userId }, select: CERTIFICATE_SELECT, orderBy: { issuedAt: "desc" } });
}

/** A learner's own certificate, in full; null for anyone else's (the page answers 404). */
export async function getOwnCertificate(db: Db, userId: string, certificateId: string) {
  const row = await db.certificate.findFirst({ where: { id: certificateId, userId } });
  return row ? { ...row, objectives: JSON.parse(row.objectives) as string[] } : null;
}

/** The learner's own certificate, or a 404 that does not say whether someone else holds this id. */
export async function requireOwnCertificate(db: Db, userId: string, certificateId: string | undefined) {
  const certificate = certificateId ? await getOwnCertificate(db, userId, certificateId) : null;
  invariantResponse(certificate, "Ce certificat n'existe pas, ou n'est pas le vôtre.");
  return certificate;
}
