/**
 * Final projects on both databases: created once (pre-filled from workshop reflections), saved
 * field by field without losing a concurrent save, submitted only when complete, required for the
 * path's certificate, and read and commented only by the trainer of a cohort the learner joined.
 */
import { expect, test } from "vitest";
import type { PathRequirements } from "~/certificates/eligibility.ts";
import { issueCertificateIfEligible, type CertifiablePath } from "~/certificates/issuance.server.ts";
import { generateSigningKeyPem, signingKeyFromPem } from "~/certificates/signing.server.ts";
import { createCohort, joinCohort } from "~/cohorts/cohorts.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { PROJECT } from "~/projects/project-test-fixture.ts";
import {
  addProjectComment,
  getMemberProject,
  getProject,
  openProject,
  saveAnswers,
  saveAssessment,
  submitProject,
} from "~/projects/project.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const DEFINITION = {
  ...PROJECT,
  steps: PROJECT.steps.map((step, index) =>
    index === 0 ? { ...step, fields: step.fields.map((f) => (f.id === "defi" ? { ...f, prefillFrom: "l15-2-defi" } : f)) } : step,
  ),
};
const account = (db: Db, profile: "STUDENT" | "TRAINER" = "STUDENT") =>
  createLearner(db, { name: "Personne", profile, emailPrefix: "projet" });
const COMPLETE = { defi: "L'isolement des aînés.", besoins: "Transport, visites, numérique.", actions: "Réunir le CCAS en mars." };
const GRID = { c1: { level: 3, justification: "Besoins sourcés." }, c2: { level: 2, justification: "Une première action." } };

describeEachDatabase("final projects", (get) => {
  test("the first visit creates one project, pre-filled from the workshop reflection, even when concurrent", async () => {
    const { db } = get();
    const userId = await account(db);
    await db.reflectionAnswer.create({
      data: { userId, reflectionId: "l15-2-defi", lessonId: "l15-2", answer: "  Trois villages sans transport.  " },
    });
    const opened = await Promise.all([
      openProject(db, userId, DEFINITION),
      openProject(db, userId, DEFINITION),
      openProject(db, userId, DEFINITION),
    ]);
    expect(new Set(opened.map((p) => p.id)).size).toBe(1);
    expect(opened[0]!.answers).toEqual({ defi: "Trois villages sans transport." });
    expect(await db.finalProject.count({ where: { userId } })).toBe(1);
    // Editing the reflection later does not overwrite the project.
    await saveAnswers(db, userId, DEFINITION, { defi: "Mon défi revu." });
    await db.reflectionAnswer.update({
      where: { userId_reflectionId: { userId, reflectionId: "l15-2-defi" } },
      data: { answer: "Autre chose." },
    });
    expect((await getProject(db, userId, DEFINITION.id))!.answers.defi).toBe("Mon défi revu.");
  });

  test("two saves at once of different steps both land; unknown fields are ignored", async () => {
    const { db } = get();
    const userId = await account(db);
    await openProject(db, userId, DEFINITION);
    await Promise.all([
      saveAnswers(db, userId, DEFINITION, { defi: "A", besoins: "B" }),
      saveAnswers(db, userId, DEFINITION, { actions: "C", "champ-pirate": "x" }),
    ]);
    expect((await getProject(db, userId, DEFINITION.id))!.answers).toEqual({ defi: "A", besoins: "B", actions: "C" });
    expect(await db.finalProjectAnswer.count({ where: { fieldId: "champ-pirate" } })).toBe(0);
  });

  test("submission is refused until every step and criterion is filled; then it is dated once", async () => {
    const { db } = get();
    const userId = await account(db);
    await saveAnswers(db, userId, DEFINITION, { defi: "A" });
    const refused = await submitProject(db, userId, DEFINITION);
    expect(refused).toEqual({
      ok: false,
      blockers: [
        expect.objectContaining({ stepId: "diagnostic" }),
        expect.objectContaining({ stepId: "premiers-pas" }),
        { kind: "grille", missing: 2 },
      ],
    });
    expect((await getProject(db, userId, DEFINITION.id))!.submittedAt).toBeNull();

    await saveAnswers(db, userId, DEFINITION, COMPLETE);
    await saveAssessment(db, userId, DEFINITION, GRID);
    const first = await submitProject(db, userId, DEFINITION, new Date("2027-03-01T10:00:00Z"));
    const again = await submitProject(db, userId, DEFINITION, new Date("2027-03-05T10:00:00Z"));
    expect(first).toEqual({ ok: true, submittedAt: new Date("2027-03-01T10:00:00Z") });
    expect(again).toEqual(first);
    // Revising after submission keeps the submission date.
    await saveAnswers(db, userId, DEFINITION, { actions: "Réunir le CCAS en avril." });
    expect((await getProject(db, userId, DEFINITION.id))!.submittedAt).toEqual(new Date("2027-03-01T10:00:00Z"));
  });

  test("a path with a final project certifies only once it is submitted", async () => {
    const { db } = get();
    const userId = await account(db);
    const path: CertifiablePath = {
      id: "parcours-projet",
      title: "Concevoir sa démarche",
      nominalMinutes: 720,
      objectives: ["Concevoir."],
      draft: false,
    };
    const requirements: PathRequirements = {
      lessonIds: ["l1"],
      finalAssessmentId: "final",
      scenarioIds: [],
      finalProjectId: DEFINITION.id,
    };
    const context = {
      siteUrl: "https://exemple.fr",
      issuer: "Apprendre à faire alliance",
      key: signingKeyFromPem(generateSigningKeyPem()),
    };
    await db.lessonProgress.create({ data: { userId, lessonId: "l1", completedAt: new Date() } });
    await db.quizAttempt.create({
      data: { userId, quizId: "final", number: 1, layout: "[]", submittedAt: new Date(), score: 90, passed: true },
    });
    await saveAnswers(db, userId, DEFINITION, COMPLETE);
    const before = await issueCertificateIfEligible(db, userId, path, requirements, context);
    expect(before.certificate).toBeNull();
    expect(before.eligibility).toMatchObject({ eligible: false, missing: [{ kind: "projet", state: "en-cours" }] });
    await saveAssessment(db, userId, DEFINITION, GRID);
    await submitProject(db, userId, DEFINITION);
    expect((await issueCertificateIfEligible(db, userId, path, requirements, context)).certificate).not.toBeNull();
  });

  test("only the trainer of a cohort the learner joined reads the project and comments on it", async () => {
    const { db } = get();
    const [trainer, other, learner, outsider] = [
      await account(db, "TRAINER"),
      await account(db, "TRAINER"),
      await account(db),
      await account(db),
    ];
    const cohort = await createCohort(db, trainer, { name: "Master 2", pathId: "parcours-12h" });
    const otherCohort = await createCohort(db, other, { name: "Autre", pathId: "parcours-12h" });
    await joinCohort(db, learner, cohort.joinCode);
    await joinCohort(db, outsider, otherCohort.joinCode);
    await saveAnswers(db, learner, DEFINITION, COMPLETE);
    await saveAnswers(db, outsider, DEFINITION, COMPLETE);

    expect((await getMemberProject(db, trainer, cohort.id, learner, DEFINITION.id))?.answers).toEqual(COMPLETE);
    expect(await getMemberProject(db, other, cohort.id, learner, DEFINITION.id)).toBeNull();
    expect(await getMemberProject(db, trainer, cohort.id, outsider, DEFINITION.id)).toBeNull();
    expect(await getMemberProject(db, other, otherCohort.id, learner, DEFINITION.id)).toBeNull();

    expect(await addProjectComment(db, other, cohort.id, learner, DEFINITION.id, "Intrusion")).toBe(false);
    expect(await addProjectComment(db, trainer, cohort.id, outsider, DEFINITION.id, "Intrusion")).toBe(false);
    expect(await addProjectComment(db, trainer, cohort.id, learner, DEFINITION.id, "Précisez les sources du diagnostic.")).toBe(true);
    const seen = await getProject(db, learner, DEFINITION.id);
    expect(seen!.comments.map((c) => c.body)).toEqual(["Précisez les sources du diagnostic."]);
    expect((await getProject(db, outsider, DEFINITION.id))!.comments).toEqual([]);
  });
});
