/**
 * The positioning on both databases: answers recorded per learner, path and moment; the entry
 * replaced until a lesson is completed and frozen afterwards; the exit only once every lesson is;
 * nobody reads another learner's answers, a trainer only their own cohort's; the cohort's
 * distribution hidden under 5 respondents; simultaneous submissions leave one row; the evidence
 * query returns the answers with their dates.
 */
import path from "node:path";
import { expect, test } from "vitest";
import { createCohort, joinCohort } from "~/cohorts/cohorts.server.ts";
import { MIN_RESPONDENTS } from "~/cohorts/dashboard.ts";
import { pathLessons, type Catalog, type Path } from "~/courses/catalog.ts";
import { loadCatalog } from "~/courses/load-catalog.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { loadCohortPlacementLevels, loadCohortPlacementSummary, loadMemberPlacement } from "~/placement/cohort-placement.server.ts";
import type { PlacementForm } from "~/placement/placement-rules.ts";
import { getMemberPlacements, getPlacements, placementEvidence, savePlacement } from "~/placement/placement.server.ts";
import { completeLesson } from "~/progress/progress.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

const { catalog } = loadCatalog(path.resolve("tests/fixtures/courses"));
const essai = catalog.paths.find((candidate) => candidate.id === "parcours-essai")!;
const lessonIds = pathLessons(catalog, essai).map(({ lesson }) => lesson.id);

/** Every objective of the path at `level`, and one diagnostic answer. */
function answers(level: number, answer = "Élue municipale"): PlacementForm {
  return {
    objectives: essai.objectives.map((objective) => ({ objective, level })),
    diagnostic: [{ id: "cadre", question: "Dans quel cadre ?", answer }],
  };
}

const save = (
  db: Db,
  userId: string,
  moment: "ENTRY" | "EXIT",
  values: PlacementForm,
  now = new Date(),
  p: Path = essai,
  c: Catalog = catalog,
) => savePlacement(db, { userId, catalog: c, path: p, moment, values, now });

/** Lessons completed as the lesson page completes them, within `pathId` (the essai path by default). */
async function completeLessons(db: Db, userId: string, ids: string[], pathId = essai.id) {
  for (const lessonId of ids) await completeLesson(db, { userId, lessonId, pathId });
}

describeEachDatabase("placement", (get) => {
  test("the entry is recorded, can be answered again before the first lesson is completed, and is frozen afterwards", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "positionnement" });
    const first = new Date("2027-03-01T09:00:00Z");
    expect((await save(db, learner, "ENTRY", answers(1), first)).ok).toBe(true);
    const later = new Date("2027-03-01T09:05:00Z");
    expect((await save(db, learner, "ENTRY", answers(2, "Agent territorial"), later)).ok).toBe(true);
    const { entry, exit } = await getPlacements(db, learner, essai.id);
    expect(exit).toBeNull();
    expect(entry).toMatchObject({ answeredAt: first, updatedAt: later, diagnostic: [{ answer: "Agent territorial" }] });
    expect(entry!.objectives.map((row) => row.level)).toEqual(essai.objectives.map(() => 2));

    await completeLessons(db, learner, lessonIds.slice(0, 1));
    expect(await save(db, learner, "ENTRY", answers(4))).toEqual({ ok: false, reason: "closed" });
    expect((await getPlacements(db, learner, essai.id)).entry!.objectives[0]!.level).toBe(2);
  });

  test("lessons completed in another path sharing them, before this one was started, leave the entry open", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "deux-parcours" });
    const draft = catalog.paths.find((candidate) => candidate.id === "parcours-brouillon")!;
    const shared = pathLessons(catalog, draft).map(({ lesson }) => lesson.id);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.every((id) => lessonIds.includes(id))).toBe(true);
    await completeLessons(db, learner, shared, draft.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Starting this path on a lesson already completed elsewhere: still where they start from.
    await completeLessons(db, learner, shared.slice(0, 1));
    expect((await save(db, learner, "ENTRY", answers(2))).ok).toBe(true);
    await completeLessons(db, learner, lessonIds.filter((id) => !shared.includes(id)).slice(0, 1));
    expect(await save(db, learner, "ENTRY", answers(3))).toEqual({ ok: false, reason: "closed" });
  });

  test("the exit opens only once every lesson of the path is completed", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "sortie" });
    expect(await save(db, learner, "EXIT", answers(3))).toEqual({ ok: false, reason: "closed" });
    await completeLessons(db, learner, lessonIds.slice(0, -1));
    expect(await save(db, learner, "EXIT", answers(3))).toEqual({ ok: false, reason: "closed" });
    await completeLessons(db, learner, lessonIds.slice(-1));
    expect((await save(db, learner, "EXIT", answers(3))).ok).toBe(true);
    expect((await save(db, learner, "EXIT", answers(4))).ok).toBe(true);
    expect((await getPlacements(db, learner, essai.id)).exit!.objectives.every((row) => row.level === 4)).toBe(true);
    expect(await db.placementResponse.count({ where: { userId: learner } })).toBe(1);
  });

  test("20 simultaneous submissions of the same entry leave one row, holding one of them whole", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "course" });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => save(db, learner, "ENTRY", answers((i % 4) + 1, `réponse ${i}`))),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const rows = await db.placementResponse.findMany({ where: { userId: learner } });
    expect(rows).toHaveLength(1);
    const { entry } = await getPlacements(db, learner, essai.id);
    // Never half of one submission and half of another: the levels and the answer come from the same one.
    const i = Number(entry!.diagnostic[0]!.answer.replace("réponse ", ""));
    expect(entry!.objectives.every((row) => row.level === (i % 4) + 1)).toBe(true);
  });

  test("a learner's answers reach only them and their own cohort's trainer", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "membre" });
    const stranger = await createLearner(db, { emailPrefix: "autre" });
    const trainer = await createLearner(db, { profile: "TRAINER", emailPrefix: "formatrice" });
    const otherTrainer = await createLearner(db, { profile: "TRAINER", emailPrefix: "autre-formatrice" });
    const cohort = await createCohort(db, trainer, { name: "Cohorte A", pathId: essai.id });
    const otherCohort = await createCohort(db, otherTrainer, { name: "Cohorte B", pathId: essai.id });
    await joinCohort(db, learner, cohort.joinCode);
    await save(db, learner, "ENTRY", answers(2));

    expect(await getPlacements(db, stranger, essai.id)).toEqual({ entry: null, exit: null });
    expect((await getMemberPlacements(db, trainer, cohort.id, learner, essai.id))?.entry?.objectives[0]?.level).toBe(2);
    // Another trainer: not through their own cohort, not by naming this one.
    expect(await getMemberPlacements(db, otherTrainer, otherCohort.id, learner, essai.id)).toBeNull();
    expect(await getMemberPlacements(db, otherTrainer, cohort.id, learner, essai.id)).toBeNull();
    expect(await loadMemberPlacement(db, otherTrainer, cohort.id, learner, essai)).toBeNull();
    expect((await loadCohortPlacementSummary(db, otherTrainer, cohort.id, essai)).entryRespondents).toBe(0);
    expect((await loadCohortPlacementLevels(db, otherTrainer, cohort.id, essai)).size).toBe(0);
    // A learner who is not a member, for the cohort's own trainer.
    await save(db, stranger, "ENTRY", answers(3));
    expect(await getMemberPlacements(db, trainer, cohort.id, stranger, essai.id)).toBeNull();
    expect([...(await loadCohortPlacementLevels(db, trainer, cohort.id, essai)).keys()]).toEqual([learner]);
  });

  test("the cohort's distribution shows from 5 respondents on, counting members only", async () => {
    const { db } = get();
    expect(MIN_RESPONDENTS).toBe(5);
    const trainer = await createLearner(db, { profile: "TRAINER", emailPrefix: "formateur" });
    const cohort = await createCohort(db, trainer, { name: "Cohorte C", pathId: essai.id });
    const members: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await createLearner(db, { emailPrefix: `c${i}` });
      await joinCohort(db, id, cohort.joinCode);
      members.push(id);
    }
    // Answers of people outside the cohort never make up the number.
    for (let i = 0; i < 3; i++) await save(db, await createLearner(db, { emailPrefix: `dehors${i}` }), "ENTRY", answers(1));
    for (const id of members.slice(0, 4)) await save(db, id, "ENTRY", answers(1));
    let summary = await loadCohortPlacementSummary(db, trainer, cohort.id, essai);
    expect(summary.entryRespondents).toBe(4);
    expect(summary.objectives.every((row) => row.entry === null && row.exit === null)).toBe(true);

    await save(db, members[4]!, "ENTRY", answers(3));
    summary = await loadCohortPlacementSummary(db, trainer, cohort.id, essai);
    expect(summary.objectives[0]!.entry).toEqual([4, 0, 1, 0]);
    expect(summary.objectives[0]!.exit).toBeNull();
  });

  test("the evidence query gives the entry and exit answers with their dates", async () => {
    const { db } = get();
    const learner = await createLearner(db, { emailPrefix: "preuve" });
    const at = new Date("2027-04-01T08:00:00Z");
    await save(db, learner, "ENTRY", answers(1), at);
    await completeLessons(db, learner, lessonIds);
    const end = new Date("2027-04-02T08:00:00Z");
    await save(db, learner, "EXIT", answers(3), end);
    const evidence = await placementEvidence(db, learner, essai.id);
    expect(evidence).toMatchObject({
      pathId: essai.id,
      entry: { answeredAt: at, updatedAt: at, diagnostic: [{ question: "Dans quel cadre ?", answer: "Élue municipale" }] },
      exit: { answeredAt: end, updatedAt: end },
    });
    expect(evidence.entry!.objectives).toEqual(essai.objectives.map((objective) => ({ objective, level: 1 })));
    expect(evidence.exit!.objectives.every((row) => row.level === 3)).toBe(true);
  });
});
