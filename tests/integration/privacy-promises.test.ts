/**
 * Every promise of /confidentialite (app/routes/confidentialite.tsx), on both databases, one test
 * per promise, named after the page's words. Promises proven elsewhere are listed at the end of
 * this file with the test that proves them.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import {
  confirmEmailChange,
  deleteAccount,
  EMAIL_CHANGE_LIFETIME_MS,
  exportAccountData,
  requestEmailChange,
} from "~/auth/account-settings.server.ts";
import { createAccount } from "~/auth/accounts.server.ts";
import { AUTH_LIMITS } from "~/auth/auth-rate-limits.server.ts";
import { createLucia } from "~/auth/lucia.server.ts";
import { RESET_LIFETIME_MS } from "~/auth/password-reset.server.ts";
import { attemptSignIn } from "~/auth/sign-in-attempts.server.ts";
import { CHALLENGE_LIFETIME_MS, createSignInChallenge, disableTwoFactor } from "~/auth/two-factor.server.ts";
import { challengeCookie } from "~/auth/two-factor-cookie.server.ts";
import { VERIFY_RATE_LIMIT } from "~/certificates/verification.server.ts";
import { verifyCode } from "~/certificates/verification.server.ts";
import { certificatePayload } from "~/certificates/certificate-payload.ts";
import { codeFromBytes } from "~/utils/verification-code.ts";
import { generateSigningKeyPem, signingKeyFromPem, signPayload } from "~/certificates/signing.server.ts";
import { createCohort, JOIN_RATE_LIMIT, joinCohort } from "~/cohorts/cohorts.server.ts";
import { loadCohortRows } from "~/cohorts/dashboard.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { pruneExpired } from "~/auth/prune-expired.server.ts";
import { getMemberProject, saveAnswers } from "~/projects/project.server.ts";
import type { ProjectDefinition } from "~/projects/project-schema.ts";
import { createMailer, readOutbox, type Mailer } from "~/utils/mailer.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";
import { CERTIFICATE_RETENTION_YEARS, EVIDENCE_RETENTION_YEARS, yearsAfter } from "~/auth/retained-evidence.ts";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const PASSWORD = "mot de passe solide";
const key = signingKeyFromPem(generateSigningKeyPem());
const outboxDirs: string[] = [];
afterAll(() => outboxDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
/** A real outbox of its own (files on disk): the mailer's outside edge, as with no SMTP server. */
function newOutbox(): Mailer & { dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "aafa-confidentialite-"));
  outboxDirs.push(dir);
  const mailer = createMailer({
    SMTP_HOST: undefined,
    SMTP_PORT: 0,
    SMTP_SECURE: false,
    SMTP_USER: undefined,
    SMTP_PASSWORD: undefined,
    MAIL_FROM: "x <x@exemple.fr>",
    OUTBOX_DIR: dir,
  });
  return Object.assign(mailer, { dir });
}

let counter = 0;
async function person(db: Db, profile: "STUDENT" | "TRAINER" = "STUDENT", emailPrefix = "confidentialite") {
  counter += 1;
  const email = `${emailPrefix}.${counter}.${Date.now()}@exemple.fr`;
  const created = await createAccount(db, { name: `Personne ${counter}`, email, profile, password: PASSWORD });
  if (!created.ok) throw new Error("création impossible");
  return { userId: created.userId, email };
}

/** The relations of User in the schema: every kind of data the platform attaches to a person. */
function userRelations(): string[] {
  const schema = readFileSync(path.resolve("prisma/schema.prisma"), "utf8");
  const models = new Set([...schema.matchAll(/^model (\w+) \{/gm)].map((m) => m[1]!));
  const body = /^model User \{([\s\S]*?)^\}/m.exec(schema)![1]!;
  return [...body.matchAll(/^\s+(\w+)\s+(\w+)(\[\]|\?)?\s*$/gm)]
    .filter((m) => models.has(m[2]!))
    .map((m) => m[1]!)
    .sort();
}

async function certify(db: Db, userId: string, learnerName: string) {
  const code = codeFromBytes(randomBytes(18));
  const facts = {
    code,
    learnerName,
    pathId: `parcours-${counter}`,
    pathTitle: "Parcours de test",
    nominalMinutes: 60,
    objectives: ["Tester."],
    activeSeconds: 3600,
    firstActivityAt: new Date("2027-01-04T09:00:00Z"),
    completedAt: new Date("2027-01-05T09:00:00Z"),
    finalScore: 80,
    issuer: "Apprendre à faire alliance",
    verificationUrl: `https://exemple.fr/verifier/${code}`,
    issuedAt: new Date("2027-01-05T09:01:00Z"),
    keyId: key.keyId,
  };
  const payload = certificatePayload(facts);
  const { verificationUrl: _url, ...stored } = facts;
  return db.certificate.create({
    data: { ...stored, userId, objectives: JSON.stringify(facts.objectives), payload, signature: signPayload(key, payload) },
  });
}

/**
 * A document issued with `certificate` (app/attestations/), as issuance stores it: the learner's name
 * in its row and in its signed payload.
 */
async function issueDocument(
  db: Db,
  certificate: { id: string; userId: string | null; pathId: string; pathTitle: string },
  learnerName: string,
) {
  const payload = JSON.stringify({ document: "Relevé d'activité", beneficiaire: learnerName, action: { intitule: certificate.pathTitle } });
  return db.trainingDocument.create({
    data: {
      certificateId: certificate.id,
      kind: "releve-activite",
      code: codeFromBytes(randomBytes(18)),
      userId: certificate.userId,
      pathId: certificate.pathId,
      learnerName,
      pathTitle: certificate.pathTitle,
      organisationName: "Organisme de formation",
      activeSeconds: 3600,
      periodStart: new Date("2027-01-04T09:00:00Z"),
      periodEnd: new Date("2027-01-05T09:00:00Z"),
      payload,
      signature: signPayload(key, payload),
      keyId: key.keyId,
    },
  });
}

/**
 * A person with data of every kind User has (each relation of the schema), as a learner in one
 * trainer's cohort and as the trainer of a cohort of their own. Returns the count of rows per
 * relation, so that a test can check them all.
 */
async function personWithEverything(db: Db) {
  // "_" in the address: a LIKE wildcard, which must not erase a look-alike's counters.
  const me = await person(db, "TRAINER", "confidentialite_");
  const { userId } = me;
  const trainer = await person(db, "TRAINER");
  const learner = await person(db);
  const theirs = await createCohort(db, trainer.userId, { name: "Cohorte d'un autre", pathId: "parcours-test" });
  await joinCohort(db, userId, theirs.joinCode);
  const mine = await createCohort(db, userId, { name: "Ma cohorte", pathId: "parcours-test" });
  await joinCohort(db, learner.userId, mine.joinCode);
  const learnerProject = await db.finalProject.create({ data: { userId: learner.userId, projectId: "projet-12h" } });
  await db.projectComment.create({
    data: { projectId: learnerProject.id, authorId: userId, cohortId: mine.id, body: "Mon commentaire de formatrice." },
  });
  const project = await db.finalProject.create({
    data: {
      userId,
      projectId: "projet-12h",
      answers: { create: { fieldId: "defi", text: "Texte du projet." } },
      assessments: { create: { criterionId: "c1", level: 3, justification: "Parce que." } },
    },
  });
  await db.projectComment.create({
    data: { projectId: project.id, authorId: trainer.userId, cohortId: theirs.id, body: "Commentaire reçu." },
  });
  await db.session.create({ data: { id: `session-${userId}`, userId, expiresAt: new Date(Date.now() + DAY) } });
  await db.lessonProgress.create({ data: { userId, lessonId: "l1", completedAt: new Date(), activeSeconds: 45 } });
  await db.pathEnrollment.create({ data: { userId, pathId: "parcours-test", lastLessonId: "l1" } });
  await db.activeTimeEntry.create({ data: { userId, lessonId: "l1", pathId: "parcours-test", seconds: 15 } });
  await db.activeTimeClock.create({ data: { userId, lastBeatAt: new Date() } });
  await db.reflectionAnswer.create({ data: { userId, reflectionId: "r1", lessonId: "l1", answer: "Ma réflexion." } });
  await db.quizAttempt.create({
    data: {
      userId,
      quizId: "q",
      number: 1,
      layout: "[]",
      answers: { create: { questionId: "q1", response: '{"value":true}', score: 1, correct: true } },
    },
  });
  await db.simulationRun.create({ data: { userId, scenarioId: "s0", choices: '[{"sceneId":"p1","choiceId":"a"}]' } });
  const certificate = await certify(db, userId, "Personne Certifiée");
  const document = await issueDocument(db, certificate, "Personne Certifiée");
  await db.passwordResetToken.create({
    data: { userId, tokenHash: `reset-${userId}`, expiresAt: new Date(Date.now() + RESET_LIFETIME_MS) },
  });
  const pendingEmail = `nouvelle.${userId}@exemple.fr`;
  await db.emailChangeToken.create({
    data: { userId, newEmail: pendingEmail, tokenHash: `email-${userId}`, expiresAt: new Date(Date.now() + EMAIL_CHANGE_LIFETIME_MS) },
  });
  await db.twoFactor.create({ data: { userId, secret: "A".repeat(32), enabledAt: new Date() } });
  await createSignInChallenge(db, userId, "/tableau-de-bord");
  await db.satisfactionResponse.create({
    data: {
      userId,
      pathId: "parcours-test",
      profile: "STUDENT",
      objectivesMet: 4,
      clarity: 3,
      usefulness: 3,
      recommend: 4,
      comment: "Clair.",
    },
  });
  // A question they asked (answered by the other trainer) and an answer they wrote to their learner.
  const asked = await db.tutorQuestion.create({
    data: { learnerId: userId, pathId: "parcours-test", lessonId: "l1", cohortId: theirs.id, body: "Ma question." },
  });
  await db.tutorAnswer.create({ data: { questionId: asked.id, authorId: trainer.userId, body: "Réponse reçue." } });
  const received = await db.tutorQuestion.create({
    data: { learnerId: learner.userId, pathId: "parcours-test", lessonId: "l1", cohortId: mine.id, body: "Question reçue." },
  });
  await db.tutorAnswer.create({ data: { questionId: received.id, authorId: userId, body: "Ma réponse de formatrice." } });
  await db.placementResponse.create({
    data: { userId, pathId: "parcours-test", moment: "ENTRY", objectives: JSON.stringify([{ objective: "Tester.", level: 2 }]) },
  });
  // The person also launches from a university's Moodle (LTI): who they are there.
  const platform = await db.ltiPlatform.create({
    data: {
      name: "Moodle",
      issuer: `https://moodle-${userId}.exemple.fr`,
      clientId: "outil",
      authLoginUrl: "https://moodle.exemple.fr/auth",
      authTokenUrl: "https://moodle.exemple.fr/token",
      jwksUrl: "https://moodle.exemple.fr/certs",
    },
  });
  await db.ltiIdentity.create({ data: { platformId: platform.id, subject: "42", userId } });

  // How many rows each relation of User holds for this person.
  const rows: Record<string, () => Promise<number>> = {
    password: () => db.password.count({ where: { userId } }),
    sessions: () => db.session.count({ where: { userId } }),
    lessonProgress: () => db.lessonProgress.count({ where: { userId } }),
    pathEnrollments: () => db.pathEnrollment.count({ where: { userId } }),
    activeTimeEntries: () => db.activeTimeEntry.count({ where: { userId } }),
    activeTimeClock: () => db.activeTimeClock.count({ where: { userId } }),
    reflections: () => db.reflectionAnswer.count({ where: { userId } }),
    quizAttempts: () => db.quizAttempt.count({ where: { userId } }),
    simulationRuns: () => db.simulationRun.count({ where: { userId } }),
    certificates: () => db.certificate.count({ where: { userId } }),
    cohortsLed: () => db.cohort.count({ where: { trainerId: userId } }),
    cohortMemberships: () => db.cohortMember.count({ where: { userId } }),
    finalProjects: () => db.finalProject.count({ where: { userId } }),
    projectComments: () => db.projectComment.count({ where: { authorId: userId } }),
    passwordResets: () => db.passwordResetToken.count({ where: { userId } }),
    emailChanges: () => db.emailChangeToken.count({ where: { userId } }),
    twoFactor: () => db.twoFactor.count({ where: { userId } }),
    signInChallenges: () => db.signInChallenge.count({ where: { userId } }),
    satisfactionResponses: () => db.satisfactionResponse.count({ where: { userId } }),
    tutorQuestions: () => db.tutorQuestion.count({ where: { learnerId: userId } }),
    tutorAnswers: () => db.tutorAnswer.count({ where: { authorId: userId } }),
    placements: () => db.placementResponse.count({ where: { userId } }),
    trainingDocuments: () => db.trainingDocument.count({ where: { userId } }),
    ltiIdentity: () => db.ltiIdentity.count({ where: { userId } }),
  };
  return { ...me, rows, certificate, document, pendingEmail, mine, theirs, projectId: project.id, answeredQuestionId: received.id };
}

describeEachDatabase("privacy promises (/confidentialite)", (get) => {
  test("« mot de passe (haché avec argon2id, jamais en clair) »", async () => {
    const { db } = get();
    const { userId } = await person(db);
    const { hash } = await db.password.findUniqueOrThrow({ where: { userId } });
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(hash).not.toContain(PASSWORD);
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(JSON.stringify(user)).not.toContain(PASSWORD);
  });

  test("« Jusqu'à la suppression du compte » · « Effacement : tout est effacé, sauf vos certificats » (every kind of data, counters and e-mail copies included)", async () => {
    const { db } = get();
    const me = await personWithEverything(db);
    const outbox = newOutbox();
    expect(Object.keys(me.rows).sort()).toEqual(userRelations());
    for (const [relation, count] of Object.entries(me.rows)) expect(await count(), relation).toBeGreaterThan(0);
    // Counters that name the account (failed sign-ins from two addresses, reset requests)...
    await attemptSignIn(db, { clientIp: "198.51.100.7", email: me.email, password: "mauvais" });
    await attemptSignIn(db, { clientIp: "203.0.113.7", email: me.email, password: "mauvais" });
    await hitRateLimit(db, `reinitialisation:compte:${me.email}`, AUTH_LIMITS.resetPerAccount);
    // ...and counters that do not: another account whose address differs only where this one has
    // "_" (a LIKE wildcard), and an address's own counter.
    const lookalike = me.email.replace("confidentialite_", "confidentialiteX");
    await attemptSignIn(db, { clientIp: "198.51.100.8", email: lookalike, password: "mauvais" });
    await outbox.send({ to: me.email, subject: "Réinitialiser", text: "Bonjour Personne, https://exemple.fr/…" });
    await outbox.send({ to: me.pendingEmail, subject: "Confirmer", text: "https://exemple.fr/…" });
    await outbox.send({ to: lookalike, subject: "Pour quelqu'un d'autre", text: "…" });

    expect(await deleteAccount(db, outbox, me.userId, PASSWORD)).toBe(true);

    for (const [relation, count] of Object.entries(me.rows)) expect(await count(), relation).toBe(0);
    expect(await db.user.count({ where: { id: me.userId } })).toBe(0);
    expect(await db.quizAnswer.count({ where: { attempt: { userId: me.userId } } })).toBe(0);
    expect(await db.finalProjectAnswer.count({ where: { projectId: me.projectId } })).toBe(0);
    expect(await db.projectComment.count({ where: { projectId: me.projectId } })).toBe(0);
    // The cohort they led is gone, with its memberships; the other trainer's cohort stays.
    expect(await db.cohortMember.count({ where: { cohortId: me.mine.id } })).toBe(0);
    expect(await db.cohort.count({ where: { id: me.theirs.id } })).toBe(1);
    // Their answer to a learner's question is the learner's: it stays, without its author.
    expect(await db.tutorAnswer.findUniqueOrThrow({ where: { questionId: me.answeredQuestionId } })).toMatchObject({
      authorId: null,
      body: "Ma réponse de formatrice.",
    });
    // Counters: only the account's are erased.
    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((r) => r.key);
    expect(keys.filter((k) => k.includes(me.email))).toEqual([]);
    expect(keys).toContain(`connexion:echecs:${lookalike}`);
    expect(keys).toContain(`connexion:echecs:${lookalike}:198.51.100.8`);
    expect(keys).toContain("connexion:ip:198.51.100.8");
    // E-mail copies: only the account's are erased (current address and pending new one).
    expect(readOutbox(outbox.dir).map((m) => m.to)).toEqual([lookalike]);
    // « Sans limite de durée ... sans votre nom » : the certificate stays, anonymised and verifiable.
    const kept = await db.certificate.findUniqueOrThrow({ where: { id: me.certificate.id } });
    expect(kept).toMatchObject({
      userId: null,
      learnerName: "",
      payload: `sha256:${createHash("sha256").update(me.certificate.payload).digest("hex")}`,
    });
    expect(await verifyCode(db, me.certificate.code)).toMatchObject({ status: "valide", learnerName: null });
    // « vos certificats et les documents délivrés avec eux, sans votre nom » : the document stays,
    // anonymised like its certificate (no name in its row nor in the signed copy kept).
    const keptDocument = await db.trainingDocument.findUniqueOrThrow({ where: { id: me.document.id } });
    expect(keptDocument).toMatchObject({ userId: null, learnerName: "" });
    expect(keptDocument.payload).not.toContain("Personne Certifiée");
    // « jusqu'à 3 ans après la fin de la formation », then erased by the pruning (the documents with their certificate).
    await pruneExpired(db, new Date(yearsAfter(me.certificate.completedAt, CERTIFICATE_RETENTION_YEARS).getTime() - DAY));
    expect(await db.certificate.count({ where: { id: me.certificate.id } })).toBe(1);
    expect(await db.trainingDocument.count({ where: { id: me.document.id } })).toBe(1);
    await pruneExpired(db, new Date(yearsAfter(me.certificate.completedAt, CERTIFICATE_RETENTION_YEARS).getTime() + DAY));
    expect(await db.certificate.count({ where: { id: me.certificate.id } })).toBe(0);
    expect(await db.trainingDocument.count({ where: { id: me.document.id } })).toBe(0);
  });

  test("« Tant que votre compte existe » : pruning never touches a certificate whose account exists, however old", async () => {
    const { db } = get();
    const { userId } = await person(db);
    const certificate = await certify(db, userId, "Toujours là");
    await pruneExpired(db, yearsAfter(certificate.completedAt, 50));
    expect(await db.certificate.count({ where: { id: certificate.id } })).toBe(1);
  });

  test("« Preuves de formation » : after deletion, a summary without name, address or id, found by the certificate's code; 3 and 6 years after the end of the training", async () => {
    const { db } = get();
    const me = await person(db, "STUDENT", "preuves");
    const name = "Personne Prouvée";
    await db.user.update({ where: { id: me.userId }, data: { name } });
    const at = (day: number, hour: number) => new Date(Date.UTC(2027, 0, day, hour));
    const certificate = await db.certificate.update({
      where: { id: (await certify(db, me.userId, name)).id },
      data: { pathId: "parcours-preuves", firstActivityAt: at(4, 8), completedAt: at(5, 16) },
    });
    // The ledger of this path over two days (23:30 UTC on the 4th is already the 5th in Paris), one
    // entry of another path, two lessons completed, the final quiz, and a quiz taken long before.
    for (const [when, seconds, lessonId, pathId] of [
      [at(4, 9), 15, "l1", "parcours-preuves"],
      [at(4, 10), 15, "l1", "parcours-preuves"],
      [at(4, 23), 12, "l2", "parcours-preuves"],
      [at(5, 10), 15, "l2", "parcours-preuves"],
      [at(5, 11), 15, "autre", "autre-parcours"],
    ] as const) {
      await db.activeTimeEntry.create({ data: { userId: me.userId, lessonId, pathId, receivedAt: when, seconds } });
    }
    await db.lessonProgress.create({ data: { userId: me.userId, lessonId: "l1", completedAt: at(4, 11), activeSeconds: 30 } });
    await db.lessonProgress.create({ data: { userId: me.userId, lessonId: "l2", completedAt: at(5, 10), activeSeconds: 27 } });
    await db.quizAttempt.create({
      data: {
        userId: me.userId,
        quizId: "evaluation-finale",
        number: 1,
        layout: "[]",
        submittedAt: at(5, 15),
        score: 85,
        passed: true,
        answers: { create: { questionId: "q1", response: '{"value":"réponse secrète"}', score: 1, correct: true } },
      },
    });
    await db.quizAttempt.create({
      data: { userId: me.userId, quizId: "ancien", number: 1, layout: "[]", submittedAt: at(1, 9), score: 10, passed: false },
    });
    await db.reflectionAnswer.create({ data: { userId: me.userId, reflectionId: "r", lessonId: "l1", answer: "Réflexion intime." } });
    // A question to a tutor on the path, answered: its times are evidence of the assistance, its words are not kept.
    await db.tutorQuestion.create({
      data: {
        learnerId: me.userId,
        pathId: "parcours-preuves",
        lessonId: "l1",
        body: "Question personnelle ?",
        askedAt: at(4, 12),
        answer: { create: { body: "Réponse du tuteur.", answeredAt: at(5, 9) } },
      },
    });
    // The person is also the admin who last saved the organisation settings.
    await db.organisationSetting.create({ data: { id: "organisation", legalName: "Organisme", updatedById: me.userId } });
    // A training completed 4 years ago (its certificate is already past 3 years) and one 7 years ago.
    const old4 = await certify(db, me.userId, name);
    await db.certificate.update({ where: { id: old4.id }, data: { pathId: "vieux-4", completedAt: yearsAfter(new Date(), -4) } });
    const old7 = await certify(db, me.userId, name);
    await db.certificate.update({ where: { id: old7.id }, data: { pathId: "vieux-7", completedAt: yearsAfter(new Date(), -7) } });

    expect(await deleteAccount(db, newOutbox(), me.userId, PASSWORD)).toBe(true);

    // What remains in the database: the anonymised certificate of the recent training, its summary, and the 4-year-old one's summary.
    expect(await db.certificate.findMany({ where: { id: { in: [certificate.id, old4.id, old7.id] } }, select: { id: true } })).toEqual([
      { id: certificate.id },
    ]);
    const kept = await db.retainedEvidence.findMany({ where: { certificateCode: { in: [certificate.code, old4.code, old7.code] } } });
    expect(kept.map((row) => row.certificateCode).sort()).toEqual([certificate.code, old4.code].sort());
    const evidence = kept.find((row) => row.certificateCode === certificate.code)!;
    expect(evidence.keepUntil).toEqual(yearsAfter(at(5, 16), EVIDENCE_RETENTION_YEARS));
    expect(JSON.parse(evidence.summary)).toEqual({
      format: "apprendre-a-faire-alliance/preuves/1",
      certificateCode: certificate.code,
      pathId: "parcours-preuves",
      pathTitle: "Parcours de test",
      nominalMinutes: 60,
      activeSeconds: 3600,
      firstActivityAt: at(4, 8).toISOString(),
      completedAt: at(5, 16).toISOString(),
      days: [
        { day: "2027-01-04", activeSeconds: 30, lessonsCompleted: ["l1"] },
        { day: "2027-01-05", activeSeconds: 27, lessonsCompleted: ["l2"] },
      ],
      assessments: [{ quizId: "evaluation-finale", number: 1, submittedAt: at(5, 15).toISOString(), score: 85, passed: true }],
      questions: [{ askedAt: at(4, 12).toISOString(), answeredAt: at(5, 9).toISOString() }],
    });
    // Detached from the person: nothing in the kept rows names them or holds their words.
    const everythingKept = JSON.stringify([kept, await db.certificate.findMany({ where: { id: certificate.id } })]);
    for (const personal of [name, me.email, me.userId, "réponse secrète", "Réflexion intime.", "Question personnelle", "Réponse du tuteur"])
      expect(everythingKept).not.toContain(personal);
    // Nothing else of theirs: the ledger, lessons, quizzes and reflections are gone.
    expect(await db.activeTimeEntry.count({ where: { userId: me.userId } })).toBe(0);
    expect(await db.quizAttempt.count({ where: { userId: me.userId } })).toBe(0);
    expect(await db.reflectionAnswer.count({ where: { userId: me.userId } })).toBe(0);
    expect(await db.organisationSetting.findUniqueOrThrow({ where: { id: "organisation" } })).toMatchObject({
      legalName: "Organisme",
      updatedById: null,
    });

    // Pruning: the summary stays until 6 years after the end of the training, then goes.
    await pruneExpired(db, new Date(evidence.keepUntil.getTime() - DAY));
    expect(await db.retainedEvidence.count({ where: { id: evidence.id } })).toBe(1);
    await pruneExpired(db, new Date(evidence.keepUntil.getTime() + 1000));
    expect(await db.retainedEvidence.count({ where: { id: evidence.id } })).toBe(0);
    expect(await db.certificate.count({ where: { id: certificate.id } })).toBe(0);
  });

  test("a deletion sent 10 times at once: no error, the evidence kept once, the account gone", async () => {
    const { db } = get();
    const me = await person(db, "STUDENT", "double-envoi");
    const certificate = await certify(db, me.userId, "Double Envoi");
    await db.activeTimeEntry.create({ data: { userId: me.userId, lessonId: "l1", pathId: certificate.pathId, seconds: 15 } });
    const outbox = newOutbox();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => deleteAccount(db, outbox, me.userId, PASSWORD)));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    // The first to pass the password check deletes; later ones find no password (false) or no account (true).
    expect(results.some((result) => result.status === "fulfilled" && result.value)).toBe(true);
    expect(await db.user.count({ where: { id: me.userId } })).toBe(0);
    expect(await db.retainedEvidence.count({ where: { certificateCode: certificate.code } })).toBe(1);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } })).toMatchObject({ userId: null, learnerName: "" });
  });

  test("« Accès et portabilité : téléchargez toutes vos données » (every relation of User is exported, or is a secret)", async () => {
    const { db } = get();
    const me = await personWithEverything(db);
    const data = await exportAccountData(db, me.userId);
    /** Where each relation of User appears in the export, or why it does not. */
    const exported: Record<string, string | { secret: string }> = {
      password: { secret: "le haché du mot de passe" },
      sessions: { secret: "des identifiants de session ouvrent le compte" },
      lessonProgress: "lessonProgress",
      pathEnrollments: "pathsFollowed",
      activeTimeEntries: "activeTime",
      activeTimeClock: { secret: "l'heure du dernier relevé, déjà dans activeTime" },
      reflections: "reflections",
      quizAttempts: "quizAttempts",
      simulationRuns: "simulationRuns",
      certificates: "certificates",
      cohortsLed: "cohortsLed",
      cohortMemberships: "cohorts",
      finalProjects: "finalProjects",
      projectComments: "commentsWritten",
      passwordResets: { secret: "des empreintes de liens, valables une heure" },
      emailChanges: "pendingEmailChanges",
      twoFactor: "account",
      signInChallenges: { secret: "des empreintes de jetons de 5 minutes" },
      satisfactionResponses: "satisfactionResponses",
      tutorQuestions: "questionsAsked",
      tutorAnswers: "answersWritten",
      placements: "placements",
      trainingDocuments: "documents",
      ltiIdentity: "lti",
    };
    expect(Object.keys(exported).sort()).toEqual(userRelations());
    for (const [relation, where] of Object.entries(exported)) {
      if (typeof where !== "string") continue;
      const value = data[where as keyof typeof data];
      if (Array.isArray(value)) expect(value.length, `${relation} → ${where}`).toBeGreaterThan(0);
      else expect(value, `${relation} → ${where}`).toBeTruthy();
    }
    expect(data.account.twoFactorEnabledAt).not.toBeNull();
    expect(data.commentsWritten).toEqual([expect.objectContaining({ body: "Mon commentaire de formatrice.", projectId: "projet-12h" })]);
    expect(data.pathsFollowed).toEqual([expect.objectContaining({ pathId: "parcours-test", lastLessonId: "l1" })]);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/argon2|tokenHash|session-|A{32}/);
  });

  test("« Sessions de connexion : 30 jours sans usage au plus ; fin immédiate à la déconnexion », then erased", async () => {
    const { db } = get();
    const { userId } = await person(db);
    const lucia = createLucia(db, { secureCookies: true });
    const before = Date.now();
    const session = await lucia.createSession(userId, {});
    expect(session.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 30 * DAY - MINUTE);
    expect(session.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 30 * DAY);
    // Unused for 30 days: refused, and its row deleted by the next pruning.
    const idle = await lucia.createSession(userId, {});
    await pruneExpired(db, new Date(Date.now() + 30 * DAY + MINUTE));
    expect(await db.session.count({ where: { id: { in: [session.id, idle.id] } } })).toBe(0);
    // Signing out deletes the session at once.
    const other = await lucia.createSession(userId, {});
    await lucia.invalidateSession(other.id);
    expect(await db.session.count({ where: { id: other.id } })).toBe(0);
  });

  test("« Liens envoyés par e-mail : empreintes seulement ; 1 heure (réinitialisation) ou 24 heures (adresse) ; inutilisables après usage, puis effacés »", async () => {
    const { db } = get();
    const { userId } = await person(db);
    expect(RESET_LIFETIME_MS).toBe(60 * MINUTE);
    expect(EMAIL_CHANGE_LIFETIME_MS).toBe(DAY);
    const sent: string[] = [];
    const capture: Mailer = {
      ...newOutbox(),
      async send(mail) {
        sent.push(mail.text);
      },
    };
    const asked = new Date();
    const target = `adresse.${counter}.${Date.now()}@exemple.fr`;
    expect(await requestEmailChange(db, capture, userId, PASSWORD, target, "https://exemple.fr", asked)).toEqual({ ok: true });
    const token = new URL(/https:\/\/\S+/.exec(sent[0]!)![0]).searchParams.get("jeton")!;
    const row = await db.emailChangeToken.findFirstOrThrow({ where: { userId } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await confirmEmailChange(db, token, new Date(asked.getTime() + DAY + 1000))).toEqual({ ok: false, reason: "lien" });
    expect(await confirmEmailChange(db, token, new Date(asked.getTime() + DAY - 1000))).toEqual({ ok: true, email: target });
    expect(await confirmEmailChange(db, token)).toEqual({ ok: false, reason: "lien" });
    await pruneExpired(db);
    expect(await db.emailChangeToken.count({ where: { userId } })).toBe(0);
  });

  test("« Compteurs de tentatives : adresse IP ou adresse e-mail et nombre de tentatives ; la durée de la fenêtre (15 minutes à 1 heure), puis effacés »", async () => {
    const { db } = get();
    const rules = [...Object.values(AUTH_LIMITS), VERIFY_RATE_LIMIT, JOIN_RATE_LIMIT];
    for (const rule of rules) {
      expect(rule.windowMs).toBeGreaterThanOrEqual(15 * MINUTE);
      expect(rule.windowMs).toBeLessThanOrEqual(60 * MINUTE);
    }
    const key = `verifier:ip:192.0.2.${counter}`;
    await hitRateLimit(db, key, VERIFY_RATE_LIMIT);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key } });
    expect(Object.keys(row).sort()).toEqual(["count", "expiresAt", "key"]);
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(VERIFY_RATE_LIMIT.windowMs);
    await pruneExpired(db, new Date(Date.now() + VERIFY_RATE_LIMIT.windowMs - MINUTE));
    expect(await db.rateLimit.count({ where: { key } })).toBe(1);
    await pruneExpired(db, new Date(Date.now() + VERIFY_RATE_LIMIT.windowMs + 1000));
    expect(await db.rateLimit.count({ where: { key } })).toBe(0);
  });

  test("« Double authentification : la clé de votre application, jusqu'à sa désactivation » · « un cookie de 5 minutes »", async () => {
    const { db } = get();
    const { userId } = await person(db);
    await db.twoFactor.create({ data: { userId, secret: "B".repeat(32), enabledAt: new Date() } });
    expect(await disableTwoFactor(db, userId, PASSWORD)).toBe(true);
    expect(await db.twoFactor.count({ where: { userId } })).toBe(0);
    expect(CHALLENGE_LIFETIME_MS).toBe(5 * MINUTE);
    expect(await challengeCookie.serialize("jeton")).toMatch(/Max-Age=300;.*Path=\/connexion/);
    // The pending sign-in behind the cookie is erased once expired.
    await createSignInChallenge(db, userId, "/");
    await pruneExpired(db, new Date(Date.now() + 5 * MINUTE + 1000));
    expect(await db.signInChallenge.count({ where: { userId } })).toBe(0);
  });

  test("« Vos réflexions ne lui sont jamais montrées », sauf celles que le projet final reprend", async () => {
    const { db } = get();
    const trainer = await person(db, "TRAINER");
    const learner = await person(db);
    const cohort = await createCohort(db, trainer.userId, { name: "Réflexions", pathId: "parcours-test" });
    await joinCohort(db, learner.userId, cohort.joinCode);
    await db.reflectionAnswer.create({
      data: { userId: learner.userId, reflectionId: "atelier-besoins", lessonId: "l1", answer: "Réflexion reprise par le projet." },
    });
    await db.reflectionAnswer.create({
      data: { userId: learner.userId, reflectionId: "privee", lessonId: "l1", answer: "Réflexion privée." },
    });
    await db.lessonProgress.create({ data: { userId: learner.userId, lessonId: "l1", completedAt: new Date() } });
    const content = { lessons: [{ id: "l1", title: "Leçon", minutes: 10 }], quizzes: [], scenarios: [] };
    const definition = {
      id: "projet-test",
      title: "Projet",
      intro: "Intro.",
      file: "projects/projet-test.yaml",
      steps: [
        { id: "etape-1", title: "Étape 1", guidance: "…", lessons: [], fields: [{ id: "nom", label: "Nom", required: true, rows: 2 }] },
        {
          id: "etape-2",
          title: "Étape 2",
          guidance: "…",
          lessons: [],
          fields: [{ id: "besoins", label: "Besoins", prefillFrom: "atelier-besoins", required: true, rows: 5 }],
        },
      ],
      assessment: { intro: "…", levelNames: ["1", "2", "3", "4"], criteria: [], minEach: 1, minTotal: 1 },
    } as unknown as ProjectDefinition;
    const trainerSees = async () =>
      JSON.stringify([
        await loadCohortRows(db, cohort.id, "parcours-test", content),
        await getMemberProject(db, trainer.userId, cohort.id, learner.userId, definition.id),
      ]);
    expect(await trainerSees()).not.toMatch(/Réflexion/);
    // The learner saves the first step of the project: the project copies the reflection it names
    // (the page says so), never the others.
    await saveAnswers(db, learner.userId, definition, { nom: "Mon projet" });
    const seen = await trainerSees();
    expect(seen).toContain("Réflexion reprise par le projet.");
    expect(seen).not.toContain("Réflexion privée.");
  });
});

/*
 * Promises proven by other tests:
 * - « Cohortes rejointes : jusqu'à ce que vous quittiez la cohorte, qu'on vous en retire » —
 *   cohorts.test.ts « a learner leaves; a trainer removes a member of their own cohort only »;
 *   « ou que le compte soit supprimé » — above (cohortMemberships, and the cohort a trainer led).
 * - « Sessions : fin immédiate au changement (les autres) ou à la réinitialisation du mot de passe »
 *   — account-security.test.ts « changing the password needs the current one and ends the other
 *   sessions only », « a reset link works once, within the hour, is stored hashed, and ends every session ».
 * - « Réinitialisation : 1 heure, une fois » — account-security.test.ts « an expired link… », « a reset link works once… ».
 * - « Progression : un relevé horodaté par tranche de 15 secondes au plus » — progress.test.ts
 *   « active time: capped per heartbeat, bounded by the server's clock, written to the ledger ».
 * - « Certificats : vérifiables, y compris hors ligne (signature électronique) » — certificates.test.ts,
 *   certificate-pdf.test.ts, e2e certificate.spec.ts.
 * - « aucun service tiers : la plateforme ne charge rien depuis un autre site » — the
 *   Content-Security-Policy test (app/server/security-headers.test.ts), which browsers enforce.
 * - « Le seul cookie est celui de la session (et un cookie de 5 minutes) » — e2e
 *   engine/account-security.spec.ts « two-factor sign-in… » lists the browser's cookies.
 * - « Les statistiques de groupe ne s'affichent qu'à partir de 5 personnes » — app/cohorts/dashboard.test.ts
 *   « fewer than 5 finished runs: counts are hidden » and the item analysis tests.
 * - « la liste exacte s'affiche avant que vous acceptiez » — e2e engine/cohorts.spec.ts (consent screen).
 * - « Rectification : nom, adresse e-mail, mot de passe » — account-security.test.ts and e2e account-security.spec.ts.
 */
