/**
 * `npm run lti:register -- --name "Moodle de l'université" --issuer https://moodle.exemple.fr
 *   --client-id AbC123 --deployment 1 --auth-login-url https://moodle.exemple.fr/mod/lti/auth.php
 *   --token-url https://moodle.exemple.fr/mod/lti/token.php --jwks-url https://moodle.exemple.fr/mod/lti/certs.php`
 * registers an LTI 1.3 platform (or updates it) with its deployments (--deployment may be repeated).
 */
import { parseArgs } from "node:util";
import { createDb } from "~/db/create-db.server.ts";
import { RegistrationSchema, registerPlatform } from "~/lti/registrations.server.ts";
import { DEFAULT_DATABASE_URL } from "~/utils/database-url.ts";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    issuer: { type: "string" },
    "client-id": { type: "string" },
    deployment: { type: "string", multiple: true },
    "auth-login-url": { type: "string" },
    "token-url": { type: "string" },
    "jwks-url": { type: "string" },
  },
  strict: true,
});
const parsed = RegistrationSchema.safeParse({
  name: values.name,
  issuer: values.issuer,
  clientId: values["client-id"],
  deploymentIds: values.deployment ?? [],
  authLoginUrl: values["auth-login-url"],
  authTokenUrl: values["token-url"],
  jwksUrl: values["jwks-url"],
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".") || "?"}\u00A0: ${issue.message}`);
  console.error("Usage\u00A0: voir app/lti/README.md («\u202FEnregistrer une plateforme\u202F»).");
  process.exit(2);
}
const { db } = createDb(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
try {
  await registerPlatform(db, parsed.data);
  console.log(`Plateforme «\u202F${parsed.data.name}\u202F» enregistrée (${parsed.data.deploymentIds.length} déploiement(s)).`);
} finally {
  await db.$disconnect();
}
