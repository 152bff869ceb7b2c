/**
 * The documents of a completed path on both databases (issue 20, item 5): issued from the learner's
 * record and the organisation's settings, signed, once per certificate and kind even under 25
 * concurrent downloads, frozen, refused while a legally required field is missing, verifiable by
 * code, revoked with their certificate, anonymised with it on account deletion.
 */
import { createHash } from "node:crypto";
import { expect, test } from "vitest";
import { documentPayload, factsFromPayload, readDocumentPayload, type DocumentKind } from "~/attestations/document-payload.ts";
import { verifyDocumentCode } from "~/attestations/document-verification.server.ts";
import { issueDocument, type DocumentIssuance } from "~/attestations/documents.server.ts";
import { requireMemberCertificateId, requireOwnCertificateId } from "~/attestations/document-access.server.ts";
import { deleteAccount } from "~/auth/account-settings.server.ts";
import { generateSigningKeyPem, signingKeyFromPem, verifyPayload } from "~/certificates/signing.server.ts";
import { revokeCertificate } from "~/certificates/revocation.server.ts";
import { findPath, pathLessons } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { EMPTY_SETTINGS, type OrganisationSettings } from "~/organisation/organisation-settings.ts";
import { createLearner, createTestAccount, TEST_PASSWORD } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const key = signingKeyFromPem(generateSigningKeyPem());
const SETTINGS: OrganisationSettings = {
  ...EMPTY_SETTINGS,
  legalName: "Alliances & Territoires — Formation",
  address: "12 rue des Coopératives\n69001 Lyon",
  siret: "73282932000074",
  activityDeclarationNumber: "84691234569",
  qualiopiReference: "QUALIOPI-2026-0042",
  pedagogicalContact: { name: "Inès Morel", email: "ines@alliances.fr" },
  answerDelay: "2 jours ouvrés",
};
const context = (settings = SETTINGS): DocumentIssuance => ({ settings, siteUrl: "https://alliances.exemple.fr/", key });
const at = (day: number, hour = 10, minute = 0) => new Date(Date.UTC(2027, 2, day, hour, minute));

const path = findPath(getCatalog(), "parcours-1h")!;
const lessons = pathLessons(getCatalog(), path).map(({ lesson }) => lesson);

/** A learner who did the 1 h path over two days (3 and 4 March 2027), with everything the documents report. */
async function completedTraining(db: Db, name = "Hélène Lefèvre-Çelik") {
  const userId = await createLearner(db, { name, profile: "ELECTED_OFFICIAL", emailPrefix: "documents" });
  let seconds = 0;
  for (const [index, lesson] of lessons.entries()) {
    const day = index < 4 ? 3 : 4;
    await db.lessonProgress.create({
      data: { userId, lessonId: lesson.id, startedAt: at(day, 9, index), completedAt: at(day, 10, index), activeSeconds: 300 },
    });
    // 23:30 UTC on the 3rd is already the 4th in Paris: the relevé counts it on the 4th.
    await db.activeTimeEntry.create({
      data: { userId, lessonId: lesson.id, pathId: path.id, receivedAt: index === 8 ? at(3, 23, 30) : at(day, 10, index), seconds: 300 },
    });
    seconds += 300;
  }
  await db.quizAttempt.create({
    data: {
      userId,
      quizId: "evaluation-1h",
      number: 1,
      layout: "[]",
      startedAt: at(4, 11),
      submittedAt: at(4, 11, 20),
      score: 90,
      passed: true,
    },
  });
  await db.placementResponse.create({
    data: {
      userId,
      pathId: path.id,
      moment: "ENTRY",
      objectives: JSON.stringify(path.objectives.map((objective) => ({ objective, level: 1 }))),
      answeredAt: at(3, 8),
      updatedAt: at(3, 8),
    },
  });
  const question = await db.tutorQuestion.create({
    data: {
      learnerId: userId,
      pathId: path.id,
      lessonId: lessons[1]!.id,
      body: "Une alliance peut-elle réunir deux communes ?",
      answerDelay: "2 jours ouvrés",
      askedAt: at(3, 12),
    },
  });
  await db.tutorAnswer.create({ data: { questionId: question.id, body: "Oui, avec des partenaires privés.", answeredAt: at(4, 15) } });
  const certificate = await db.certificate.create({
    data: {
      userId,
      pathId: path.id,
      code: createHash("sha256")
        .update(userId)
        .digest("hex")
        .slice(0, 28)
        .toUpperCase()
        .replace(/[ILOU]/g, "A"),
      learnerName: name,
      pathTitle: path.title,
      nominalMinutes: path.nominalMinutes,
      activeSeconds: seconds,
      firstActivityAt: at(3, 9),
      completedAt: at(4, 11, 20),
      finalScore: 90,
      objectives: JSON.stringify(path.objectives),
      issuer: "Apprendre à faire alliance",
      payload: "{}",
      signature: "x",
      keyId: key.keyId,
      issuedAt: at(4, 11, 21),
    },
  });
  // Activity after the certificate (a learner coming back to read) is not part of that training's documents.
  await db.activeTimeEntry.create({ data: { userId, lessonId: lessons[0]!.id, pathId: path.id, receivedAt: at(20), seconds: 15 } });
  return { userId, certificate };
}

describeEachDatabase("training documents", (get) => {
  test("a missing legal field refuses issuance with a 409 naming it and /admin/organisation; nothing is written", async () => {
    const { db } = get();
    const { certificate } = await completedTraining(db);
    const refusal = await issueDocument(
      db,
      certificate.id,
      "certificat-realisation",
      context({ ...SETTINGS, siret: null, activityDeclarationNumber: " " }),
    ).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(409);
    const message = await (refusal as Response).text();
    expect(message).toContain("Le certificat de réalisation ne peut pas encore être délivré");
    expect(message).toContain("le SIRET et le numéro de déclaration d'activité");
    expect(message).toContain("/admin/organisation");
    // The relevé needs only the legal name: it can be issued meanwhile.
    await expect(issueDocument(db, certificate.id, "releve-activite", context({ ...SETTINGS, siret: null }))).resolves.toMatchObject({
      kind: "releve-activite",
    });
    expect(await db.trainingDocument.count({ where: { certificateId: certificate.id, kind: "certificat-realisation" } })).toBe(0);
  });

  test("each document states the record, signed; the PDF is drawn from exactly what was signed", async () => {
    const { db } = get();
    const { certificate } = await completedTraining(db);
    const issued = Object.fromEntries(
      await Promise.all(
        (["attestation-fin-formation", "certificat-realisation", "releve-activite"] as DocumentKind[]).map(
          async (kind) => [kind, await issueDocument(db, certificate.id, kind, context())] as const,
        ),
      ),
    );
    for (const document of Object.values(issued)) {
      expect(verifyPayload(key.publicKey, document.payload, document.signature)).toBe(true);
      expect(readDocumentPayload(document.payload)).toMatchObject({ beneficiaire: "Hélène Lefèvre-Çelik", certificat: certificate.code });
      // Reading the payload back and writing it again gives the same bytes: nothing is lost on the way to the PDF.
      expect(documentPayload(factsFromPayload(document.payload))).toBe(document.payload);
      expect(document.code).not.toBe(certificate.code);
    }

    const attestation = factsFromPayload(issued["attestation-fin-formation"]!.payload);
    expect(attestation).toMatchObject({
      kind: "attestation-fin-formation",
      organisation: {
        legalName: SETTINGS.legalName,
        siret: SETTINGS.siret,
        activityDeclarationNumber: SETTINGS.activityDeclarationNumber,
        pedagogicalContact: "Inès Morel <ines@alliances.fr>",
      },
      path: { title: "Découvrir", objectives: path.objectives },
      activeSeconds: 9 * 300,
      finalAssessment: { score: 90, attempts: 1 },
      placement: { exit: null },
    });
    if (attestation.kind !== "attestation-fin-formation") throw new Error("kind");
    expect(attestation.finalAssessment.passMark).toBeGreaterThan(0);
    expect(attestation.placement.entry?.objectives.map((item) => item.label)).toEqual(path.objectives.map(() => "Je découvre"));

    const realisation = factsFromPayload(issued["certificat-realisation"]!.payload);
    if (realisation.kind !== "certificat-realisation") throw new Error("kind");
    expect(realisation.activities.map((activity) => [activity.title, activity.estimatedMinutes])).toEqual(
      lessons.map((lesson) => [lesson.title, lesson.minutes]),
    );

    const statement = factsFromPayload(issued["releve-activite"]!.payload);
    if (statement.kind !== "releve-activite") throw new Error("kind");
    expect(statement.days.map((day) => [day.day, day.activeSeconds, day.lessonsCompleted.length])).toEqual([
      ["2027-03-03", 4 * 300, 4],
      ["2027-03-04", 5 * 300, 5],
    ]);
    // The days add up to the « durée réalisée »; the visit after the certificate is left out.
    expect(statement.days.reduce((sum, day) => sum + day.activeSeconds, 0)).toBe(certificate.activeSeconds);
    expect(statement.days[0]!.placements.map((item) => item.label)).toEqual(["Positionnement d'entrée"]);
    expect(statement.days[1]!.assessments).toMatchObject([{ attempt: 1, score: 90, passed: true }]);
    expect(statement.questions).toMatchObject([{ lessonTitle: lessons[1]!.title, delayHours: 27 }]);
    expect(statement.helpUrl).toBe("https://alliances.exemple.fr/aide");
  });

  test("25 concurrent downloads issue one document per kind; later settings never change it", async () => {
    const { db } = get();
    const { certificate } = await completedTraining(db);
    const results = await Promise.all(
      Array.from({ length: 25 }, () => issueDocument(db, certificate.id, "attestation-fin-formation", context())),
    );
    expect(new Set(results.map((document) => document.code)).size).toBe(1);
    expect(await db.trainingDocument.count({ where: { certificateId: certificate.id } })).toBe(1);
    const renamed = await issueDocument(
      db,
      certificate.id,
      "attestation-fin-formation",
      context({ ...SETTINGS, legalName: "Autre organisme" }),
    );
    expect(renamed.payload).toBe(results[0]!.payload);
    // Even with the settings emptied since, a document already issued is still delivered.
    await expect(issueDocument(db, certificate.id, "attestation-fin-formation", context(EMPTY_SETTINGS))).resolves.toMatchObject({
      code: results[0]!.code,
    });
  });

  test("verification by code: valid with the signed facts; revoked with the certificate; no more issuance then", async () => {
    const { db } = get();
    const { certificate } = await completedTraining(db);
    const document = await issueDocument(db, certificate.id, "releve-activite", context());
    const typed = document.code.toLowerCase().replace(/(.{4})/g, "$1 ");
    expect(await verifyDocumentCode(db, typed)).toMatchObject({
      status: "valide",
      kind: "releve-activite",
      learnerName: "Hélène Lefèvre-Çelik",
      organisationName: SETTINGS.legalName,
      certificateCode: certificate.code,
      payloadSha256: createHash("sha256").update(document.payload).digest("hex"),
    });
    expect(await verifyDocumentCode(db, "7KQM3XRT9PWDAB12CD34EF56GH78")).toBeNull();
    expect(await verifyDocumentCode(db, "pas un code")).toBeNull();

    await revokeCertificate(db, certificate.code, "Délivré par erreur");
    expect(await verifyDocumentCode(db, document.code)).toMatchObject({ status: "revoque" });
    const refusal = await issueDocument(db, certificate.id, "attestation-fin-formation", context()).catch((error: unknown) => error);
    expect((refusal as Response).status).toBe(410);
  });

  test("only the learner, or the trainer of a cohort they belong to, reaches a certificate's documents", async () => {
    const { db } = get();
    const { userId, certificate } = await completedTraining(db);
    const other = await createLearner(db, { name: "Autre", profile: "STUDENT", emailPrefix: "documents-other" });
    await expect(requireOwnCertificateId(db, userId, certificate.id)).resolves.toBe(certificate.id);
    const stranger = await requireOwnCertificateId(db, other, certificate.id).catch((error: unknown) => error);
    expect((stranger as Response).status).toBe(404);

    const { userId: trainerId } = await createTestAccount(db, { emailPrefix: "documents-trainer" });
    await db.user.update({ where: { id: trainerId }, data: { role: "TRAINER" } });
    const cohort = await db.cohort.create({ data: { name: "Élus 2027", pathId: path.id, trainerId, joinCode: `J${Date.now()}` } });
    const notMember = await requireMemberCertificateId(db, cohort, userId).catch((error: unknown) => error);
    expect((notMember as Response).status).toBe(404);
    await db.cohortMember.create({ data: { cohortId: cohort.id, userId } });
    await expect(requireMemberCertificateId(db, cohort, userId)).resolves.toBe(certificate.id);
    // A cohort of another path does not open this path's certificate.
    const otherPath = await db.cohort.create({ data: { name: "4 h", pathId: "parcours-4h", trainerId, joinCode: `K${Date.now()}` } });
    await db.cohortMember.create({ data: { cohortId: otherPath.id, userId } });
    expect(((await requireMemberCertificateId(db, otherPath, userId).catch((error: unknown) => error)) as Response).status).toBe(404);
  });

  test("account deletion: the documents stay verifiable, anonymised, with the same fingerprint", async () => {
    const { db } = get();
    const { userId, certificate } = await completedTraining(db);
    const document = await issueDocument(db, certificate.id, "certificat-realisation", context());
    const before = await verifyDocumentCode(db, document.code);
    expect(await deleteAccount(db, { erase: async () => {} }, userId, TEST_PASSWORD, new Date("2027-04-01T00:00:00Z"))).toBe(true);
    const after = await verifyDocumentCode(db, document.code);
    expect(after).toMatchObject({ status: "valide", learnerName: null, payloadSha256: before!.payloadSha256 });
    const row = await db.trainingDocument.findFirstOrThrow({ where: { code: document.code } });
    expect(row).toMatchObject({ userId: null, learnerName: "" });
  });
});
