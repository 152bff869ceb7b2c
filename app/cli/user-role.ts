/**
 * `npm run user:role -- <email> <LEARNER|TRAINER|ADMIN>`: gives an account a role. The only way to
 * name an administrator: nobody can become one from the web.
 */
import { createDb } from "~/db/create-db.server.ts";
import { isRole, ROLES } from "~/auth/profiles.ts";
import { DEFAULT_DATABASE_URL } from "~/utils/database-url.ts";
import { setUserRole } from "~/auth/roles.server.ts";

const [email, role] = process.argv.slice(2);
if (!email || !isRole(role)) {
  console.error(`Usage : npm run user:role -- <adresse e-mail> <${ROLES.join("|")}>`);
  process.exit(2);
}
const { db } = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  const updated = await setUserRole(db, email, role);
  if (!updated) {
    console.error(`Aucun compte avec l'adresse ${email}.`);
    process.exitCode = 1;
  } else {
    console.log(`${updated.email} a désormais le rôle ${role}.`);
  }
} finally {
  await db.$disconnect();
}
