/**
 * `npm run certificate:revoke -- <code> "<motif>"`: revokes a certificate. Its verification page
 * then says « révoqué » with the date; the reason is kept for the record.
 */
import { createDb } from "~/db/create-db.server.ts";
import { DEFAULT_DATABASE_URL } from "~/utils/database-url.ts";
import { RevocationSchema, revokeCertificate } from "~/certificates/revocation.server.ts";
import { formatCode } from "~/utils/verification-code.ts";

const [code = "", ...words] = process.argv.slice(2);
const parsed = RevocationSchema.safeParse({ code, reason: words.join(" ") });
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => issue.message).join("\n"));
  console.error('Usage : npm run certificate:revoke -- <code de vérification> "<motif>"');
  process.exit(2);
}
const { db } = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  const result = await revokeCertificate(db, parsed.data.code, parsed.data.reason);
  const shown = formatCode(parsed.data.code);
  if (result.status === "inconnu") {
    console.error(`Aucun certificat avec le code ${shown}.`);
    process.exitCode = 1;
  } else if (result.status === "deja-revoque") {
    console.log(`Le certificat ${shown} était déjà révoqué depuis le ${result.revokedAt.toISOString()}.`);
  } else {
    console.log(`Certificat ${shown} révoqué le ${result.revokedAt.toISOString()}.`);
  }
} finally {
  await db.$disconnect();
}
