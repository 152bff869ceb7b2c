/**
 * A demo trainer and a cohort of 30 learners with varied progress, on a real path. Run by
 * `npm run db:seed` (prisma/demo/seed-demo.ts), never by the app itself. Demo accounts use the
 * reserved domain of DEMO_DOMAIN; running it again replaces them.
 */
import { hashPassword } from "../../app/auth/password.server.ts";

import { issueCertificateIfEligible } from "../../app/certificates/issuance.server.ts";
import { serverSigningKey } from "../../app/certificates/signing.server.ts";
import { createCohort } from "../../app/cohorts/cohorts.server.ts";
import { publishedPaths } from "../../app/courses/catalog.ts";
import { getCatalog } from "../../app/content/catalog.server.ts";
import type { Db } from "../../app/db/create-db.server.ts";
import { env } from "../../app/utils/env.server.ts";
import { publicUrl } from "../../app/utils/public-url.server.ts";
import { planPath, seededRandom, writeLearnerActivity, type LearnerProfile } from "./synthetic-activity.ts";

export const DEMO_DOMAIN = "demo.apprendre-a-faire-alliance.test";
export const DEMO_TRAINER = { name: "Claire Demonet", email: `formatrice@${DEMO_DOMAIN}`, password: "demo alliance 2027" };

const LEARNERS: Array<[name: string, profile: string]> = [
  ["Camille Bernard", "STUDENT"],
  ["Lucas Martin", "STUDENT"],
  ["Inès Haddad", "ELECTED_OFFICIAL"],
  ["Hugo Lefebvre", "CIVIL_SERVANT"],
  ["Chloé Nguyen", "STUDENT"],
  ["Mathis Dubois", "CIVIL_SERVANT"],
  ["Léa Moreau", "ELECTED_OFFICIAL"],
  ["Yanis Benali", "STUDENT"],
  ["Manon Laurent", "CIVIL_SERVANT"],
  ["Théo Garnier", "STUDENT"],
  ["Sarah Cohen", "ELECTED_OFFICIAL"],
  ["Nathan Rousseau", "CIVIL_SERVANT"],
  ["Emma Fontaine", "STUDENT"],
  ["Adam Mercier", "OTHER"],
  ["Jade Lambert", "STUDENT"],
  ["Rayan Chevalier", "CIVIL_SERVANT"],
  ["Louise Girard", "ELECTED_OFFICIAL"],
  ["Enzo Perrin", "STUDENT"],
  ["Zoé Marchand", "CIVIL_SERVANT"],
  ["Sacha Blanc", "STUDENT"],
  ["Lina Faure", "ELECTED_OFFICIAL"],
  ["Noah André", "STUDENT"],
  ["Anaïs Gauthier", "CIVIL_SERVANT"],
  ["Gabriel Robin", "STUDENT"],
  ["Maëlys Henry", "ELECTED_OFFICIAL"],
  ["Samuel Caron", "CIVIL_SERVANT"],
  ["Clara Muller", "STUDENT"],
  ["Ilyès Roux", "OTHER"],
  ["Juliette Fabre", "STUDENT"],
  ["Malo Picard", "CIVIL_SERVANT"],
];

/** A spread of learners: a few finished, most on their way, some late, some gone quiet, two not started. */
function profileFor(index: number, random: () => number): LearnerProfile {
  const between = (min: number, max: number) => min + random() * (max - min);
  if (index < 6) return { progress: 1, skill: between(0.75, 0.95), startedDaysAgo: between(20, 27), lastDaysAgo: between(0, 6) };
  if (index < 15)
    return { progress: between(0.55, 0.9), skill: between(0.6, 0.9), startedDaysAgo: between(15, 26), lastDaysAgo: between(0, 5) };
  if (index < 22)
    return { progress: between(0.25, 0.55), skill: between(0.45, 0.8), startedDaysAgo: between(10, 25), lastDaysAgo: between(1, 12) };
  if (index < 28)
    return { progress: between(0.05, 0.2), skill: between(0.4, 0.7), startedDaysAgo: between(8, 20), lastDaysAgo: between(8, 18) };
  return { progress: 0, skill: 0.5, startedDaysAgo: 0, lastDaysAgo: 0 };
}

export async function seedDemoCohort(db: Db, now = new Date()) {
  const catalog = getCatalog();
  const published = publishedPaths(catalog);
  const path = published.find((p) => p.id === "parcours-4h") ?? published[0];
  if (!path) throw new Error("Aucun parcours publié : la démonstration a besoin d'au moins un parcours.");

  // Start again from scratch: demo accounts only (their certificates first, kept otherwise).
  const previous = await db.user.findMany({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } }, select: { id: true } });
  await db.certificate.deleteMany({ where: { userId: { in: previous.map((u) => u.id) } } });
  await db.user.deleteMany({ where: { id: { in: previous.map((u) => u.id) } } });

  const trainer = await db.user.create({
    data: {
      name: DEMO_TRAINER.name,
      email: DEMO_TRAINER.email,
      profile: "TRAINER",
      role: "TRAINER",
      password: { create: { hash: await hashPassword(DEMO_TRAINER.password) } },
    },
  });
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const cohort = await createCohort(db, trainer.id, {
    name: "Démo — Master 2 Transitions territoriales",
    pathId: path.id,
    startsOn: day(-28),
    dueOn: day(14),
  });

  const plan = await planPath(path.id);
  const random = seededRandom(2027);
  // Demo learners cannot sign in: their password hash is of a random string nobody knows.
  const lockedHash = await hashPassword(crypto.randomUUID());
  const context = { siteUrl: publicUrl(), issuer: env().CERTIFICATE_ISSUER, key: serverSigningKey() };
  let certificates = 0;
  for (const [index, [name, profile]] of LEARNERS.entries()) {
    const email = `${name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z]+/g, ".")}@${DEMO_DOMAIN}`;
    const learner = await db.user.create({ data: { name, email, profile, role: "LEARNER", password: { create: { hash: lockedHash } } } });
    const learnerProfile = profileFor(index, random);
    await db.cohortMember.create({
      data: {
        cohortId: cohort.id,
        userId: learner.id,
        joinedAt: new Date(now.getTime() - Math.max(learnerProfile.startedDaysAgo + 1, 1) * 86_400_000),
      },
    });
    const complete = await writeLearnerActivity(db, learner.id, plan, learnerProfile, random, now);
    if (complete) {
      const { certificate } = await issueCertificateIfEligible(db, learner.id, path, plan.requirements, { ...context, now: () => now });
      if (certificate) certificates += 1;
    }
  }
  return { path, cohortId: cohort.id, joinCode: cohort.joinCode, learners: LEARNERS.length, certificates };
}
