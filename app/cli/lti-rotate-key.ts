/**
 * `npm run lti:rotate-key`: a new signing key for the LTI tool; the previous one stays published at
 * /lti/jwks.json, so platforms that cached it keep verifying. Restart the server afterwards.
 */
import { rotateToolKey } from "~/lti/tool-keys.server.ts";

if (process.env.LTI_SIGNING_KEY) {
  console.error("LTI_SIGNING_KEY est défini\u00A0: la clé vient de l'environnement, changez-la là.");
  process.exit(2);
}
console.log(`Nouvelle clé LTI\u00A0: ${rotateToolKey()}. Redémarrez le serveur pour qu'il signe avec elle.`);
