/**
 * `npm run db:seed`: creates (or recreates) the demo trainer and their cohort of 30 learners in the
 * database of DATABASE_URL (the embedded SQLite file by default), then prints how to sign in.
 * Refuses to run when NODE_ENV is production: demo accounts have no place there.
 */
import { formatJoinCode } from "../../app/cohorts/join-code.ts";
import { createDb } from "../../app/db/create-db.server.ts";
import { env } from "../../app/utils/env.server.ts";
import { publicUrl } from "../../app/utils/public-url.server.ts";
import { migrateDeploy } from "../tools/deploy.ts";
import { DEMO_TRAINER, seedDemoCohort } from "./demo-cohort.ts";

const { NODE_ENV, DATABASE_URL } = env();
if (NODE_ENV === "production") {
  console.error("✗ NODE_ENV=production : la démonstration ne s'installe pas sur une base de production.");
  process.exit(1);
}
await migrateDeploy(DATABASE_URL);
const { db } = createDb(DATABASE_URL);
try {
  const started = performance.now();
  const result = await seedDemoCohort(db);
  const site = publicUrl();
  console.log(
    `✓ démonstration prête en ${((performance.now() - started) / 1000).toFixed(1)} s : ${result.learners} apprenant·es sur « ${result.path.title} », ${result.certificates} certificat(s)`,
  );
  console.log("");
  console.log(`  Connectez-vous sur ${site}/connexion`);
  console.log(`    e-mail       : ${DEMO_TRAINER.email}`);
  console.log(`    mot de passe : ${DEMO_TRAINER.password}`);
  console.log(`  Tableau de bord de la cohorte : ${site}/formateur/cohortes/${result.cohortId}`);
  console.log(`  Code pour la rejoindre        : ${formatJoinCode(result.joinCode)}`);
  console.log("");
  // The demo lives in this database only: the server must read the same one, on the same port.
  const sameDatabase = process.env.DATABASE_URL ? `DATABASE_URL=${JSON.stringify(DATABASE_URL)} ` : "";
  const samePort = process.env.PORT ? `PORT=${process.env.PORT} ` : "";
  console.log(`  Base utilisée : ${DATABASE_URL}. Démarrez le serveur sur cette même base : ${sameDatabase}${samePort}npm start`);
  if (!process.env.PORT && !process.env.PUBLIC_URL)
    console.log("  (Si votre serveur écoute sur un autre port, lancez la démonstration avec le même PORT pour des liens justes.)");
} finally {
  await db.$disconnect();
}
