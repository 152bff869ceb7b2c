/**
 * /admin/organisation on both databases: stored settings read back over the environment's
 * defaults, only admins reach the page (learners, trainers and visitors get a 404, reading or
 * posting), bad input is refused without writing, and concurrent saves leave one consistent row.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "~/db/create-db.server.ts";
import { EMPTY_SETTINGS, missingFor, type OrganisationSettings } from "~/organisation/organisation-settings.ts";
import { readOrganisationSettings, saveOrganisationSettings, SETTINGS_ROW_ID } from "~/organisation/organisation-settings.server.ts";
import { createTestAccount } from "../helpers/accounts.ts";
import { openTestDatabase, testProviders, type TestDatabase } from "../helpers/each-database.ts";

const DEFAULTS: OrganisationSettings = {
  ...EMPTY_SETTINGS,
  legalName: "Organisme de l'environnement",
  address: "Adresse de l'environnement",
  pedagogicalContact: { name: "Référente env", email: "peda@env.fr" },
  answerDelay: "2 jours ouvrés",
};

const VALID_FORM = {
  legalName: "Alliance Formation SAS",
  address: "1 rue de la Paix\n75002 Paris",
  siret: "732 829 320 00074",
  activityDeclarationNumber: "11 75 55555 75",
  qualiopiReference: "",
  electedTrainingApproval: "",
  pedagogicalContactName: "Inès Pédagogie",
  pedagogicalContactEmail: "ines@alliance.fr",
  disabilityContactName: "",
  disabilityContactEmail: "",
  answerDelay: "48 heures ouvrées",
};

type Route = { loader: (args: LoaderFunctionArgs) => Promise<Response>; action: (args: ActionFunctionArgs) => Promise<Response> };

for (const provider of testProviders()) {
  describe(`organisation settings [${provider}]`, () => {
    let database: TestDatabase & { close(): Promise<void> };
    let db: Db;
    let route: Route;
    let context: () => AppLoadContext;
    const cookies: Record<"learner" | "trainer" | "admin", string> = { learner: "", trainer: "", admin: "" };
    const ids: Record<"learner" | "trainer" | "admin", string> = { learner: "", trainer: "", admin: "" };
    const saved = { DATABASE_URL: process.env.DATABASE_URL };

    beforeAll(async () => {
      database = await openTestDatabase(provider);
      db = database.db;
      // The route opens its own client from DATABASE_URL: fresh modules on this test's database.
      process.env.DATABASE_URL = database.url;
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      vi.resetModules();
      const { lucia } = await import("~/auth/session.server.ts");
      const { createRequestContext } = await import("~/server/load-context.ts");
      context = () => createRequestContext("203.0.113.9");
      route = (await import("~/routes/admin.organisation.tsx")) as unknown as Route;
      for (const who of ["learner", "trainer", "admin"] as const) {
        const { userId } = await createTestAccount(db, { emailPrefix: `organisation-${who}` });
        if (who !== "learner") await db.user.update({ where: { id: userId }, data: { role: who.toUpperCase() } });
        const session = await lucia.createSession(userId, {});
        const cookie = lucia.createSessionCookie(session.id);
        cookies[who] = `${cookie.name}=${cookie.value}`;
        ids[who] = userId;
      }
    }, 60_000);

    afterAll(async () => {
      if (saved.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved.DATABASE_URL;
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      await database?.close();
    });

    function post(cookie: string, fields: Record<string, string>) {
      return new Request("http://localhost/admin/organisation", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    }

    async function status(run: () => Promise<Response>): Promise<number> {
      try {
        return (await run()).status;
      } catch (thrown) {
        if (thrown instanceof Response) return thrown.status;
        throw thrown;
      }
    }

    test("nothing stored: the environment's defaults are the settings", async () => {
      expect(await readOrganisationSettings(db, DEFAULTS)).toEqual(DEFAULTS);
    });

    test("a learner, a trainer and a visitor get a 404, reading or posting; nothing is written", async () => {
      for (const cookie of [cookies.learner, cookies.trainer, ""]) {
        const get = new Request("http://localhost/admin/organisation", { headers: cookie ? { Cookie: cookie } : {} });
        expect(await status(() => route.loader({ request: get, params: {}, context: context() }))).toBe(404);
        expect(await status(() => route.action({ request: post(cookie, VALID_FORM), params: {}, context: context() }))).toBe(404);
      }
      expect(await db.organisationSetting.count()).toBe(0);
    });

    test("the admin saves: stored without spaces, read back over the defaults, empty fields take the default", async () => {
      const response = await route.action({ request: post(cookies.admin, VALID_FORM), params: {}, context: context() });
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/admin/organisation");
      const row = await db.organisationSetting.findUniqueOrThrow({ where: { id: SETTINGS_ROW_ID } });
      expect(row).toMatchObject({
        siret: "73282932000074",
        activityDeclarationNumber: "11755555575",
        qualiopiReference: null,
        updatedById: ids.admin,
      });
      const settings = await readOrganisationSettings(db, DEFAULTS);
      expect(settings).toEqual({
        ...DEFAULTS,
        legalName: "Alliance Formation SAS",
        address: "1 rue de la Paix\n75002 Paris",
        siret: "73282932000074",
        activityDeclarationNumber: "11755555575",
        pedagogicalContact: { name: "Inès Pédagogie", email: "ines@alliance.fr" },
        answerDelay: "48 heures ouvrées",
      });
      expect(missingFor(settings, "certificat-realisation")).toEqual([]);

      // Emptying a field gives the default back.
      await route.action({
        request: post(cookies.admin, { ...VALID_FORM, legalName: "  ", answerDelay: "" }),
        params: {},
        context: context(),
      });
      const after = await readOrganisationSettings(db, DEFAULTS);
      expect(after.legalName).toBe(DEFAULTS.legalName);
      expect(after.answerDelay).toBe("2 jours ouvrés");

      // The page shows what is stored and which documents are blocked.
      const page = await route.loader({
        request: new Request("http://localhost/admin/organisation", { headers: { Cookie: cookies.admin } }),
        params: {},
        context: context(),
      });
      const data = (await page.json()) as { stored: OrganisationSettings; documents: Array<{ document: string; missing: string[] }> };
      expect(data.stored.siret).toBe("73282932000074");
      expect(data.documents.every((d) => Array.isArray(d.missing))).toBe(true);
    });

    test("bad input: 400 with a message next to each field, nothing written", async () => {
      const before = await db.organisationSetting.findUnique({ where: { id: SETTINGS_ROW_ID } });
      const response = await route.action({
        request: post(cookies.admin, {
          ...VALID_FORM,
          legalName: "Changé",
          siret: "73282932000075",
          activityDeclarationNumber: "123",
          pedagogicalContactEmail: "non",
          answerDelay: "x".repeat(61),
        }),
        params: {},
        context: context(),
      });
      expect(response.status).toBe(400);
      const reply = (await response.json()) as { error: Record<string, string[]> };
      expect(Object.keys(reply.error).sort()).toEqual(["activityDeclarationNumber", "answerDelay", "pedagogicalContactEmail", "siret"]);
      expect(reply.error.siret![0]).toMatch(/clé de contrôle/);
      expect(await db.organisationSetting.findUnique({ where: { id: SETTINGS_ROW_ID } })).toEqual(before);
    });

    test("hostile field names are refused before parsing (400), nothing written", async () => {
      const before = await db.organisationSetting.findUnique({ where: { id: SETTINGS_ROW_ID } });
      for (const name of ["siret[99999999]", "__proto__", "legalName.a.a"]) {
        expect(
          await status(() =>
            route.action({ request: post(cookies.admin, { ...VALID_FORM, [name]: "x" }), params: {}, context: context() }),
          ),
        ).toBe(400);
      }
      expect(await db.organisationSetting.findUnique({ where: { id: SETTINGS_ROW_ID } })).toEqual(before);
    });

    test("20 parallel saves on an empty table leave one row, every field from one of the saves", async () => {
      await db.organisationSetting.deleteMany();
      const forms = Array.from({ length: 20 }, (_, i) => ({
        ...VALID_FORM,
        legalName: `Organisme ${i}`,
        answerDelay: `${i} jours`,
        pedagogicalContactName: `Contact ${i}`,
      }));
      const results = await Promise.allSettled(
        forms.map((form) =>
          saveOrganisationSettings(db, { ...form, siret: "73282932000074", activityDeclarationNumber: "11755555575" }, ids.admin),
        ),
      );
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
      const rows = await db.organisationSetting.findMany();
      expect(rows).toHaveLength(1);
      const i = /^Organisme (\d+)$/.exec(rows[0]!.legalName!)![1];
      expect(rows[0]).toMatchObject({ answerDelay: `${i} jours`, pedagogicalContactName: `Contact ${i}` });
    });
  });
}
