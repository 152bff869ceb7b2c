/**
 * `npm run user:2fa-reset -- <email>`: clears the two-factor sign-in of an account (its secret and
 * recovery codes) and ends its sessions, for someone who lost both their phone and their recovery
 * codes. Check who is asking first (a password reset does not clear 2FA, on purpose: this command
 * is the only way around the second factor). The password stays the same.
 */
import { resetTwoFactor } from "~/auth/two-factor.server.ts";
import { createDb } from "~/db/create-db.server.ts";
import { DEFAULT_DATABASE_URL } from "~/utils/database-url.ts";

const [email] = process.argv.slice(2);
if (!email?.trim()) {
  console.error("Usage : npm run user:2fa-reset -- <adresse e-mail>");
  process.exit(2);
}
const { db } = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  const reset = await resetTwoFactor(db, email);
  if (!reset) {
    console.error(`Aucun compte avec l'adresse ${email.trim()}.`);
    process.exitCode = 1;
  } else {
    const sessions = `${reset.sessionsEnded} session${reset.sessionsEnded > 1 ? "s" : ""} fermée${reset.sessionsEnded > 1 ? "s" : ""}`;
    console.log(
      reset.wasEnabled
        ? `La double authentification de ${reset.email} est désactivée et ses codes de secours sont effacés (${sessions}). Le mot de passe suffit à la prochaine connexion ; conseillez de la réactiver.`
        : `La double authentification n'était pas activée pour ${reset.email} (${sessions}).`,
    );
  }
} finally {
  await db.$disconnect();
}
