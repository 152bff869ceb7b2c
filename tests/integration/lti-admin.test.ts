/**
 * /admin/lti on both databases: only admins reach it (learners, trainers and visitors get a 404,
 * reading or posting, and nothing is written); the tool's addresses come from PUBLIC_URL, never
 * from the request; an admin registers a platform and registers it again with one more deployment
 * (updated, not duplicated); bad input gets a French message per field and writes nothing; 20
 * identical registrations at once leave one platform.
 */
import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import type { Db } from "~/db/create-db.server.ts";
import { createTestAccount } from "../helpers/accounts.ts";
import { openTestDatabase, testProviders, type TestDatabase } from "../helpers/each-database.ts";

const PUBLIC_URL = "https://alliances.exemple.fr";

const MOODLE = {
  name: "Moodle de l'université",
  issuer: "https://moodle.exemple.fr",
  clientId: "AbC123",
  deploymentIds: "1",
  authLoginUrl: "https://moodle.exemple.fr/mod/lti/auth.php",
  authTokenUrl: "https://moodle.exemple.fr/mod/lti/token.php",
  jwksUrl: "https://moodle.exemple.fr/mod/lti/certs.php",
};

type Route = { loader: (args: LoaderFunctionArgs) => Promise<Response>; action: (args: ActionFunctionArgs) => Promise<Response> };
type PageData = {
  addresses: Array<{ label: string; url: string }>;
  registrations: Array<{
    name: string;
    issuer: string;
    clientId: string;
    deployments: Array<{ deploymentId: string; lastLaunchAt: string | null; launchCount: number }>;
  }>;
  saved: boolean;
};
type Reply = { status: string; error: Record<string, string[] | null> };

for (const provider of testProviders()) {
  describe(`/admin/lti [${provider}]`, () => {
    let database: TestDatabase & { close(): Promise<void> };
    let db: Db;
    let route: Route;
    let context: () => AppLoadContext;
    const cookies: Record<"learner" | "trainer" | "admin", string> = { learner: "", trainer: "", admin: "" };
    const saved = { DATABASE_URL: process.env.DATABASE_URL, PUBLIC_URL: process.env.PUBLIC_URL };

    function restore(name: keyof typeof saved) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }

    beforeAll(async () => {
      database = await openTestDatabase(provider);
      db = database.db;
      // The route opens its own client from DATABASE_URL and reads PUBLIC_URL once: fresh modules.
      process.env.DATABASE_URL = database.url;
      process.env.PUBLIC_URL = PUBLIC_URL;
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      vi.resetModules();
      const { lucia } = await import("~/auth/session.server.ts");
      const { createRequestContext } = await import("~/server/load-context.ts");
      context = () => createRequestContext("203.0.113.9");
      route = (await import("~/routes/admin.lti.tsx")) as unknown as Route;
      for (const who of ["learner", "trainer", "admin"] as const) {
        const { userId } = await createTestAccount(db, { emailPrefix: `lti-admin-${who}` });
        if (who !== "learner") await db.user.update({ where: { id: userId }, data: { role: who.toUpperCase() } });
        const session = await lucia.createSession(userId, {});
        const cookie = lucia.createSessionCookie(session.id);
        cookies[who] = `${cookie.name}=${cookie.value}`;
      }
    }, 60_000);

    afterAll(async () => {
      restore("DATABASE_URL");
      restore("PUBLIC_URL");
      (globalThis as { __singletons?: Map<string, unknown> }).__singletons?.clear();
      await database?.close();
    });

    // A Host header of someone else's: the addresses must not follow it.
    function get(cookie: string) {
      return new Request("http://evil.example/admin/lti", { headers: cookie ? { Cookie: cookie, Host: "evil.example" } : {} });
    }

    function post(cookie: string, body: Record<string, string> | URLSearchParams) {
      return new Request("http://localhost/admin/lti", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: (body instanceof URLSearchParams ? body : new URLSearchParams(body)).toString(),
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

    const register = (fields: Record<string, string> | URLSearchParams, cookie = cookies.admin) =>
      route.action({ request: post(cookie, fields), params: {}, context: context() });

    async function page(cookie = cookies.admin): Promise<PageData> {
      return (await (await route.loader({ request: get(cookie), params: {}, context: context() })).json()) as PageData;
    }

    /** Everything a registration writes, to compare before and after a refused post. */
    async function stored() {
      const [platforms, deployments] = await Promise.all([
        db.ltiPlatform.findMany({ orderBy: { id: "asc" } }),
        db.ltiDeployment.findMany({ orderBy: { id: "asc" } }),
      ]);
      return { platforms, deployments };
    }

    async function refused(fields: Record<string, string>): Promise<Record<string, string[]>> {
      const before = await stored();
      const response = await register(fields);
      expect(response.status).toBe(400);
      const reply = (await response.json()) as Reply;
      expect(await stored()).toEqual(before);
      return Object.fromEntries(Object.entries(reply.error).map(([name, messages]) => [name, messages ?? []]));
    }

    test("a visitor, a learner and a trainer get a 404, reading or posting; nothing is written", async () => {
      for (const cookie of ["", cookies.learner, cookies.trainer]) {
        expect(await status(() => route.loader({ request: get(cookie), params: {}, context: context() }))).toBe(404);
        expect(await status(() => register(MOODLE, cookie))).toBe(404);
      }
      expect(await db.ltiPlatform.count()).toBe(0);
      expect(await db.ltiDeployment.count()).toBe(0);
    });

    test("the admin sees the tool's four addresses, from PUBLIC_URL whatever the request's host", async () => {
      const data = await page();
      expect(data.addresses.map((address) => address.url)).toEqual([
        `${PUBLIC_URL}/parcours/decouvrir`,
        `${PUBLIC_URL}/lti/login`,
        `${PUBLIC_URL}/lti/launch`,
        `${PUBLIC_URL}/lti/jwks.json`,
      ]);
      expect(data.registrations).toEqual([]);
      expect(data.saved).toBe(false);
    });

    test("the admin registers a platform, then again with one more deployment: one platform, updated, two deployments", async () => {
      const response = await register(MOODLE);
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/admin/lti");
      const platform = await db.ltiPlatform.findUniqueOrThrow({
        where: { issuer_clientId: { issuer: MOODLE.issuer, clientId: MOODLE.clientId } },
        include: { deployments: true },
      });
      expect(platform).toMatchObject({
        name: MOODLE.name,
        authLoginUrl: MOODLE.authLoginUrl,
        authTokenUrl: MOODLE.authTokenUrl,
        jwksUrl: MOODLE.jwksUrl,
      });
      expect(platform.deployments.map((d) => d.deploymentId)).toEqual(["1"]);

      // The next page says it was saved, once.
      const flash = response.headers.get("Set-Cookie")!.split(";")[0]!;
      const after = await page(`${cookies.admin}; ${flash}`);
      expect(after.saved).toBe(true);
      expect(after.registrations).toEqual([
        {
          id: platform.id,
          name: MOODLE.name,
          issuer: MOODLE.issuer,
          clientId: MOODLE.clientId,
          deployments: [{ deploymentId: "1", lastLaunchAt: null, launchCount: 0 }],
        },
      ]);

      // Again, renamed, with a second deployment typed on its own line (Windows line ends, blank lines, spaces).
      const again = await register({ ...MOODLE, name: "Moodle de Rennes", deploymentIds: "1\r\n\r\n  2  \r\n" });
      expect(again.status).toBe(302);
      expect(await db.ltiPlatform.count()).toBe(1);
      const updated = await db.ltiPlatform.findFirstOrThrow({ include: { deployments: { orderBy: { deploymentId: "asc" } } } });
      expect(updated.id).toBe(platform.id);
      expect(updated.name).toBe("Moodle de Rennes");
      expect(updated.deployments.map((d) => d.deploymentId)).toEqual(["1", "2"]);

      // Launches show in the table.
      const launchedAt = new Date("2026-12-01T08:05:00Z");
      await db.ltiDeployment.update({ where: { id: updated.deployments[0]!.id }, data: { launchCount: 3, lastLaunchAt: launchedAt } });
      expect((await page()).registrations[0]!.deployments).toEqual([
        { deploymentId: "1", lastLaunchAt: launchedAt.toISOString(), launchCount: 3 },
        { deploymentId: "2", lastLaunchAt: null, launchCount: 0 },
      ]);
    });

    test("bad input: 400, a French message next to each field, nothing written", async () => {
      // Changing the registered platform with one bad field changes nothing of it.
      const insecure = await refused({ ...MOODLE, name: "Renommée", authLoginUrl: "http://moodle.exemple.fr/mod/lti/auth.php" });
      expect(insecure).toEqual({ authLoginUrl: [expect.stringMatching(/^Adresse d'authentification\u00A0: https obligatoire/)] });

      const empty = await refused({ ...MOODLE, clientId: "", deploymentIds: " \n \n" });
      expect(empty).toEqual({
        clientId: ["Client id\u00A0: requis"],
        deploymentIds: [expect.stringMatching(/au moins un identifiant de déploiement/)],
      });

      const missing = await refused({ name: "Moodle" });
      expect(Object.keys(missing).sort()).toEqual(["authLoginUrl", "authTokenUrl", "clientId", "deploymentIds", "issuer", "jwksUrl"]);

      const long = "x".repeat(10_000);
      const huge = await refused({
        name: long,
        issuer: long,
        clientId: long,
        deploymentIds: `1\n${long}\n${long}`,
        authLoginUrl: `https://moodle.exemple.fr/${long}`,
        authTokenUrl: long,
        jwksUrl: MOODLE.jwksUrl,
      });
      expect(huge).toMatchObject({
        name: ["Nom\u00A0: 120\u00A0caractères au plus"],
        issuer: ["Issuer\u00A0: 500\u00A0caractères au plus"],
        clientId: ["Client id\u00A0: 255\u00A0caractères au plus"],
        // Once, although two lines are too long.
        deploymentIds: ["Identifiants de déploiement\u00A0: 255\u00A0caractères au plus"],
        authLoginUrl: ["Adresse d'authentification\u00A0: 500\u00A0caractères au plus"],
      });
      expect(huge.authTokenUrl).toContain("Adresse des jetons\u00A0: 500\u00A0caractères au plus");
      expect(huge.jwksUrl).toBeUndefined();

      const tooMany = await refused({ ...MOODLE, deploymentIds: Array.from({ length: 51 }, (_, i) => `d${i}`).join("\n") });
      expect(tooMany).toEqual({ deploymentIds: ["Identifiants de déploiement\u00A0: 50 au plus"] });

      // Whatever went wrong, no message is zod's English, and each colon has its no-break space.
      for (const messages of [insecure, empty, missing, huge, tooMany].flatMap((errors) => Object.values(errors))) {
        for (const message of messages) {
          expect(message).not.toMatch(/invalid|expected|too big|too small|required/i);
          expect(message).not.toMatch(/(?:[ \t]|\p{L}):(?!\/\/)/u);
        }
      }
      expect((await db.ltiPlatform.findFirstOrThrow()).name).toBe("Moodle de Rennes");
    });

    test("hostile field names are refused before parsing (400 in French), nothing written", async () => {
      const before = await stored();
      for (const name of ["__proto__", "constructor", "deploymentIds[99999999]", "issuer.a.a"]) {
        const fields = new URLSearchParams({ ...MOODLE, clientId: "Autre" });
        fields.append(name, "x");
        let answer: Response | undefined;
        try {
          await register(fields);
        } catch (thrown) {
          if (!(thrown instanceof Response)) throw thrown;
          answer = thrown;
        }
        expect(answer?.status).toBe(400);
        expect(await answer!.text()).toMatch(/champ que nous n'attendons pas/);
      }
      expect(await stored()).toEqual(before);
    });

    test("20 identical registrations at once: all answered, one platform, its deployments once", async () => {
      const fields = { ...MOODLE, issuer: "https://canvas.exemple.fr", clientId: "10000000000001", deploymentIds: "a\nb" };
      const responses = await Promise.all(Array.from({ length: 20 }, () => register(fields)));
      expect(responses.map((response) => response.status)).toEqual(Array.from({ length: 20 }, () => 302));
      const platforms = await db.ltiPlatform.findMany({ where: { issuer: fields.issuer }, include: { deployments: true } });
      expect(platforms).toHaveLength(1);
      expect(platforms[0]!.deployments.map((d) => d.deploymentId).sort()).toEqual(["a", "b"]);
    });
  });
}
