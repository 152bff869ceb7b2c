/**
 * Cohorts on both databases: a trainer acts only on their own cohorts; joining is idempotent and
 * refused for an unknown or archived cohort; a regenerated code replaces the old one; leaving and
 * removal; and the dashboard's rows, item analysis included, from real attempts and runs.
 */
import { expect, test } from "vitest";
import {
  createCohort,
  getCohortMember,
  getTrainerCohort,
  joinCohort,
  leaveCohort,
  listMemberships,
  regenerateJoinCode,
  removeMember,
  setCohortArchived,
  updateCohort,
} from "~/cohorts/cohorts.server.ts";
import { learnerRows, quizSummaries, type CohortContent } from "~/cohorts/dashboard.ts";
import { loadCohortRows } from "~/cohorts/dashboard.server.ts";
import { formatJoinCode } from "~/cohorts/join-code.ts";
import type { Db } from "~/db/create-db.server.ts";
import { answerQuestion, startAttempt } from "~/quizzes/quiz-attempts.server.ts";
import type { QuizDefinition } from "~/quizzes/quiz-schema.ts";
import { unzipSync } from "fflate";
import { cohortCertificatesZip } from "~/cohorts/cohort-certificates.server.ts";
import { certificatePayload } from "~/certificates/certificate-payload.ts";
import { generateSigningKeyPem, signingKeyFromPem, signPayload } from "~/certificates/signing.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const key = signingKeyFromPem(generateSigningKeyPem());
/** A certificate row as issuance writes it (issuance itself is tested in certificates.test.ts). */
async function certify(db: Db, userId: string, learnerName: string, code: string, pathId = "parcours-test") {
  const facts = {
    code,
    learnerName,
    pathId,
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

const account = (db: Db, profile: "TRAINER" | "STUDENT" = "STUDENT", name = "Apprenant·e") =>
  createLearner(db, { name, profile, emailPrefix: "cohorte" });

const quiz: QuizDefinition = {
  id: "quiz-cohorte",
  title: "Quiz de la cohorte",
  kind: "entrainement",
  passMark: 70,
  objectives: {},
  file: "quizzes/quiz-cohorte.yaml",
  questions: [
    {
      id: "qc-1",
      type: "choix-unique",
      stem: "Qu'est-ce qu'une alliance ?",
      feedback: "Un projet commun.",
      source: { ref: "mission-2020", heading: "Intertitre" },
      concepts: [],
      options: [
        { text: "Un don ponctuel", correct: false },
        { text: "Un projet commun", correct: true },
        { text: "Un contrat d'échange", correct: false },
      ],
    },
  ],
};
const content: CohortContent = {
  lessons: [{ id: "l1", title: "Leçon", minutes: 10 }],
  quizzes: [{ id: quiz.id, title: quiz.title, final: false, questions: [{ id: "qc-1", stem: "Qu'est-ce qu'une alliance ?" }] }],
  scenarios: [],
};

describeEachDatabase("cohorts", (get) => {
  test("a trainer creates a cohort with a join code; only they can read or change it", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const other = await account(db, "TRAINER");
    const { id, joinCode } = await createCohort(db, trainer, {
      name: "Master 2 — promo 2027",
      pathId: "parcours-4h",
      startsOn: "2027-01-04",
      dueOn: "2027-03-01",
    });
    expect(joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await getTrainerCohort(db, trainer, id)).toMatchObject({
      name: "Master 2 — promo 2027",
      startsOn: new Date("2027-01-04T00:00:00Z"),
    });
    expect(await getTrainerCohort(db, other, id)).toBeNull();
    expect(await updateCohort(db, other, id, { name: "Détournée" })).toBe(false);
    expect(await setCohortArchived(db, other, id, true)).toBe(false);
    expect(await regenerateJoinCode(db, other, id)).toBeNull();
    expect((await getTrainerCohort(db, trainer, id))?.name).toBe("Master 2 — promo 2027");
    expect(await updateCohort(db, trainer, id, { name: "M2 — promo 2027" })).toBe(true);
    expect(await getTrainerCohort(db, trainer, id)).toMatchObject({ name: "M2 — promo 2027", startsOn: null, dueOn: null });
  });

  test("joining: typed however, idempotent even when concurrent; refused for an unknown code, an archived cohort, one's own cohort", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const learner = await account(db);
    const { id, joinCode } = await createCohort(db, trainer, { name: "Agents 2027", pathId: "parcours-1h" });
    const typed = ` ${formatJoinCode(joinCode).toLowerCase()} `;
    const results = await Promise.all([joinCohort(db, learner, typed), joinCohort(db, learner, typed), joinCohort(db, learner, joinCode)]);
    expect(results.map((r) => r.status).sort()).toEqual(["deja-membre", "deja-membre", "rejoint"]);
    expect(await db.cohortMember.count({ where: { cohortId: id } })).toBe(1);
    expect(await joinCohort(db, learner, "ZZZZ-ZZZZ")).toEqual({ status: "inconnu" });
    expect(await joinCohort(db, learner, "pas un code")).toEqual({ status: "inconnu" });
    expect(await joinCohort(db, trainer, joinCode)).toEqual({ status: "sa-propre-cohorte" });
    await setCohortArchived(db, trainer, id, true);
    expect(await joinCohort(db, await account(db), joinCode)).toEqual({ status: "archivee" });
  });

  test("a regenerated code replaces the old one at once", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const { id, joinCode } = await createCohort(db, trainer, { name: "Élus 2027", pathId: "parcours-1h" });
    const fresh = await regenerateJoinCode(db, trainer, id);
    expect(fresh).not.toBeNull();
    expect(fresh).not.toBe(joinCode);
    expect(await joinCohort(db, await account(db), joinCode)).toEqual({ status: "inconnu" });
    expect((await joinCohort(db, await account(db), fresh!)).status).toBe("rejoint");
  });

  test("a learner leaves; a trainer removes a member of their own cohort only", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const intruder = await account(db, "TRAINER");
    const [a, b] = [await account(db), await account(db)];
    const { id, joinCode } = await createCohort(db, trainer, { name: "Cohorte", pathId: "parcours-1h" });
    await joinCohort(db, a, joinCode);
    await joinCohort(db, b, joinCode);
    expect((await listMemberships(db, a)).map((m) => m.cohort.id)).toEqual([id]);
    expect(await leaveCohort(db, a, id)).toBe(true);
    expect(await leaveCohort(db, a, id)).toBe(false);
    expect(await listMemberships(db, a)).toEqual([]);
    expect(await removeMember(db, intruder, id, b)).toBe(false);
    expect(await getCohortMember(db, intruder, id, b)).toBeNull();
    expect(await getCohortMember(db, trainer, id, b)).not.toBeNull();
    expect(await removeMember(db, trainer, id, b)).toBe(true);
    expect(await db.cohortMember.count({ where: { cohortId: id } })).toBe(0);
  });

  test("the dashboard's rows: only members, and item analysis grouped by the database from first attempts", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const { id, joinCode } = await createCohort(db, trainer, { name: "Analyse", pathId: "parcours-test" });
    // Six members answer once: 3 right, 2 « Un don ponctuel », 1 « Un contrat d'échange »; one of the
    // right ones then retries wrongly (a second attempt is not counted). An outsider answers too.
    const picks = ["b", "b", "b", "a", "a", "c"];
    const members: string[] = [];
    for (const [index, pick] of picks.entries()) {
      const userId = await account(db, "STUDENT", `Membre ${index + 1}`);
      members.push(userId);
      await joinCohort(db, userId, joinCode);
      const { attemptId } = await startAttempt(db, quiz, userId);
      await answerQuestion(db, quiz, userId, { attemptId, questionId: "qc-1", form: new URLSearchParams([["reponse", pick]]) });
    }
    const retry = await startAttempt(db, quiz, members[0]!);
    await answerQuestion(db, quiz, members[0]!, {
      attemptId: retry.attemptId,
      questionId: "qc-1",
      form: new URLSearchParams([["reponse", "a"]]),
    });
    const outsider = await account(db);
    const outside = await startAttempt(db, quiz, outsider);
    await answerQuestion(db, quiz, outsider, {
      attemptId: outside.attemptId,
      questionId: "qc-1",
      form: new URLSearchParams([["reponse", "c"]]),
    });
    await db.lessonProgress.create({ data: { userId: outsider, lessonId: "l1", completedAt: new Date() } });

    const rows = await loadCohortRows(db, id, "parcours-test", content, (quizId, questionId) =>
      quizId === quiz.id ? quiz.questions.find((q) => q.id === questionId) : undefined,
    );
    expect(rows.members.map((m) => m.name)).toEqual(["Membre 1", "Membre 2", "Membre 3", "Membre 4", "Membre 5", "Membre 6"]);
    expect(rows.lessons).toEqual([]);
    expect(new Set(rows.attempts.map((a) => a.userId))).toEqual(new Set(members));
    const [summary] = quizSummaries(content, learnerRows(content, rows, { startsOn: null, dueOn: null }, new Date()), rows);
    expect(summary!.learners).toBe(6);
    // Best scores: 100 ×3, 0 ×3 → 50 %.
    expect(summary!.averageBest).toBe(50);
    expect(summary!.questions[0]).toEqual({
      questionId: "qc-1",
      stem: "Qu'est-ce qu'une alliance ?",
      objective: null,
      answered: 6,
      correctShare: 0.5,
      mostChosenWrong: { label: "Un don ponctuel", count: 2 },
      hidden: false,
    });
  });

  test("the final assessment per objective: each question's objective, and the share right per objective, from the database", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const { id, joinCode } = await createCohort(db, trainer, { name: "Objectifs", pathId: "parcours-test" });
    const vf = (questionId: string) => ({
      id: questionId,
      type: "vrai-faux" as const,
      stem: `Énoncé ${questionId}`,
      answer: true,
      feedback: "…",
      source: { ref: "mission-2020", heading: "Intertitre" },
      concepts: [],
    });
    const final: QuizDefinition = {
      id: "finale-objectifs",
      title: "Évaluation finale",
      kind: "evaluation-finale",
      passMark: 50,
      attempts: 2,
      objectives: { o1: 1, o2: 1, o3: 2 },
      file: "quizzes/finale-objectifs.yaml",
      questions: [vf("o1"), vf("o2"), vf("o3")],
    };
    const finalContent: CohortContent = {
      lessons: [{ id: "l1", title: "Leçon", minutes: 10 }],
      objectives: ["Expliquer.", "Classer."],
      quizzes: [
        {
          id: final.id,
          title: final.title,
          final: true,
          questions: final.questions.map((q) => ({ id: q.id, stem: q.stem, objective: final.objectives[q.id] ?? null })),
        },
      ],
      scenarios: [],
    };
    // Six members: objective 1 answered right 8 times of 12 (o1: 5 of 6, o2: 3 of 6), objective 2 (o3) 2 of 6.
    const answersOf = [
      ["vrai", "vrai", "vrai"],
      ["vrai", "vrai", "vrai"],
      ["vrai", "vrai", "faux"],
      ["vrai", "faux", "faux"],
      ["vrai", "faux", "faux"],
      ["faux", "faux", "faux"],
    ];
    for (const [index, answers] of answersOf.entries()) {
      const userId = await account(db, "STUDENT", `Membre ${index + 1}`);
      await joinCohort(db, userId, joinCode);
      const { attemptId } = await startAttempt(db, final, userId);
      for (const [position, value] of answers.entries()) {
        await answerQuestion(db, final, userId, {
          attemptId,
          questionId: `o${position + 1}`,
          form: new URLSearchParams([["reponse", value]]),
        });
      }
      // A second attempt, all right, is not counted: item analysis reads first attempts.
      if (index === 5) {
        const retry = await startAttempt(db, final, userId);
        for (const questionId of ["o1", "o2", "o3"])
          await answerQuestion(db, final, userId, {
            attemptId: retry.attemptId,
            questionId,
            form: new URLSearchParams([["reponse", "vrai"]]),
          });
      }
    }
    const rows = await loadCohortRows(db, id, "parcours-test", finalContent, (quizId, questionId) =>
      quizId === final.id ? final.questions.find((q) => q.id === questionId) : undefined,
    );
    const [summary] = quizSummaries(finalContent, learnerRows(finalContent, rows, { startsOn: null, dueOn: null }, new Date()), rows);
    expect(
      summary!.questions.map((q) => ({ id: q.questionId, objective: q.objective, answered: q.answered, correctShare: q.correctShare })),
    ).toEqual([
      { id: "o1", objective: 1, answered: 6, correctShare: 5 / 6 },
      { id: "o2", objective: 1, answered: 6, correctShare: 3 / 6 },
      { id: "o3", objective: 2, answered: 6, correctShare: 2 / 6 },
    ]);
    expect(summary!.objectives).toEqual([
      { number: 1, text: "Expliquer.", questions: 2, answers: 12, correctShare: 8 / 12, respondents: 6, hidden: false },
      { number: 2, text: "Classer.", questions: 1, answers: 6, correctShare: 2 / 6, respondents: 6, hidden: false },
    ]);
  });

  test("the certificates ZIP holds one intact PDF per member certified on the cohort's path, none revoked, none of outsiders", async () => {
    const { db } = get();
    const trainer = await account(db, "TRAINER");
    const { id, joinCode } = await createCohort(db, trainer, { name: "Certificats", pathId: "parcours-test" });
    const [helene, jules, revoked, otherPath, outsider] = await Promise.all(
      ["Hélène Lefèvre", "Jules Martin", "Révoqué", "Autre parcours", "Extérieur"].map((name) => account(db, "STUDENT", name)),
    );
    for (const userId of [helene, jules, revoked, otherPath]) await joinCohort(db, userId!, joinCode);
    const suffix = String(Date.now() % 10_000).padStart(4, "0");
    await certify(db, helene!, "Hélène Lefèvre", `AAAA${suffix}AAAAAAAAAAAAAAAAAAAA`);
    await certify(db, jules!, "Jules Martin", `BBBB${suffix}BBBBBBBBBBBBBBBBBBBB`);
    const gone = await certify(db, revoked!, "Révoqué", `CCCC${suffix}CCCCCCCCCCCCCCCCCCCC`);
    await db.certificate.update({ where: { id: gone.id }, data: { revokedAt: new Date(), revokedReason: "Erreur" } });
    await certify(db, otherPath!, "Autre parcours", `DDDD${suffix}DDDDDDDDDDDDDDDDDDDD`, "parcours-autre");
    await certify(db, outsider!, "Extérieur", `EEEE${suffix}EEEEEEEEEEEEEEEEEEEE`);

    const { zip, count } = await cohortCertificatesZip(db, id, "parcours-test", "https://exemple.fr");
    expect(count).toBe(2);
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual([`helene-lefevre-aaaa${suffix}.pdf`, `jules-martin-bbbb${suffix}.pdf`]);
    for (const bytes of Object.values(files)) expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
  });
});
