/** The documented way to revoke a certificate: `npm run certificate:revoke -- <code> "<motif>"`. */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { verifyCode } from "~/certificates/verification.server.ts";
import { ROOT } from "../../prisma/tools/prisma-cli.ts";
import { openTestDatabase } from "../helpers/each-database.ts";

const run = promisify(execFile);
const CODE = "7KQM3XRT9PWDAB12CD34EF56GH78";
let database: Awaited<ReturnType<typeof openTestDatabase>>;

beforeAll(async () => {
  database = await openTestDatabase("sqlite");
  const when = new Date("2026-11-20T10:00:00Z");
  await database.db.certificate.create({
    data: {
      pathId: "parcours-1h",
      code: CODE,
      learnerName: "Ada Lovelace",
      pathTitle: "Découvrir",
      nominalMinutes: 60,
      activeSeconds: 3700,
      firstActivityAt: when,
      completedAt: when,
      finalScore: 90,
      objectives: "[]",
      issuer: "Apprendre à faire alliance",
      payload: "{}",
      signature: "",
      keyId: "0000000000000000",
    },
  });
});
afterAll(() => database.close());

function revoke(...args: string[]) {
  return run(path.join(ROOT, "node_modules/.bin/tsx"), ["app/cli/certificate-revoke.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: database.url },
  });
}

test("revokes by code, typed as printed, and the verification page then says so", async () => {
  const { stdout } = await revoke("7kqm-3xrt-9pwd-ab12-cd34-ef56-gh78", "Délivré", "par", "erreur.");
  expect(stdout).toContain("Certificat 7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78 révoqué le");
  expect(await verifyCode(database.db, CODE)).toMatchObject({ status: "revoque" });
  expect(await database.db.certificate.findUniqueOrThrow({ where: { code: CODE }, select: { revokedReason: true } })).toEqual({
    revokedReason: "Délivré par erreur.",
  });
  const again = await revoke(CODE, "Une seconde fois.");
  expect(again.stdout).toContain("était déjà révoqué");
});

test("refuses, in French, an unknown code, a malformed one, or a missing reason", async () => {
  await expect(revoke("0000-0000-0000-0000-0000-0000-0000", "Motif valable.")).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining("Aucun certificat avec le code 0000-0000"),
  });
  await expect(revoke("ABC", "Motif valable.")).rejects.toMatchObject({
    code: 2,
    stderr: expect.stringContaining("Code de vérification invalide"),
  });
  await expect(revoke(CODE)).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("Indiquez le motif") });
});
