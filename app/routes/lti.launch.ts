/**
 * LTI 1.3, step 2: the platform posts the id_token (form_post). Verified (app/lti/launch.server.ts),
 * the person gets their account and a session here, and lands on the path, lesson or cohort.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { startSession } from "~/auth/session.server.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { withErrorPages } from "~/errors/resource-errors.server.ts";
import { landLaunch } from "~/lti/launch-account.server.ts";
import { consumeState, verifyLaunch } from "~/lti/launch.server.ts";
import { LtiError } from "~/lti/lti-error.ts";
import { asResponse, requestParams } from "~/lti/lti-requests.server.ts";
import { browserValueOf } from "~/lti/oidc-login.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

export const loader = withErrorPages(async () => {
  throw new Response("Cette adresse reçoit les lancements LTI de votre plateforme\u00A0: ouvrez l'activité depuis votre cours.", {
    status: 405,
    headers: { "Content-Type": "text/plain; charset=utf-8", Allow: "POST" },
  });
});

export const action = withErrorPages(async ({ request }: ActionFunctionArgs) => {
  try {
    const params = await requestParams(request);
    if (params.error) throw new LtiError(`La plateforme a refusé la connexion\u00A0: ${params.error.slice(0, 100)}.`, 400);
    if (!params.id_token || !params.state) throw new LtiError("Ce lancement LTI est incomplet (id_token et state sont requis).", 400);
    const consumed = await consumeState(db, params.state, browserValueOf(request.headers.get("Cookie")));
    const launch = await verifyLaunch(db, params.id_token, consumed);
    const landing = await landLaunch(db, launch, getCatalog(), publicUrl());
    const next = landing.needsName ? `/lti/nom?suite=${encodeURIComponent(landing.next)}` : landing.next;
    return new Response(null, {
      status: 303,
      headers: { Location: next, "Set-Cookie": await startSession(request, landing.userId), "Cache-Control": "no-store" },
    });
  } catch (error) {
    return asResponse(error);
  }
});
