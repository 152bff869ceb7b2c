/**
 * The « certificat délivré » notice reads ids from a cookie the browser sends back: a visitor can
 * write any ids in it. Only the signed-in learner's own, unrevoked certificates are announced.
 */
import { expect, test } from "vitest";
import { createAccount } from "~/auth/accounts.server.ts";
import { announceCertificates, takeCertificateNotice } from "~/certificates/certificate-notice.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { describeEachDatabase } from "../helpers/each-database.ts";

let counter = 0;
async function accountWithCertificate(db: Db, name: string, revoked = false) {
  counter += 1;
  const created = await createAccount(db, {
    name,
    email: `annonce.${counter}.${Date.now()}@exemple.fr`,
    profile: "STUDENT",
    password: "mot de passe solide",
  });
  if (!created.ok) throw new Error("création impossible");
  const when = new Date("2026-12-01T10:00:00Z");
  const certificate = await db.certificate.create({
    data: {
      userId: created.userId,
      code: `CODE${counter}${Date.now()}`,
      learnerName: name,
      pathId: "parcours-1h",
      pathTitle: "Découvrir",
      nominalMinutes: 60,
      activeSeconds: 1800,
      firstActivityAt: when,
      completedAt: when,
      finalScore: 80,
      objectives: "[]",
      issuer: "Apprendre à faire alliance",
      payload: "{}",
      signature: "x",
      keyId: "k",
      issuedAt: when,
      revokedAt: revoked ? when : null,
    },
  });
  return { userId: created.userId, certificateId: certificate.id };
}

const requestWith = (cookie: string | null) =>
  new Request("http://localhost/", { headers: cookie ? { Cookie: cookie.split(";")[0]! } : {} });

describeEachDatabase("certificate notice", (get) => {
  test("announces the learner's own certificate once; another learner's id, a revoked one or garbage announce nothing", async () => {
    const { db } = get();
    const owner = await accountWithCertificate(db, "Inès Annonce");
    const other = await accountWithCertificate(db, "Jules Autre");
    const revoked = await accountWithCertificate(db, "Léa Révoquée", true);

    const own = await takeCertificateNotice(db, requestWith(await announceCertificates([{ id: owner.certificateId }])), owner.userId);
    expect(own.notices).toEqual([{ id: owner.certificateId, pathTitle: "Découvrir" }]);
    expect(own.clear).toMatch(/Max-Age=0/);

    const forged = await announceCertificates([{ id: other.certificateId }, { id: revoked.certificateId }]);
    expect((await takeCertificateNotice(db, requestWith(forged), owner.userId)).notices).toEqual([]);
    expect((await takeCertificateNotice(db, requestWith(forged), revoked.userId)).notices).toEqual([]);
    const garbage = await takeCertificateNotice(db, requestWith(`aafa_certificat=${encodeURIComponent("' OR 1=1 --")}`), owner.userId);
    expect(garbage.notices).toEqual([]);
    expect(await takeCertificateNotice(db, requestWith(null), owner.userId)).toEqual({ notices: [], clear: null });
  });
});
