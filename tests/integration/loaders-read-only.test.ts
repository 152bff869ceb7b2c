/**
 * D13, GET never writes: every loader of the app (root.tsx and each module of app/routes that
 * exports one), called as a visitor, as a learner with progress (eligible for the fixture path's
 * certificate without having it yet) and as a trainer with a cohort, with real parameters from the
 * fixture course, leaves every table of the database as it was — row counts and a hash of each
 * table's rows — on SQLite and PostgreSQL.
 *
 * The writes a GET may make are listed in ALLOWED_WRITES with their reason (README, D13).
 */
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "~/db/create-db.server.ts";
import { Prisma } from "~/generated/prisma/client.ts";
import { openTestDatabase, testProviders, type TestDatabase } from "../helpers/each-database.ts";

/** Route → tables its loader may write, and why. Every other table must stay as it was. */
const ALLOWED_WRITES: Record<string, { tables: string[]; why: string }> = {
  "rejoindre.$code": {
    tables: ["RateLimit"],
    why: "looking a join code up counts against the visitor's limit (D14): guessing codes must cost something even though it reads",
  },
  "certificats.$id_.documents.$kind": {
    tables: ["TrainingDocument"],
    why: "a training document is issued, once and signed, the first time its holder or their trainer downloads it (app/attestations/, D13): the download is the request for it, and a second one writes nothing",
  },
  "formateur.cohortes.$id.apprenants.$userId_.documents.$kind": {
    tables: ["TrainingDocument"],
    why: "a training document is issued, once and signed, the first time its holder or their trainer downloads it (app/attestations/, D13): the download is the request for it, and a second one writes nothing",
  },
  "formateur.cohortes.$id.documents[.zip]": {
    tables: ["TrainingDocument"],
    why: "a training document is issued, once and signed, the first time its holder or their trainer downloads it (app/attestations/, D13): the download is the request for it, and a second one writes nothing",
  },
  "verifier.$code": {
    tables: ["RateLimit"],
    why: "looking a code up counts against the visitor's limit (D14): guessing codes must cost something even though it reads",
  },
};

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>;
const ROUTES_DIR = path.resolve("app/routes");

function routeModules(): string[] {
  return readdirSync(ROUTES_DIR)
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => file.replace(/\.tsx?$/, ""));
}

/** A hash of every table's rows (sorted, whatever the database's order), and its row count. */
async function snapshot(db: Db): Promise<Record<string, { rows: number; hash: string }>> {
  const tables: Record<string, { rows: number; hash: string }> = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const delegate = (db as unknown as Record<string, { findMany(): Promise<Array<Record<string, unknown>>> }>)[
      model.charAt(0).toLowerCase() + model.slice(1)
    ]!;
    const rows = (await delegate.findMany())
      .map((row) => JSON.stringify(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))))
      .sort();
    tables[model] = { rows: rows.length, hash: createHash("sha256").update(rows.join("\n")).digest("hex") };
  }
  return tables;
}

for (const provider of testProviders()) {
  describe(`every loader leaves the database unchanged [${provider}]`, () => {
    let database: TestDatabase & { close(): Promise<void> };
    let db: Db;
    const saved = { DATABASE_URL: process.env.DATABASE_URL, COURSES_DIR: process.env.COURSES_DIR };
    const cookies: Record<"visitor" | "learner" | "trainer", string> = { visitor: "", learner: "", trainer: "" };
    const params: Record<string, Record<string, string>> = {};
    const urls: Record<string, string> = {};
    const loaders: Record<string, Loader> = {};

    beforeAll(async () => {
      database = await openTestDatabase(provider);
      db = database.db;
      // The app's modules open their own client from DATABASE_URL, once per process: fresh modules
      // and singletons on this test's database and the fixture course.
      process.env.DATABASE_URL = database.url;
      process.env.COURSES_DIR = path.resolve("tests/fixtures/courses");
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      vi.resetModules();

      const { createAccount } = await import("~/auth/accounts.server.ts");
      const { lucia } = await import("~/auth/session.server.ts");
      const { createCohort, joinCohort } = await import("~/cohorts/cohorts.server.ts");
      const { getCatalog } = await import("~/content/catalog.server.ts");
      const { pathRequirements } = await import("~/certificates/certificates.server.ts");
      const { findPathBySlug, pathLessons } = await import("~/courses/catalog.ts");
      const { codeFromBytes, CODE_RANDOM_BYTES, formatCode } = await import("~/utils/verification-code.ts");

      const account = async (name: string, email: string) => {
        const created = await createAccount(db, { name, email, profile: "CIVIL_SERVANT", password: "mot de passe solide" });
        if (!created.ok) throw new Error("compte non créé");
        return created.userId;
      };
      const learnerId = await account("Lina Apprenante", `lina.${provider}@exemple.fr`);
      const trainerId = await account("Théo Formateur", `theo.${provider}@exemple.fr`);
      await db.user.update({ where: { id: trainerId }, data: { role: "TRAINER" } });
      for (const [who, userId] of [
        ["learner", learnerId],
        ["trainer", trainerId],
      ] as const) {
        const session = await lucia.createSession(userId, {});
        const cookie = lucia.createSessionCookie(session.id);
        cookies[who] = `${cookie.name}=${cookie.value}`;
      }

      // The learner meets every condition of the fixture path without having its certificate (the
      // case the path page used to issue on GET), and holds a certificate of another path.
      const catalog = getCatalog();
      const essai = findPathBySlug(catalog, "essai")!;
      const requirements = await pathRequirements(essai);
      const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9));
      await db.pathEnrollment.create({
        data: { userId: learnerId, pathId: essai.id, startedAt: day(1), lastLessonId: requirements.lessonIds[0]!, lastVisitedAt: day(2) },
      });
      for (const lessonId of requirements.lessonIds) {
        await db.lessonProgress.create({
          data: { userId: learnerId, lessonId, startedAt: day(1), completedAt: day(2), activeSeconds: 3600, lastActiveAt: day(2) },
        });
      }
      await db.quizAttempt.create({
        data: {
          userId: learnerId,
          quizId: requirements.finalAssessmentId!,
          number: 1,
          layout: "[]",
          startedAt: day(2),
          submittedAt: day(2),
          score: 100,
          passed: true,
        },
      });
      for (const scenarioId of [...requirements.scenarioIds, ...(requirements.scenarioChoices ?? []).map((group) => group[0]!)]) {
        await db.simulationRun.create({
          data: { userId: learnerId, scenarioId, startedAt: day(2), finishedAt: day(2), endingId: "fin", finalState: "{}" },
        });
      }
      await db.finalProject.create({
        data: { userId: learnerId, projectId: "projet-essai", answers: { create: { fieldId: "defi", text: "Mon défi." } } },
      });
      const code = codeFromBytes(new Uint8Array(CODE_RANDOM_BYTES).fill(7));
      const certificate = await db.certificate.create({
        data: {
          userId: learnerId,
          pathId: "parcours-projet",
          code,
          learnerName: "Lina Apprenante",
          pathTitle: "Parcours avec projet",
          nominalMinutes: 60,
          activeSeconds: 3600,
          firstActivityAt: day(1),
          completedAt: day(2),
          finalScore: 90,
          objectives: JSON.stringify(["Tester."]),
          issuer: "Apprendre à faire alliance",
          payload: "{}",
          signature: "signature",
          keyId: "cle",
        },
      });
      const cohort = await createCohort(db, trainerId, { name: "Cohorte d'essai", pathId: essai.id });
      await joinCohort(db, learnerId, cohort.joinCode);

      const [first] = pathLessons(catalog, essai);
      const lesson = first!.lesson;
      const scenarioId = requirements.scenarioIds[0] ?? requirements.scenarioChoices?.[0]?.[0] ?? "cas-essai";
      const values: Record<string, string> = {
        parcours: essai.slug,
        lecon: lesson.slug,
        projectId: "projet-essai",
        stepId: "diagnostic",
        quizId: requirements.finalAssessmentId!,
        userId: learnerId,
        kind: "attestation-fin-formation",
        fichier: `${lesson.contentHash.slice(0, 20)}.js`,
        // The engine fixture has no toolkit: the document page answers 404, and must not write either.
        slug: "protocole-atelier-diagnostic",
        "*": "nulle-part",
      };
      const idOf: Record<string, string> = { certificats: certificate.id, formateur: cohort.id, simulations: scenarioId };
      const codeOf: Record<string, string> = { verifier: formatCode(code), rejoindre: cohort.joinCode };

      for (const name of [...routeModules(), "(root)"]) {
        const module = (await import(name === "(root)" ? "~/root.tsx" : `~/routes/${name}`)) as { loader?: Loader };
        if (!module.loader) continue;
        loaders[name] = module.loader;
        const first = name.split(".")[0]!;
        const routeParams: Record<string, string> = {};
        const segments = name === "(root)" || name === "_index" ? [] : name.split(".").map((segment) => segment.replace(/^_|_$/g, ""));
        const urlSegments = segments
          .filter((segment) => segment !== "index")
          .map((segment) => {
            const bare = segment.replace(/\[|\]/g, "");
            if (bare === "$") return (routeParams["*"] = values["*"]!);
            if (!bare.startsWith("$")) return bare;
            const key = bare.slice(1);
            routeParams[key] = key === "id" ? idOf[first]! : key === "code" ? codeOf[first]! : values[key]!;
            return routeParams[key];
          });
        params[name] = routeParams;
        urls[name] = `http://localhost/${urlSegments.join("/")}`;
      }
    }, 120_000);

    afterAll(async () => {
      process.env.DATABASE_URL = saved.DATABASE_URL;
      process.env.COURSES_DIR = saved.COURSES_DIR;
      if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      if (saved.COURSES_DIR === undefined) delete process.env.COURSES_DIR;
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      await database?.close();
    });

    test("found the loaders, with a parameter for every dynamic segment", () => {
      expect(Object.keys(loaders)).toEqual(
        expect.arrayContaining([
          "(root)",
          "parcours.$parcours._index",
          "parcours.$parcours.$lecon",
          "formateur.cohortes.$id._index",
          "certificats.$id",
        ]),
      );
      for (const [name, routeParams] of Object.entries(params)) {
        for (const [key, value] of Object.entries(routeParams)) expect(value, `${name}: ${key}`).toBeTruthy();
      }
    });

    for (const who of ["visitor", "learner", "trainer"] as const) {
      test(`as a ${who}`, async () => {
        const statuses: Record<string, number> = {};
        const writes: string[] = [];
        for (const [name, loader] of Object.entries(loaders)) {
          const before = await snapshot(db);
          const request = new Request(urls[name]!, { headers: cookies[who] ? { Cookie: cookies[who] } : {} });
          const { createRequestContext } = await import("~/server/load-context.ts");
          try {
            const result = await loader({ request, params: params[name]!, context: createRequestContext("203.0.113.9") });
            statuses[name] = result instanceof Response ? result.status : 200;
          } catch (thrown) {
            if (!(thrown instanceof Response)) throw new Error(`${name} (${who}) : ${String(thrown)}`, { cause: thrown });
            statuses[name] = thrown.status;
          }
          const allowed = ALLOWED_WRITES[name]?.tables ?? [];
          const after = await snapshot(db);
          const changed = Object.keys(after).filter(
            (table) => !allowed.includes(table) && JSON.stringify(after[table]) !== JSON.stringify(before[table]),
          );
          if (changed.length > 0) writes.push(`${name} wrote to ${changed.join(", ")}`);
        }
        expect(writes).toEqual([]);
        // The pages the people of this test can see did answer, not only refuse.
        const expectOk = {
          visitor: ["(root)", "parcours.$parcours._index", "parcours.$parcours.$lecon", "verifier.$code"],
          learner: [
            "parcours.$parcours._index",
            "parcours.$parcours.$lecon",
            "tableau-de-bord",
            "certificats.$id",
            "certificats.$id_.pdf",
            "projet.$projectId._index",
          ],
          trainer: [
            "formateur._index",
            "formateur.cohortes.$id._index",
            "formateur.cohortes.$id.apprenants.$userId",
            "formateur.cohortes.$id.export[.csv]",
          ],
        }[who];
        for (const name of expectOk) expect(statuses[name], `${name} (${who})`).toBe(200);
      }, 120_000);
    }

    // After the loaders: the learner must still be without the certificate when they run.
    test("the eligible learner's path page offers « Obtenir mon certificat »; its POST issues the certificate, then asks the satisfaction questionnaire", async () => {
      const route = (await import("~/routes/parcours.$parcours._index.tsx")) as unknown as {
        loader: Loader;
        action: (args: LoaderFunctionArgs) => Promise<Response>;
      };
      const { createRequestContext } = await import("~/server/load-context.ts");
      const args = (method: string) => ({
        request: new Request(urls["parcours.$parcours._index"]!, { method, headers: { Cookie: cookies.learner } }),
        params: params["parcours.$parcours._index"]!,
        context: createRequestContext("203.0.113.9"),
      });
      const page = async () =>
        ((await ((await route.loader(args("GET"))) as Response).json()) as { certificate: { certificate: unknown; claimable: boolean } })
          .certificate;
      expect(await page()).toMatchObject({ certificate: null, claimable: true });
      const response = await route.action(args("POST"));
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/parcours/essai/avis");
      expect(await page()).toMatchObject({ certificate: { revoked: false }, claimable: false });
    }, 60_000);
  });
}
