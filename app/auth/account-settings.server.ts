/**
 * What a learner changes about their own account, and the rights the RGPD gives them: a copy of all
 * their data, and the erasure of their account. Every change that matters for security asks for the
 * current password first.
 */
import { createHash } from "node:crypto";
import type { Db } from "~/db/create-db.server.ts";
import { isRecordNotFoundError, isUniqueConstraintError } from "~/db/errors.ts";
import type { Mailer } from "~/utils/mailer.server.ts";
import { accountRateLimitKeys } from "./auth-rate-limits.server.ts";
import { hashPassword, verifyPassword } from "./password.server.ts";
import { isRole, roleAfterProfileChange, type Profile, type Role } from "./profiles.ts";
import { hashToken, newSecretToken } from "./secret-tokens.server.ts";
import { CERTIFICATE_RETENTION_YEARS, EVIDENCE_RETENTION_YEARS, summariseEvidence, yearsAfter } from "./retained-evidence.ts";

export const EMAIL_CHANGE_LIFETIME_MS = 24 * 60 * 60 * 1000;

async function passwordMatches(db: Db, userId: string, password: string): Promise<boolean> {
  const row = await db.password.findUnique({ where: { userId }, select: { hash: true } });
  return row ? verifyPassword(row.hash, password) : false;
}

export async function changeName(db: Db, userId: string, name: string) {
  await db.user.update({ where: { id: userId }, data: { name } });
}

/** The profile decides which passages lessons open; « Formateur·rice » also opens the trainer's tools. */
export async function changeProfile(db: Db, userId: string, profile: Profile): Promise<{ role: Role }> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const role = roleAfterProfileChange(isRole(user.role) ? user.role : "LEARNER", profile);
  await db.user.update({ where: { id: userId }, data: { profile, role } });
  return { role };
}

type EmailChangeResult = { ok: true } | { ok: false; reason: "mot-de-passe" | "adresse-prise" | "meme-adresse" };

/** Sends a confirmation link to the new address; the address changes only when it is followed. */
export async function requestEmailChange(
  db: Db,
  mailer: Mailer,
  userId: string,
  password: string,
  newEmail: string,
  siteUrl: string,
  now = new Date(),
): Promise<EmailChangeResult> {
  if (!(await passwordMatches(db, userId, password))) return { ok: false, reason: "mot-de-passe" };
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  if (user.email === newEmail) return { ok: false, reason: "meme-adresse" };
  if (await db.user.findUnique({ where: { email: newEmail }, select: { id: true } })) return { ok: false, reason: "adresse-prise" };
  const { token, hash } = newSecretToken();
  await db.emailChangeToken.create({
    data: { userId, newEmail, tokenHash: hash, expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LIFETIME_MS) },
  });
  const link = `${siteUrl.replace(/\/+$/, "")}/compte/confirmer-email?${new URLSearchParams({ jeton: token })}`;
  await mailer.send({
    to: newEmail,
    subject: "Confirmez votre nouvelle adresse — Apprendre à faire alliance",
    text: [
      `Bonjour ${user.name},`,
      "",
      "Pour que cette adresse devienne celle de votre compte «\u202FApprendre à faire alliance\u202F», ouvrez ce lien dans les 24 heures\u00A0:",
      "",
      link,
      "",
      "Si vous n'avez rien demandé, ignorez ce message\u00A0: rien ne change.",
    ].join("\n"),
  });
  return { ok: true };
}

type ConfirmEmailResult = { ok: true; email: string } | { ok: false; reason: "lien" | "adresse-prise" };

export async function confirmEmailChange(db: Db, token: string, now = new Date()): Promise<ConfirmEmailResult> {
  if (!token || token.length > 100) return { ok: false, reason: "lien" };
  const row = await db.emailChangeToken.findFirst({ where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } } });
  if (!row) return { ok: false, reason: "lien" };
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.emailChangeToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
      if (claimed.count !== 1) return { ok: false as const, reason: "lien" as const };
      await tx.user.update({ where: { id: row.userId }, data: { email: row.newEmail } });
      await tx.emailChangeToken.deleteMany({ where: { userId: row.userId, id: { not: row.id } } });
      return { ok: true as const, email: row.newEmail };
    });
  } catch (error) {
    // Someone created an account with this address in the meantime.
    if (isUniqueConstraintError(error)) return { ok: false, reason: "adresse-prise" };
    throw error;
  }
}

/** Changes the password and ends every other session of the account (this one stays open). */
export async function changePassword(
  db: Db,
  userId: string,
  current: string,
  next: string,
  keepSessionId: string | null,
): Promise<boolean> {
  if (!(await passwordMatches(db, userId, current))) return false;
  const hash = await hashPassword(next);
  await db.$transaction([
    db.password.update({ where: { userId }, data: { hash } }),
    db.session.deleteMany({ where: { userId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } }),
  ]);
  return true;
}

/**
 * Everything the platform holds about a person, as they would want to take it away (RGPD art. 20):
 * no password hash, no session ids, no token hashes, no two-factor key (secrets that would let
 * whoever holds the file into the account). tests/integration/privacy-promises.test.ts checks that
 * every relation of User is exported or named there as a secret.
 */
export async function exportAccountData(db: Db, userId: string) {
  const [
    user,
    lessons,
    paths,
    time,
    reflections,
    attempts,
    runs,
    projects,
    certificates,
    memberships,
    cohortsLed,
    commentsWritten,
    pendingEmailChanges,
    twoFactor,
    satisfactionResponses,
    questionsAsked,
    answersWritten,
    placements,
    documents,
    ltiIdentity,
  ] = await Promise.all([
    db.user.findUniqueOrThrow({
      where: { id: userId },
      select: { name: true, email: true, profile: true, role: true, createdAt: true, updatedAt: true },
    }),
    db.lessonProgress.findMany({
      where: { userId },
      select: { lessonId: true, startedAt: true, completedAt: true, activeSeconds: true, lastActiveAt: true },
    }),
    db.pathEnrollment.findMany({ where: { userId }, select: { pathId: true, startedAt: true, lastLessonId: true, lastVisitedAt: true } }),
    db.activeTimeEntry.findMany({
      where: { userId },
      orderBy: { receivedAt: "asc" },
      select: { lessonId: true, pathId: true, receivedAt: true, seconds: true },
    }),
    db.reflectionAnswer.findMany({
      where: { userId },
      select: { reflectionId: true, lessonId: true, answer: true, createdAt: true, updatedAt: true },
    }),
    db.quizAttempt.findMany({
      where: { userId },
      orderBy: [{ quizId: "asc" }, { number: "asc" }],
      select: {
        quizId: true,
        number: true,
        startedAt: true,
        submittedAt: true,
        score: true,
        passed: true,
        answers: { select: { questionId: true, response: true, score: true, correct: true, answeredAt: true } },
      },
    }),
    db.simulationRun.findMany({
      where: { userId },
      select: { scenarioId: true, choices: true, endingId: true, startedAt: true, finishedAt: true, abandonedAt: true },
    }),
    db.finalProject.findMany({
      where: { userId },
      select: {
        projectId: true,
        createdAt: true,
        submittedAt: true,
        answers: { select: { fieldId: true, text: true, updatedAt: true } },
        assessments: { select: { criterionId: true, level: true, justification: true } },
        comments: { select: { body: true, createdAt: true, author: { select: { name: true } } } },
      },
    }),
    db.certificate.findMany({
      where: { userId },
      select: {
        code: true,
        pathTitle: true,
        nominalMinutes: true,
        activeSeconds: true,
        firstActivityAt: true,
        completedAt: true,
        finalScore: true,
        issuedAt: true,
        revokedAt: true,
      },
    }),
    db.cohortMember.findMany({
      where: { userId },
      select: { joinedAt: true, cohort: { select: { name: true, pathId: true, trainer: { select: { name: true } } } } },
    }),
    db.cohort.findMany({
      where: { trainerId: userId },
      select: { name: true, pathId: true, createdAt: true, archivedAt: true, _count: { select: { members: true } } },
    }),
    // Comments a trainer wrote on learners' projects: their own words, though the project is not theirs.
    db.projectComment.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { body: true, createdAt: true, project: { select: { projectId: true } } },
    }),
    db.emailChangeToken.findMany({ where: { userId, usedAt: null }, select: { newEmail: true, createdAt: true, expiresAt: true } }),
    db.twoFactor.findUnique({ where: { userId }, select: { enabledAt: true } }),
    db.satisfactionResponse.findMany({
      where: { userId },
      orderBy: { answeredAt: "asc" },
      select: { pathId: true, objectivesMet: true, clarity: true, usefulness: true, recommend: true, comment: true, answeredAt: true },
    }),
    // Questions asked to a tutor, with their answers (app/questions/).
    db.tutorQuestion.findMany({
      where: { learnerId: userId },
      orderBy: { askedAt: "asc" },
      select: { pathId: true, lessonId: true, body: true, askedAt: true, answer: { select: { body: true, answeredAt: true } } },
    }),
    // Answers a trainer wrote to learners' questions: their own words, though the question is not theirs.
    db.tutorAnswer.findMany({
      where: { authorId: userId },
      orderBy: { answeredAt: "asc" },
      select: { body: true, answeredAt: true, question: { select: { pathId: true, lessonId: true } } },
    }),
    db.placementResponse.findMany({
      where: { userId },
      orderBy: [{ pathId: "asc" }, { moment: "asc" }],
      select: { pathId: true, moment: true, objectives: true, diagnostic: true, answeredAt: true, updatedAt: true },
    }),
    // The documents issued with a certificate (app/attestations/): the signed text is theirs to keep.
    db.trainingDocument.findMany({
      where: { userId },
      orderBy: { issuedAt: "asc" },
      select: { kind: true, code: true, pathTitle: true, issuedAt: true, payload: true },
    }),
    // Who the person is on a university's platform, when they come from it (app/lti/).
    db.ltiIdentity.findUnique({
      where: { userId },
      select: { subject: true, createdAt: true, platform: { select: { name: true, issuer: true } } },
    }),
  ]);
  return {
    format: "apprendre-a-faire-alliance/export/1",
    exportedAt: new Date().toISOString(),
    account: { ...user, twoFactorEnabledAt: twoFactor?.enabledAt ?? null },
    lessonProgress: lessons,
    pathsFollowed: paths,
    activeTime: time,
    reflections,
    quizAttempts: attempts.map((a) => ({ ...a, answers: a.answers.map((x) => ({ ...x, response: JSON.parse(x.response) as unknown })) })),
    simulationRuns: runs.map((r) => ({ ...r, choices: JSON.parse(r.choices) as unknown })),
    finalProjects: projects.map((p) => ({
      ...p,
      comments: p.comments.map((c) => ({ body: c.body, createdAt: c.createdAt, author: c.author.name })),
    })),
    certificates,
    documents,
    lti: ltiIdentity
      ? {
          platform: ltiIdentity.platform.name,
          issuer: ltiIdentity.platform.issuer,
          subject: ltiIdentity.subject,
          since: ltiIdentity.createdAt,
        }
      : null,
    cohorts: memberships.map((m) => ({
      name: m.cohort.name,
      pathId: m.cohort.pathId,
      trainer: m.cohort.trainer.name,
      joinedAt: m.joinedAt,
    })),
    cohortsLed: cohortsLed.map((c) => ({
      name: c.name,
      pathId: c.pathId,
      createdAt: c.createdAt,
      archivedAt: c.archivedAt,
      members: c._count.members,
    })),
    commentsWritten: commentsWritten.map((c) => ({ projectId: c.project.projectId, body: c.body, createdAt: c.createdAt })),
    questionsAsked,
    answersWritten: answersWritten.map((a) => ({ ...a.question, body: a.body, answeredAt: a.answeredAt })),
    pendingEmailChanges,
    // End-of-path questionnaires (app/satisfaction/): scores 1 to 4, as the questions' scales read.
    satisfactionResponses,
    // Positioning at the start of a path and self-assessment at its end (app/placement).
    placements: placements.map((p) => ({
      ...p,
      objectives: JSON.parse(p.objectives) as unknown,
      diagnostic: JSON.parse(p.diagnostic) as unknown,
    })),
  };
}

/**
 * Erases the account and everything attached to it (progress, answers, projects, memberships, the
 * cohorts the person led, sessions, pending links, and the rate-limit counters that name its
 * address), keeping only what /confidentialite says is kept for funders (retained-evidence.ts):
 * - each certificate stays verifiable by its code until 3 years after the end of its training, but
 *   its holder's name is erased, and the signed copy is replaced by its SHA-256 (a PDF the person
 *   kept still verifies offline, and can still be matched to its record);
 * - for each completed training (certificate) less than 6 years old, a RetainedEvidence summary:
 *   time per day, lessons completed, assessment results; no name, e-mail or user id.
 * Copies of e-mails the outbox kept for the account go too, and an admin's id leaves the
 * organisation settings they saved.
 * @returns false when the password is wrong (nothing is erased).
 */
export async function deleteAccount(
  db: Db,
  mailer: Pick<Mailer, "erase">,
  userId: string,
  password: string,
  now = new Date(),
): Promise<boolean> {
  if (!(await passwordMatches(db, userId, password))) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true } });
  // Deleted meanwhile by a concurrent request of the same person (a double submit): done.
  if (!user) return true;
  const [certificates, documents, pendingAddresses, counters] = await Promise.all([
    db.certificate.findMany({
      where: { userId },
      select: {
        id: true,
        payload: true,
        code: true,
        pathId: true,
        pathTitle: true,
        nominalMinutes: true,
        activeSeconds: true,
        firstActivityAt: true,
        completedAt: true,
      },
    }),
    db.trainingDocument.findMany({ where: { userId }, select: { id: true, payload: true, certificateId: true } }),
    db.emailChangeToken.findMany({ where: { userId }, select: { newEmail: true } }),
    accountRateLimitKeys(db, user.email),
  ]);
  const evidence = await Promise.all(
    certificates
      .filter((certificate) => yearsAfter(certificate.completedAt, EVIDENCE_RETENTION_YEARS) > now)
      .map(async (certificate) => {
        const ledger = await db.activeTimeEntry.findMany({
          where: { userId, pathId: certificate.pathId },
          select: { receivedAt: true, seconds: true, lessonId: true },
        });
        const [lessons, attempts, questions] = await Promise.all([
          db.lessonProgress.findMany({
            where: { userId, lessonId: { in: [...new Set(ledger.map((entry) => entry.lessonId))] } },
            select: { lessonId: true, completedAt: true },
          }),
          db.quizAttempt.findMany({
            where: { userId, submittedAt: { not: null } },
            select: { quizId: true, number: true, submittedAt: true, score: true, passed: true },
          }),
          db.tutorQuestion.findMany({
            where: { learnerId: userId, pathId: certificate.pathId },
            select: { askedAt: true, answer: { select: { answeredAt: true } } },
          }),
        ]);
        return {
          certificateCode: certificate.code,
          pathId: certificate.pathId,
          completedAt: certificate.completedAt,
          keepUntil: yearsAfter(certificate.completedAt, EVIDENCE_RETENTION_YEARS),
          summary: JSON.stringify(
            summariseEvidence(
              certificate,
              ledger,
              lessons,
              attempts,
              questions.map((question) => ({ askedAt: question.askedAt, answeredAt: question.answer?.answeredAt ?? null })),
            ),
          ),
        };
      }),
  );
  const certificateKept = (completedAt: Date) => yearsAfter(completedAt, CERTIFICATE_RETENTION_YEARS) > now;
  try {
    await db.$transaction([
      ...certificates.map((certificate) =>
        certificateKept(certificate.completedAt)
          ? db.certificate.update({
              where: { id: certificate.id },
              data: { learnerName: "", payload: `sha256:${createHash("sha256").update(certificate.payload).digest("hex")}` },
            })
          : db.certificate.delete({ where: { id: certificate.id } }),
      ),
      // The documents of a kept certificate are kept like it, anonymised (the others go with their certificate).
      ...documents
        .filter((document) =>
          certificates.some((certificate) => certificate.id === document.certificateId && certificateKept(certificate.completedAt)),
        )
        .map((document) =>
          db.trainingDocument.update({
            where: { id: document.id },
            data: { learnerName: "", payload: `sha256:${createHash("sha256").update(document.payload).digest("hex")}` },
          }),
        ),
      db.retainedEvidence.createMany({ data: evidence }),
      db.organisationSetting.updateMany({ where: { updatedById: userId }, data: { updatedById: null } }),
      db.rateLimit.deleteMany({ where: { key: { in: counters } } }),
      db.user.delete({ where: { id: userId } }),
    ]);
  } catch (error) {
    // A concurrent deletion won: its transaction kept the evidence once, this one rolled back whole.
    if (isRecordNotFoundError(error)) return true;
    throw error;
  }
  try {
    await mailer.erase([user.email, ...pendingAddresses.map((pending) => pending.newEmail)]);
  } catch (error) {
    // The account is gone; the outbox's copies are pruned within a day anyway (pruneExpired).
    console.warn("Copies d'e-mails du compte supprimé non effacées\u00A0:", error);
  }
  return true;
}
