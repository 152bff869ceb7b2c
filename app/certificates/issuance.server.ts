/**
 * Issuing certificates: when a learner's activity completes a published path, a certificate is
 * created once, with every printed field copied and signed. Safe under concurrent requests: the
 * (learner, path) pair is unique in the database, and the loser of a race returns the winner's row.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import { certificatePayload } from "./certificate-payload.ts";
import { pathEligibility, type Eligibility, type LearnerActivity, type PathRequirements } from "./eligibility.ts";
import { signPayload, type SigningKey } from "./signing.server.ts";
import { CODE_RANDOM_BYTES, codeFromBytes, formatCode } from "./verification-code.ts";

export interface CertifiablePath {
  id: string;
  title: string;
  nominalMinutes: number;
  objectives: string[];
  draft: boolean;
}

export interface IssuanceContext {
  /** Public address of the site: the verification URL printed on the certificate starts with it. */
  siteUrl: string;
  issuer: string;
  key: SigningKey;
  now?: () => Date;
  random?: (size: number) => Uint8Array;
}

export function verificationUrl(siteUrl: string, code: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/verifier/${formatCode(code)}`;
}

async function loadLearnerActivity(db: Db, userId: string, pathId: string, requirements: PathRequirements): Promise<LearnerActivity> {
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
      ? db.finalProject.findUnique({ where: { userId_projectId: { userId, projectId: requirements.finalProjectId } }, select: { createdAt: true, submittedAt: true } })
      : null,
  ]);
  return { lessons, attempts, runs, enrolledAt: enrollment?.startedAt ?? null, project };
}

const CERTIFICATE_SELECT = { id: true, code: true, pathId: true, pathTitle: true, issuedAt: true, revokedAt: true } as const;

async function findCertificate(db: Db, userId: string, pathId: string) {
  return db.certificate.findUnique({ where: { userId_pathId: { userId, pathId } }, select: CERTIFICATE_SELECT });
}

/**
 * Issues the learner's certificate for this path if the path is complete and none exists yet.
 * @returns the certificate (new or existing) and, when there is none, what is still missing.
 */
export async function issueCertificateIfEligible(
  db: Db,
  userId: string,
  path: CertifiablePath,
  requirements: PathRequirements,
  context: IssuanceContext,
): Promise<{ certificate: Awaited<ReturnType<typeof findCertificate>>; eligibility: Eligibility | null }> {
  const existing = await findCertificate(db, userId, path.id);
  if (existing) return { certificate: existing, eligibility: null };
  const activity = await loadLearnerActivity(db, userId, path.id, requirements);
  const eligibility = pathEligibility(requirements, activity);
  // A draft path, or one without a final assessment (refused by the checker once published), certifies nothing.
  if (!eligibility.eligible || path.draft || eligibility.finalScore === null) return { certificate: null, eligibility };

  const learner = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (!learner) return { certificate: null, eligibility };
  const now = context.now?.() ?? new Date();
  const code = codeFromBytes((context.random ?? randomBytes)(CODE_RANDOM_BYTES));
  const facts = {
    code,
    learnerName: learner.name,
    pathId: path.id,
    pathTitle: path.title,
    nominalMinutes: path.nominalMinutes,
    objectives: path.objectives,
    activeSeconds: eligibility.activeSeconds,
    firstActivityAt: eligibility.firstActivityAt,
    completedAt: eligibility.completedAt,
    finalScore: eligibility.finalScore,
    issuer: context.issuer,
    verificationUrl: verificationUrl(context.siteUrl, code),
    issuedAt: now,
    keyId: context.key.keyId,
  };
  const payload = certificatePayload(facts);
  try {
    const created = await db.certificate.create({
      data: {
        userId,
        pathId: path.id,
        code,
        learnerName: facts.learnerName,
        pathTitle: facts.pathTitle,
        nominalMinutes: facts.nominalMinutes,
        activeSeconds: facts.activeSeconds,
        firstActivityAt: facts.firstActivityAt,
        completedAt: facts.completedAt,
        finalScore: facts.finalScore,
        objectives: JSON.stringify(facts.objectives),
        issuer: facts.issuer,
        payload,
        signature: signPayload(context.key, payload),
        keyId: context.key.keyId,
        issuedAt: now,
      },
      select: CERTIFICATE_SELECT,
    });
    return { certificate: created, eligibility };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    // Another request issued it between our check and our insert: theirs is the certificate.
    const winner = await findCertificate(db, userId, path.id);
    if (!winner) throw error;
    return { certificate: winner, eligibility };
  }
}

export function listCertificates(db: Db, userId: string) {
  return db.certificate.findMany({ where: { userId }, select: CERTIFICATE_SELECT, orderBy: { issuedAt: "desc" } });
}

/** A learner's own certificate, in full; null for anyone else's (the page answers 404). */
export async function getOwnCertificate(db: Db, userId: string, certificateId: string) {
  const row = await db.certificate.findFirst({ where: { id: certificateId, userId } });
  return row ? { ...row, objectives: JSON.parse(row.objectives) as string[] } : null;
}
