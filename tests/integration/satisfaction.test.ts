/**
 * The satisfaction questionnaire on both databases, through the routes people use: the path page's
 * « Obtenir mon certificat » leads to it, one response per learner and path whatever the number of
 * parallel posts, only with one's certificate, hostile input refused without a write; trainers see
 * their own cohort's aggregate only from 5 responses (another trainer: 404), and its CSV; admins
 * the platform's, without names; account deletion erases the response.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, expect, test, vi } from "vitest";
import type { Db } from "~/db/create-db.server.ts";
import { createLearner } from "../helpers/accounts.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => Promise<Response | unknown>;
interface RouteModule {
  loader?: Handler;
  action?: Handler;
}

const PATH_ID = "parcours-essai";
const ANSWERS = { objectivesMet: "4", clarity: "3", usefulness: "2", recommend: "4" };

describeEachDatabase("satisfaction", (get) => {
  let db: Db;
  const saved = { DATABASE_URL: process.env.DATABASE_URL, COURSES_DIR: process.env.COURSES_DIR };
  let route: (name: string) => Promise<RouteModule>;
  let cookieOf: (userId: string) => Promise<string>;
  let context: () => unknown;

  beforeAll(async () => {
    db = get().db;
    // The routes open their own client from DATABASE_URL: fresh modules on this test's database and the fixture course.
    process.env.DATABASE_URL = get().url;
    process.env.COURSES_DIR = path.resolve("tests/fixtures/courses");
    (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
    vi.resetModules();
    const { lucia } = await import("~/auth/session.server.ts");
    const { createRequestContext } = await import("~/server/load-context.ts");
    route = async (name) => (await import(`~/routes/${name}`)) as RouteModule;
    cookieOf = async (userId) => {
      const cookie = lucia.createSessionCookie((await lucia.createSession(userId, {})).id);
      return `${cookie.name}=${cookie.value}`;
    };
    context = () => createRequestContext("203.0.113.9");
  });

  afterAll(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
  });

  /** Calls a loader or action as the browser would; a thrown Response is returned. */
  async function call(
    name: string,
    kind: "loader" | "action",
    {
      url,
      cookie,
      params = {},
      form,
    }: { url: string; cookie?: string; params?: Record<string, string>; form?: Record<string, string> | string },
  ): Promise<Response> {
    const module = await route(name);
    const init: RequestInit = { method: kind === "action" ? "POST" : "GET", headers: cookie ? { Cookie: cookie } : {} };
    if (form !== undefined) {
      init.body = typeof form === "string" ? form : new URLSearchParams(form).toString();
      (init.headers as Record<string, string>)["Content-Type"] = "application/x-www-form-urlencoded";
    }
    try {
      const result = await module[kind]!({ request: new Request(`http://localhost${url}`, init), params, context: context() } as never);
      return result instanceof Response ? result : Response.json(result);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  }

  async function certify(userId: string, pathId = PATH_ID) {
    const code = randomUUID().replace(/-/g, "").slice(0, 28).toUpperCase();
    return db.certificate.create({
      data: {
        userId,
        pathId,
        code,
        learnerName: "Nom Caché",
        pathTitle: "Parcours d'essai",
        nominalMinutes: 20,
        activeSeconds: 1200,
        firstActivityAt: new Date("2027-01-04T09:00:00Z"),
        completedAt: new Date("2027-01-05T09:00:00Z"),
        finalScore: 90,
        objectives: "[]",
        issuer: "Apprendre à faire alliance",
        payload: "{}",
        signature: "signature",
        keyId: "cle",
      },
    });
  }

  const answer = (cookie: string, form: Record<string, string> | string = ANSWERS) =>
    call("parcours.$parcours.avis", "action", { url: "/parcours/essai/avis", cookie, params: { parcours: "essai" }, form });
  const rowsOf = (userId: string) => db.satisfactionResponse.findMany({ where: { userId } });

  test("the eligible learner's « Obtenir mon certificat » issues the certificate, then asks the questionnaire", async () => {
    const { pathRequirements } = await import("~/certificates/certificates.server.ts");
    const { getCatalog } = await import("~/content/catalog.server.ts");
    const { findPathBySlug } = await import("~/courses/catalog.ts");
    const requirements = await pathRequirements(findPathBySlug(getCatalog(), "essai")!);
    const userId = await createLearner(db, { name: "Lina Éligible", profile: "ELECTED_OFFICIAL" });
    const day = new Date("2027-01-05T09:00:00Z");
    await db.pathEnrollment.create({ data: { userId, pathId: PATH_ID, startedAt: day, lastVisitedAt: day } });
    for (const lessonId of requirements.lessonIds) {
      await db.lessonProgress.create({
        data: { userId, lessonId, startedAt: day, completedAt: day, activeSeconds: 3600, lastActiveAt: day },
      });
    }
    await db.quizAttempt.create({
      data: {
        userId,
        quizId: requirements.finalAssessmentId!,
        number: 1,
        layout: "[]",
        startedAt: day,
        submittedAt: day,
        score: 100,
        passed: true,
      },
    });
    for (const scenarioId of [...requirements.scenarioIds, ...(requirements.scenarioChoices ?? []).map((group) => group[0]!)]) {
      await db.simulationRun.create({ data: { userId, scenarioId, startedAt: day, finishedAt: day, endingId: "fin", finalState: "{}" } });
    }
    const cookie = await cookieOf(userId);
    // Before the certificate, the questionnaire is closed.
    expect(
      (await call("parcours.$parcours.avis", "loader", { url: "/parcours/essai/avis", cookie, params: { parcours: "essai" } })).status,
    ).toBe(403);
    const claimed = await call("parcours.$parcours._index", "action", { url: "/parcours/essai", cookie, params: { parcours: "essai" } });
    expect(claimed.status).toBe(302);
    expect(claimed.headers.get("Location")).toBe("/parcours/essai/avis");
    const certificate = await db.certificate.findFirstOrThrow({ where: { userId, pathId: PATH_ID } });
    // The page: the skip link to the certificate, the usefulness question in the élu's words.
    const page = await call("parcours.$parcours.avis", "loader", { url: "/parcours/essai/avis", cookie, params: { parcours: "essai" } });
    const data = (await page.json()) as { certificateUrl: string; answeredAt: string | null; questions: Array<{ text: string }> };
    expect(data).toMatchObject({ certificateUrl: `/certificats/${certificate.id}`, answeredAt: null });
    expect(data.questions.map((q) => q.text)).toContain("Ce parcours vous sera-t-il utile pour votre mandat\u00A0?");
    expect(await rowsOf(userId)).toEqual([]);
  }, 60_000);

  test("one response per learner and path under 20 parallel posts; the evidence says when", async () => {
    const { satisfactionEvidence } = await import("~/satisfaction/satisfaction.server.ts");
    const userId = await createLearner(db, { profile: "CIVIL_SERVANT" });
    const certificate = await certify(userId);
    const cookie = await cookieOf(userId);
    expect(await satisfactionEvidence(db, userId, PATH_ID)).toBeNull();
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => answer(cookie, { ...ANSWERS, comment: `Envoi ${index}` })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(302));
    expect(new Set(responses.map((response) => response.headers.get("Location")))).toEqual(new Set([`/certificats/${certificate.id}`]));
    const rows = await rowsOf(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pathId: PATH_ID, profile: "CIVIL_SERVANT", objectivesMet: 4, clarity: 3, usefulness: 2, recommend: 4 });
    expect(rows[0]!.comment).toMatch(/^Envoi \d+$/);
    // Not editable: a later post changes nothing.
    expect((await answer(cookie, { ...ANSWERS, clarity: "1" })).status).toBe(302);
    expect((await rowsOf(userId))[0]).toEqual(rows[0]);
    expect(await satisfactionEvidence(db, userId, PATH_ID)).toEqual({ answeredAt: rows[0]!.answeredAt });
    expect(await satisfactionEvidence(db, userId, "parcours-projet")).toBeNull();
  }, 60_000);

  test("refused without a write: no certificate, a revoked one, bad answers, hostile field names; a userId in the form is ignored", async () => {
    const userId = await createLearner(db);
    const cookie = await cookieOf(userId);
    // Without a certificate of this path (another path's does not count), or signed out.
    await certify(userId, "parcours-projet");
    expect((await answer(cookie)).status).toBe(403);
    expect((await answer("")).status).toBe(302); // to the sign-in page
    // A certificate of the path, revoked: still closed.
    const certificate = await certify(userId);
    await db.certificate.update({ where: { id: certificate.id }, data: { revokedAt: new Date(), revokedReason: "Test" } });
    expect((await answer(cookie)).status).toBe(403);
    await db.certificate.update({ where: { id: certificate.id }, data: { revokedAt: null, revokedReason: null } });
    // Bad answers: 400 with the messages next to their fields.
    const missing = await answer(cookie, { objectivesMet: "4", clarity: "5", usefulness: "2" });
    expect(missing.status).toBe(400);
    const reply = (await missing.json()) as { error: Record<string, string[]> };
    expect(reply.error).toMatchObject({ clarity: ["Choisissez l'une des quatre réponses."], recommend: ["Choisissez une réponse."] });
    const long = await answer(cookie, { ...ANSWERS, comment: "x".repeat(2001) });
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: Record<string, string[]> }).error.comment).toEqual([
      "Votre commentaire compte au plus 2\u00A0000 caractères.",
    ]);
    // Field names a form library would read as paths or prototypes.
    for (const hostile of [
      "objectivesMet%5B99999999%5D=4&clarity=3&usefulness=2&recommend=4",
      "objectivesMet=4&clarity=3&usefulness=2&recommend=4&__proto__=x",
      "objectivesMet=4&clarity=3&usefulness=2&recommend=4&comment.a.a.a=x",
      "objectivesMet=4&clarity=3&usefulness=2&recommend=4&userId=autre&pathId=autre",
    ]) {
      const response = await answer(cookie, hostile);
      if (hostile.includes("userId=")) {
        // Allowed names the schema ignores: the response is the signed-in learner's, for this path.
        expect(response.status).toBe(302);
      } else {
        expect(response.status, hostile).toBe(400);
        expect(await rowsOf(userId)).toEqual([]);
      }
    }
    expect(await rowsOf(userId)).toMatchObject([{ pathId: PATH_ID, userId }]);
    expect(await db.satisfactionResponse.count({ where: { pathId: "autre" } })).toBe(0);
  }, 60_000);

  test("trainers: their cohort's aggregate only from 5 responses, comments without names; another trainer gets 404; CSV", async () => {
    const { createCohort, joinCohort } = await import("~/cohorts/cohorts.server.ts");
    const { recordSatisfaction } = await import("~/satisfaction/satisfaction.server.ts");
    const trainer = await createLearner(db, { profile: "TRAINER" });
    const otherTrainer = await createLearner(db, { profile: "TRAINER" });
    await db.user.updateMany({ where: { id: { in: [trainer, otherTrainer] } }, data: { role: "TRAINER" } });
    const cohort = await createCohort(db, trainer, { name: "Élus 2027", pathId: PATH_ID });
    await createCohort(db, otherTrainer, { name: "Autre", pathId: PATH_ID });
    const members: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const userId = await createLearner(db, { name: `Membre Secret ${index}` });
      await joinCohort(db, userId, cohort.joinCode);
      members.push(userId);
    }
    const respond = (userId: string, pathId: string, comment: string | null, clarity = 3) =>
      recordSatisfaction(
        db,
        { userId, pathId, profile: "STUDENT" },
        { objectivesMet: 4, clarity: clarity as 3, usefulness: 3, recommend: 4, comment },
      );
    for (const [index, userId] of members.slice(0, 4).entries()) await respond(userId, PATH_ID, index === 0 ? '=cmd|" /C calc"!A0' : null);
    // Not counted: a member's response for another path, and a non-member's for this one.
    await respond(members[4]!, "parcours-projet", "Autre parcours");
    await respond(await createLearner(db), PATH_ID, "Hors cohorte");

    const dashboard = (cookie: string) =>
      call("formateur.cohortes.$id._index", "loader", { url: `/formateur/cohortes/${cohort.id}`, cookie, params: { id: cohort.id } });
    const csv = (cookie: string) =>
      call("formateur.cohortes.$id.satisfaction[.csv]", "loader", {
        url: `/formateur/cohortes/${cohort.id}/satisfaction.csv`,
        cookie,
        params: { id: cohort.id },
      });
    const trainerCookie = await cookieOf(trainer);
    const summaryOf = async () =>
      ((await (await dashboard(trainerCookie)).json()) as { satisfaction: Record<string, unknown> }).satisfaction;
    expect(await summaryOf()).toEqual({ responses: 4, hidden: true });
    expect((await csv(trainerCookie)).status).toBe(403);

    await respond(members[4]!, PATH_ID, "Très clair.", 1);
    const summary = (await summaryOf()) as {
      responses: number;
      hidden: boolean;
      comments: string[];
      questions: Array<{ id: string; counts: Array<{ count: number }> }>;
    };
    expect(summary).toMatchObject({ responses: 5, hidden: false, comments: ['=cmd|" /C calc"!A0', "Très clair."] });
    expect(summary.questions.find((q) => q.id === "clarity")!.counts.map((c) => c.count)).toEqual([1, 0, 4, 0]);
    expect(JSON.stringify(summary)).not.toMatch(/Membre Secret|userId|Hors cohorte|Autre parcours/);

    const file = await csv(trainerCookie);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="satisfaction-cohorte-elus-2027.csv"');
    const lines = (await file.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Date de réponse;Objectifs atteints \(1 = pas du tout, 4 = tout à fait\);Clarté/);
    expect(lines).toHaveLength(6);
    expect(lines.join("\n")).not.toMatch(/Membre Secret|Hors cohorte/);
    expect(lines.some((line) => line.endsWith(`;"'=cmd|"" /C calc""!A0"`))).toBe(true);

    // Another trainer, a learner of the cohort, a made-up id: nothing.
    const otherCookie = await cookieOf(otherTrainer);
    expect((await dashboard(otherCookie)).status).toBe(404);
    expect((await csv(otherCookie)).status).toBe(404);
    expect((await csv(await cookieOf(members[0]!))).status).toBe(403);
    expect(
      (
        await call("formateur.cohortes.$id.satisfaction[.csv]", "loader", {
          url: "/formateur/cohortes/inconnue/satisfaction.csv",
          cookie: trainerCookie,
          params: { id: "inconnue" },
        })
      ).status,
    ).toBe(404);
  }, 60_000);

  test("admins: the platform page and CSV, per path, no names; nobody else; a deleted account's response goes with it", async () => {
    const admin = await createLearner(db, { name: "Ada Admin" });
    await db.user.update({ where: { id: admin }, data: { role: "ADMIN" } });
    const trainer = await createLearner(db, { profile: "TRAINER" });
    await db.user.update({ where: { id: trainer }, data: { role: "TRAINER" } });
    const leaving = await createLearner(db, { name: "Personne Élue", profile: "ELECTED_OFFICIAL" });
    const { recordSatisfaction } = await import("~/satisfaction/satisfaction.server.ts");
    await recordSatisfaction(
      db,
      { userId: leaving, pathId: "parcours-projet", profile: "ELECTED_OFFICIAL" },
      {
        objectivesMet: 2,
        clarity: 2,
        usefulness: 1,
        recommend: 1,
        comment: "Trop long; trop court\nà la fois",
      },
    );
    const gone = await createLearner(db, { name: "Personne Partie" });
    await recordSatisfaction(
      db,
      { userId: gone, pathId: "parcours-projet", profile: "STUDENT" },
      {
        objectivesMet: 1,
        clarity: 1,
        usefulness: 1,
        recommend: 1,
        comment: "Effacé avec le compte",
      },
    );
    await db.user.delete({ where: { id: gone } });
    expect(await db.satisfactionResponse.count({ where: { userId: gone } })).toBe(0);

    const page = (cookie: string) => call("admin.satisfaction", "loader", { url: "/admin/satisfaction", cookie });
    const csv = (cookie: string) => call("admin.satisfaction[.csv]", "loader", { url: "/admin/satisfaction.csv", cookie });
    for (const cookie of [await cookieOf(trainer), await cookieOf(await createLearner(db))]) {
      expect((await page(cookie)).status).toBe(403);
      expect((await csv(cookie)).status).toBe(403);
    }
    const adminCookie = await cookieOf(admin);
    const total = await db.satisfactionResponse.count();
    const data = (await (await page(adminCookie)).json()) as {
      total: number;
      paths: Array<{ pathId: string; summary: { responses: number } }>;
    };
    expect(data.total).toBe(total);
    expect(data.paths.find((entry) => entry.pathId === PATH_ID)!.summary.responses).toBe(
      await db.satisfactionResponse.count({ where: { pathId: PATH_ID } }),
    );
    const file = await csv(adminCookie);
    expect(file.status).toBe(200);
    const text = (await file.text()).replace(/^\uFEFF/, "");
    const lines = text.trimEnd().split("\r\n");
    expect(lines[0]).toMatch(/^Parcours;Date de réponse;Profil;Objectifs atteints/);
    expect(text.match(/\r\n/g)).toHaveLength(total + 1);
    expect(text).toContain(';Élu·e;2;2;1;1;"Trop long; trop court\nà la fois"');
    expect(text).not.toMatch(/Personne|Membre Secret|Lina|@exemple\.fr|Effacé avec le compte/);
  }, 60_000);
});
