/**
 * `npm run db:seed`: creates (or recreates) the demo trainer and their cohort of 30 learners in the
 * database of DATABASE_URL (the embedded SQLite file by default), then prints how to sign in.
 * Refuses to run when NODE_ENV is production: demo accounts have no place there.
 */
import { formatJoinCode } from "../../app/cohorts/join-code.ts";
import { createDb } from "../../app/db/create-db.server.ts";
import { env } from "../../app/utils/env.server.ts";
import { migrateDeploy } from "../tools/deploy.ts";
import { DEMO_TRAINER, seedDemoCohort } from "./demo-cohort.ts";

const { NODE_ENV, DATABASE_URL, PORT, PUBLIC_URL } = env();
if (NODE_ENV === "production") {
  console.error("✗ NODE_ENV=production : la démonstration ne s'installe pas sur une base de production.");
  process.exit(1);
}
await migrateDeploy(DATABASE_URL);
const { db } = createDb(DATABASE_URL);
try {
  const started = performance.now();
  const result = await seedDemoCohort(db);
  const site = PUBLIC_URL ?? `http://localhost:${PORT}`;
  console.log(`✓ démonstration prête en ${((performance.now() - started) / 1000).toFixed(1)} s : ${result.learners} apprenant·es sur « ${result.path.title} », ${result.certificates} certificat(s)`);
  console.log("");
  console.log(`  Connectez-vous sur ${site}/connexion`);
  console.log(`    e-mail       : ${DEMO_TRAINER.email}`);
  console.log(`    mot de passe : ${DEMO_TRAINER.password}`);
  console.log(`  Tableau de bord de la cohorte : ${site}/formateur/cohortes/${result.cohortId}`);
  console.log(`  Code pour la rejoindre        : ${formatJoinCode(result.joinCode)}`);
} finally {
  await db.$disconnect();
}
