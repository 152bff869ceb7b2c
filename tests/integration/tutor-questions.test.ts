/**
 * Questions to a tutor on SQLite and PostgreSQL: routing to the cohort's trainer or the référent
 * pédagogique (and their e-mails), who may read and answer what, one answer whatever the race, the
 * evidence for the relevé d'activité; then the routes themselves, called as each person would: a
 * trainer of another cohort gets a 404, a learner sees only their own questions, hostile field names
 * and bad input are refused without saving anything.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { createCohort, joinCohort, setCohortArchived } from "~/cohorts/cohorts.server.ts";
import type { Catalog } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { EMPTY_SETTINGS, type OrganisationSettings } from "~/organisation/organisation-settings.ts";
import {
  answerQuestion,
  askQuestion,
  listInbox,
  listLearnerQuestions,
  loadQuestionEvidence,
  type Tutor,
} from "~/questions/questions.server.ts";
import { createLearner, createTestAccount } from "../helpers/accounts.ts";
import { capturingMailer } from "../helpers/capturing-mailer.ts";
import { describeEachDatabase, openTestDatabase, testProviders, type TestDatabase } from "../helpers/each-database.ts";

const SITE = "https://alliances.exemple.fr";
const SETTINGS: OrganisationSettings = {
  ...EMPTY_SETTINGS,
  answerDelay: "2 jours ouvrés",
  pedagogicalContact: { name: "Rémi Référent", email: "referent@exemple.fr" },
};
const CATALOG: Catalog = { sources: [], glossary: [], paths: [], modules: [], lessons: [] };
const PATH = { id: "parcours-1h", title: "Découvrir" };
const LESSON = { id: "lecon-pourquoi", title: "Pourquoi s'allier" };

async function trainer(db: Db, role: "TRAINER" | "ADMIN" = "TRAINER"): Promise<Tutor & { email: string }> {
  const { userId, email } = await createTestAccount(db, { name: "Théo Formateur", profile: "TRAINER", emailPrefix: "tuteur" });
  await db.user.update({ where: { id: userId }, data: { role } });
  return { id: userId, role, email };
}

describeEachDatabase("tutor questions", (get) => {
  const ask = async (
    db: Db,
    mailer: ReturnType<typeof capturingMailer>,
    learnerId: string,
    body: string,
    pathId = PATH.id,
    settings = SETTINGS,
  ) =>
    askQuestion(
      db,
      mailer,
      { learner: { id: learnerId, name: "Lina" }, path: { ...PATH, id: pathId }, lesson: LESSON, body },
      settings,
      SITE,
    );

  test("a cohort member's question goes to their trainer, by e-mail too; another learner's to the référent", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const theo = await trainer(db);
    const cohort = await createCohort(db, theo.id, { name: "Élus 2027", pathId: PATH.id });
    const member = await createLearner(db);
    const alone = await createLearner(db);
    await joinCohort(db, member, cohort.joinCode);

    const routed = await ask(db, mailer, member, "Qu'est-ce qu'un catalyseur territorial ?");
    expect(routed.cohortId).toBe(cohort.id);
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]!.to).toBe(theo.email);
    expect(mailer.sent[0]!.text).toContain("Qu'est-ce qu'un catalyseur territorial ?");
    expect(mailer.sent[0]!.text).toContain(`${SITE}/formateur/questions`);
    expect(mailer.sent[0]!.text).toContain("2 jours ouvrés");

    const toReferent = await ask(db, mailer, alone, "Et sans cohorte ?");
    expect(toReferent.cohortId).toBeNull();
    expect(mailer.sent[1]!.to).toBe("referent@exemple.fr");

    const stored = await db.tutorQuestion.findUniqueOrThrow({ where: { id: routed.id } });
    expect(stored).toMatchObject({ learnerId: member, pathId: PATH.id, lessonId: LESSON.id, answerDelay: "2 jours ouvrés" });
    expect(stored.askedAt).toBeInstanceOf(Date);
  });

  test("a cohort of another path does not route; without a référent's address nobody is e-mailed, admins still see it", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const theo = await trainer(db);
    const admin = await trainer(db, "ADMIN");
    const cohort = await createCohort(db, theo.id, { name: "Autre parcours", pathId: "parcours-4h" });
    const learner = await createLearner(db);
    await joinCohort(db, learner, cohort.joinCode);
    const question = await ask(db, mailer, learner, "Sur le 1 h", PATH.id, {
      ...SETTINGS,
      pedagogicalContact: { name: null, email: null },
    });
    expect(question.cohortId).toBeNull();
    expect(mailer.sent).toEqual([]);
    expect((await listInbox(db, admin)).waiting.map((q) => q.id)).toContain(question.id);
    expect((await listInbox(db, theo)).waiting.map((q) => q.id)).not.toContain(question.id);
  });

  test("an archived cohort still routes when it is the only one; an open one wins over it", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const before = await trainer(db);
    const now = await trainer(db);
    const old = await createCohort(db, before.id, { name: "Session d'automne", pathId: PATH.id });
    const learner = await createLearner(db);
    await joinCohort(db, learner, old.joinCode);
    await setCohortArchived(db, before.id, old.id, true);
    expect((await ask(db, mailer, learner, "Encore une question")).cohortId).toBe(old.id);
    const current = await createCohort(db, now.id, { name: "Session d'hiver", pathId: PATH.id });
    await joinCohort(db, learner, current.joinCode);
    expect((await ask(db, mailer, learner, "Et maintenant ?")).cohortId).toBe(current.id);
  });

  test("a trainer reads and answers only their cohorts' questions; an admin the référent's, and all on demand", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const mine = await trainer(db);
    const other = await trainer(db);
    const admin = await trainer(db, "ADMIN");
    const cohort = await createCohort(db, mine.id, { name: "La mienne", pathId: PATH.id });
    const member = await createLearner(db);
    await joinCohort(db, member, cohort.joinCode);
    const inCohort = await ask(db, mailer, member, "Question de cohorte");
    const solo = await ask(db, mailer, await createLearner(db), "Question sans cohorte");

    const ids = async (tutor: Tutor, scope: "mine" | "all" = "mine") => (await listInbox(db, tutor, scope)).waiting.map((q) => q.id);
    expect(await ids(mine)).toContain(inCohort.id);
    expect(await ids(mine)).not.toContain(solo.id);
    expect(await ids(other)).toEqual(expect.not.arrayContaining([inCohort.id, solo.id]));
    expect(await ids(other, "all")).toEqual(expect.not.arrayContaining([inCohort.id, solo.id]));
    expect(await ids(admin)).toContain(solo.id);
    expect(await ids(admin)).not.toContain(inCohort.id);
    expect(await ids(admin, "all")).toEqual(expect.arrayContaining([inCohort.id, solo.id]));

    const answer = (tutor: Tutor, questionId: string) =>
      answerQuestion(db, mailer, { tutor, questionId, body: "Voici.", catalog: CATALOG }, SITE);
    expect(await answer(other, inCohort.id)).toEqual({ status: "introuvable" });
    expect(await answer(mine, solo.id)).toEqual({ status: "introuvable" });
    expect(await answer({ id: member, role: "LEARNER" }, inCohort.id)).toEqual({ status: "introuvable" });
    expect(await db.tutorAnswer.count({ where: { questionId: { in: [inCohort.id, solo.id] } } })).toBe(0);
    expect(await answer(admin, solo.id)).toEqual({ status: "repondue" });
    expect(await answer(mine, inCohort.id)).toEqual({ status: "repondue" });
  });

  test("the answer reaches the learner's list and their mailbox, with its time and the delay promised", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const theo = await trainer(db);
    const cohort = await createCohort(db, theo.id, { name: "Cohorte", pathId: PATH.id });
    const { userId: learner, email } = await createTestAccount(db, { name: "Lina" });
    await joinCohort(db, learner, cohort.joinCode);
    const asked = new Date("2027-01-04T09:00:00Z");
    const { id } = await askQuestion(
      db,
      mailer,
      { learner: { id: learner, name: "Lina" }, path: PATH, lesson: LESSON, body: "Pourquoi ?" },
      SETTINGS,
      SITE,
      asked,
    );
    const catalog = { ...CATALOG, lessons: [{ id: LESSON.id, title: LESSON.title }] } as unknown as Catalog;
    const answeredAt = new Date("2027-01-05T15:30:00Z");
    expect(await answerQuestion(db, mailer, { tutor: theo, questionId: id, body: "Parce que.", catalog }, SITE, answeredAt)).toEqual({
      status: "repondue",
    });
    const [listed] = await listLearnerQuestions(db, learner);
    expect(listed).toMatchObject({ id, body: "Pourquoi ?", answerDelay: "2 jours ouvrés", answer: { body: "Parce que.", answeredAt } });
    const mail = mailer.sent.find((sent) => sent.to === email)!;
    expect(mail.subject).toBe("Réponse à votre question");
    expect(mail.text).toContain("Parce que.");
    expect(mail.text).toContain("Pourquoi s'allier");
    expect(mail.text).toContain(`${SITE}/questions`);
    expect(await loadQuestionEvidence(db, learner, PATH.id)).toEqual([{ askedAt: asked, answeredAt, delayHours: 30.5 }]);
    expect(await loadQuestionEvidence(db, learner, "parcours-4h")).toEqual([]);
  });

  test("25 answers at once to one question store one answer and send one e-mail", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const theo = await trainer(db);
    const admin = await trainer(db, "ADMIN");
    const cohort = await createCohort(db, theo.id, { name: "Course", pathId: PATH.id });
    const learner = await createLearner(db);
    await joinCohort(db, learner, cohort.joinCode);
    const { id } = await ask(db, mailer, learner, "Qui répond le premier ?");
    const sentBefore = mailer.sent.length;
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        answerQuestion(db, mailer, { tutor: i % 2 ? admin : theo, questionId: id, body: `Réponse ${i}`, catalog: CATALOG }, SITE),
      ),
    );
    expect(results.filter((result) => result.status === "repondue")).toHaveLength(1);
    expect(results.filter((result) => result.status === "deja-repondue")).toHaveLength(24);
    expect(await db.tutorAnswer.count({ where: { questionId: id } })).toBe(1);
    expect(mailer.sent.length - sentBefore).toBe(1);
  });

  test("a learner's list holds only their own questions", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const lina = await createLearner(db);
    const noe = await createLearner(db);
    await ask(db, mailer, lina, "Question de Lina");
    await ask(db, mailer, noe, "Question de Noé");
    expect((await listLearnerQuestions(db, lina)).map((q) => q.body)).toEqual(["Question de Lina"]);
  });

  test("the learner's account deleted, their questions go with it", async () => {
    const { db } = get();
    const mailer = capturingMailer();
    const learner = await createLearner(db);
    const { id } = await ask(db, mailer, learner, "À effacer");
    await db.user.delete({ where: { id: learner } });
    expect(await db.tutorQuestion.findUnique({ where: { id } })).toBeNull();
  });
});

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
type Action = (args: ActionFunctionArgs) => Promise<unknown>;

/** The status and body a route answers, whether it returned or threw its Response. */
async function call(run: () => Promise<unknown>): Promise<{ status: number; body: string }> {
  try {
    const result = await run();
    return result instanceof Response
      ? { status: result.status, body: await result.text() }
      : { status: 200, body: JSON.stringify(result) };
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    return { status: thrown.status, body: await thrown.text() };
  }
}

for (const provider of testProviders()) {
  describe(`tutor question routes [${provider}]`, () => {
    let database: TestDatabase & { close(): Promise<void> };
    let db: Db;
    let outbox: string;
    const saved = { ...process.env };
    const cookies: Record<string, string> = {};
    const ids: Record<string, string> = {};
    let routes: { ask: { loader: Loader; action: Action }; mine: { loader: Loader }; inbox: { loader: Loader; action: Action } };
    let context: () => AppLoadContext;

    const form = (fields: Array<[string, string]>) => new URLSearchParams(fields).toString();
    const post = (url: string, who: string, body: string) =>
      new Request(`http://localhost${url}`, {
        method: "POST",
        headers: { Cookie: cookies[who]!, "Content-Type": "application/x-www-form-urlencoded" },
        body,
      });
    const get = (url: string, who: string) => new Request(`http://localhost${url}`, { headers: { Cookie: cookies[who]! } });

    beforeAll(async () => {
      database = await openTestDatabase(provider);
      db = database.db;
      outbox = mkdtempSync(path.join(os.tmpdir(), "questions-outbox-"));
      process.env.DATABASE_URL = database.url;
      process.env.COURSES_DIR = path.resolve("tests/fixtures/courses");
      process.env.OUTBOX_DIR = outbox;
      process.env.PEDAGOGICAL_CONTACT_EMAIL = "referent@exemple.fr";
      delete process.env.SMTP_HOST;
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      vi.resetModules();

      const { lucia } = await import("~/auth/session.server.ts");
      ({ createRequestContext: context } = (await import("~/server/load-context.ts")) as never);
      const cohorts = await import("~/cohorts/cohorts.server.ts");
      for (const who of ["lina", "noe", "theo", "autre"]) {
        const { userId } = await createTestAccount(db, { name: who, emailPrefix: who });
        ids[who] = userId;
        if (who === "theo" || who === "autre") await db.user.update({ where: { id: userId }, data: { role: "TRAINER" } });
        const session = await lucia.createSession(userId, {});
        const cookie = lucia.createSessionCookie(session.id);
        cookies[who] = `${cookie.name}=${cookie.value}`;
      }
      const cohort = await cohorts.createCohort(db, ids.theo!, { name: "Cohorte d'essai", pathId: "parcours-essai" });
      await cohorts.joinCohort(db, ids.lina!, cohort.joinCode);
      routes = {
        ask: (await import("~/routes/questions.nouvelle.tsx")) as never,
        mine: (await import("~/routes/questions._index.tsx")) as never,
        inbox: (await import("~/routes/formateur.questions.tsx")) as never,
      };
    }, 120_000);

    afterAll(async () => {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      rmSync(outbox, { recursive: true, force: true });
      await database?.close();
    });

    async function lessonSlug() {
      const { getCatalog } = await import("~/content/catalog.server.ts");
      const { findPathBySlug, pathLessons } = await import("~/courses/catalog.ts");
      return pathLessons(getCatalog(), findPathBySlug(getCatalog(), "essai")!)[0]!.lesson.slug;
    }

    test("asking from a lesson stores the question for the cohort's trainer; the form says the delay and who answers", async () => {
      const lecon = await lessonSlug();
      const page = await call(() =>
        routes.ask.loader({ request: get(`/questions/nouvelle?parcours=essai&lecon=${lecon}`, "lina"), params: {}, context: context() }),
      );
      expect(page.status).toBe(200);
      expect(JSON.parse(page.body)).toMatchObject({
        answerDelay: "2 jours ouvrés",
        answerer: { kind: "cohorte", cohortName: "Cohorte d'essai" },
      });

      const sent = await call(() =>
        routes.ask.action({
          request: post(
            "/questions/nouvelle",
            "lina",
            form([
              ["parcours", "essai"],
              ["lecon", lecon],
              ["question", "Question de Lina, privée"],
            ]),
          ),
          params: {},
          context: context(),
        }),
      );
      expect(sent.status).toBe(302);
      const stored = await db.tutorQuestion.findFirstOrThrow({ where: { learnerId: ids.lina! } });
      expect(stored.cohortId).not.toBeNull();
      ids.question = stored.id;
    });

    test("bad input: an empty or too long question, an unknown lesson, hostile field names; nothing saved", async () => {
      const lecon = await lessonSlug();
      const count = () => db.tutorQuestion.count({ where: { learnerId: ids.noe! } });
      const attempt = (fields: Array<[string, string]> | string) =>
        call(() =>
          routes.ask.action({
            request: post("/questions/nouvelle", "noe", typeof fields === "string" ? fields : form(fields)),
            params: {},
            context: context(),
          }),
        );
      const empty = await attempt([
        ["parcours", "essai"],
        ["lecon", lecon],
        ["question", "   "],
      ]);
      expect(empty.status).toBe(400);
      expect(empty.body).toContain("Écrivez votre question.");
      const long = await attempt([
        ["parcours", "essai"],
        ["lecon", lecon],
        ["question", "a".repeat(2001)],
      ]);
      expect(long.status).toBe(400);
      expect(long.body).toContain("au plus 2");
      expect(
        (
          await attempt([
            ["parcours", "essai"],
            ["lecon", "nulle-part"],
            ["question", "Ici ?"],
          ])
        ).status,
      ).toBe(404);
      for (const hostile of ["question[99999999]=x&parcours=essai", "__proto__=x&question=y", "constructor=1", "question.a.a.a=1"]) {
        expect((await attempt(hostile)).status, hostile).toBe(400);
      }
      expect(await count()).toBe(0);
      const inbox = await call(() =>
        routes.inbox.action({
          request: post("/formateur/questions", "theo", `question=${ids.question}&reponse[99999999]=x`),
          params: {},
          context: context(),
        }),
      );
      expect(inbox.status).toBe(400);
      const blank = await call(() =>
        routes.inbox.action({
          request: post(
            "/formateur/questions",
            "theo",
            form([
              ["question", ids.question!],
              ["reponse", ""],
            ]),
          ),
          params: {},
          context: context(),
        }),
      );
      expect(blank.status).toBe(400);
      expect(blank.body).toContain("Écrivez votre réponse.");
      expect(await db.tutorAnswer.count({ where: { questionId: ids.question! } })).toBe(0);
    });

    test("past 10 questions an hour, the next is refused with the text kept, and nothing is saved", async () => {
      const lecon = await lessonSlug();
      const ask = (text: string) =>
        call(() =>
          routes.ask.action({
            request: post(
              "/questions/nouvelle",
              "noe",
              form([
                ["parcours", "essai"],
                ["lecon", lecon],
                ["question", text],
              ]),
            ),
            params: {},
            context: context(),
          }),
        );
      for (let i = 1; i <= 10; i += 1) expect((await ask(`Question ${i}`)).status).toBe(302);
      const refused = await ask("Une de trop");
      expect(refused.status).toBe(429);
      expect(refused.body).toContain("Une de trop");
      expect(await db.tutorQuestion.count({ where: { learnerId: ids.noe! } })).toBe(10);
      // Each account has its own counter: Lina, who asked once, has hers.
      expect(await db.rateLimit.count({ where: { key: { contains: ids.lina! } } })).toBe(1);
    });

    test("a trainer of another cohort neither reads nor answers it (404); a learner cannot reach the inbox (403)", async () => {
      const other = await call(() =>
        routes.inbox.loader({ request: get("/formateur/questions?tout=1", "autre"), params: {}, context: context() }),
      );
      expect(other.status).toBe(200);
      expect(other.body).not.toContain("Question de Lina");
      const answered = await call(() =>
        routes.inbox.action({
          request: post(
            "/formateur/questions",
            "autre",
            form([
              ["question", ids.question!],
              ["reponse", "Je réponds quand même"],
            ]),
          ),
          params: {},
          context: context(),
        }),
      );
      expect(answered.status).toBe(404);
      const learner = await call(() =>
        routes.inbox.action({
          request: post(
            "/formateur/questions",
            "noe",
            form([
              ["question", ids.question!],
              ["reponse", "Moi aussi"],
            ]),
          ),
          params: {},
          context: context(),
        }),
      );
      expect(learner.status).toBe(403);
      expect(await db.tutorAnswer.count({ where: { questionId: ids.question! } })).toBe(0);
    });

    test("the cohort's trainer sees it waiting and answers; the learner reads it; another learner sees nothing of it", async () => {
      const inbox = await call(() => routes.inbox.loader({ request: get("/formateur/questions", "theo"), params: {}, context: context() }));
      expect(JSON.parse(inbox.body).waiting).toEqual([
        expect.objectContaining({ id: ids.question, learnerName: "lina", waiting: "en attente depuis moins d'une heure" }),
      ]);
      const answered = await call(() =>
        routes.inbox.action({
          request: post(
            "/formateur/questions",
            "theo",
            form([
              ["question", ids.question!],
              ["reponse", "Réponse de Théo"],
            ]),
          ),
          params: {},
          context: context(),
        }),
      );
      expect(answered.status).toBe(302);
      const mine = JSON.parse(
        (await call(() => routes.mine.loader({ request: get("/questions", "lina"), params: {}, context: context() }))).body,
      );
      expect(mine.questions).toEqual([
        expect.objectContaining({ id: ids.question, answer: expect.objectContaining({ body: "Réponse de Théo" }) }),
      ]);
      const others = await call(() => routes.mine.loader({ request: get("/questions", "noe"), params: {}, context: context() }));
      expect(others.body).not.toContain("Question de Lina");
      expect(JSON.parse(others.body).questions.map((q: { id: string }) => q.id)).not.toContain(ids.question);
    });
  });
}
