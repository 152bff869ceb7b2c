import { SIMULATION_MESSAGES } from "~/simulations/simulation-messages.ts";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { AUDIENCE_OF_PROFILE } from "~/courses/audience.ts";
import { getCatalog, getScenario } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { parseChoiceOrder } from "~/simulations/choice-order.ts";
import { chooseInRun, restartRun, SimulationError, startRun, parseChoices } from "~/simulations/runs.server.ts";
import { learnerPathId, loadSimulationBlock } from "~/simulations/simulation-page.server.ts";
import { SimulationPlayer } from "~/simulations/simulation-player.tsx";
import type { SimulationMessageCode } from "~/simulations/simulation-messages.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.block.scenario.title} — simulation — Apprendre à faire alliance` : "Simulation" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const scenario = getScenario(params.id ?? "");
  if (!scenario) throw new Response("Cette simulation n'existe pas.", { status: 404 });
  const user = await getCurrentUser(request, context);
  // On its own page, the debrief links to lessons of the path the learner follows (none for a visitor).
  const pathId = await learnerPathId(db, user?.id ?? null);
  const block = await loadSimulationBlock({ db, catalog: getCatalog(), scenario, user, url: new URL(request.url), pathId });
  return json({ block, audience: user ? (AUDIENCE_OF_PROFILE[user.profile] ?? null) : null, url: `/simulations/${scenario.id}` });
}

/** Fields a simulation request may carry; anything else (a claimed ending…) makes it a bad request. */
const ALLOWED_FIELD = /^(intent|mode|retour|runId|sceneId|choix)$/;

function back(returnTo: string, scenarioId: string, step: string | null, headers: HeadersInit = {}) {
  const [base] = returnTo.split(/[?#]/);
  const query = step ? `?${new URLSearchParams({ simulation: scenarioId, etape: step })}` : "";
  return redirect(`${base}${query}#simulation-${scenarioId}`, { status: 303, headers });
}

/**
 * Starts, continues and restarts a learner's run. The browser (mode=js) gets JSON; a plain form is
 * sent back to the page it came from (`retour`).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const scenario = getScenario(params.id ?? "");
  if (!scenario) throw new Response("Cette simulation n'existe pas.", { status: 404 });
  const form = await readFormData(request);
  const js = form.get("mode") === "js";
  const returnTo = safeRedirect(form.get("retour"), `/simulations/${scenario.id}`);
  const fail = (status: number, code: SimulationMessageCode) =>
    js ? json({ error: code, message: SIMULATION_MESSAGES[code] }, { status }) : back(returnTo, scenario.id, code);
  if ([...form.keys()].some((name) => !ALLOWED_FIELD.test(name))) return fail(400, "champ-inattendu");

  const user = await getCurrentUser(request, context);
  if (!user) {
    return js
      ? json({ error: "partie-introuvable" as const, message: "Connectez-vous pour que votre partie soit enregistrée." }, { status: 401 })
      : redirect(`/connexion?${new URLSearchParams({ redirectTo: returnTo })}`);
  }
  const intent = form.get("intent");
  try {
    if (intent === "commencer" || intent === "recommencer") {
      const run = intent === "commencer" ? await startRun(db, user.id, scenario) : await restartRun(db, user.id, scenario);
      return js ? json({ run: { id: run.id, choices: parseChoices(run.choices), order: parseChoiceOrder(run.choiceOrder) } }) : back(returnTo, scenario.id, null);
    }
    if (intent === "choisir") {
      const result = await chooseInRun(db, scenario, user.id, {
        runId: String(form.get("runId") ?? ""),
        sceneId: String(form.get("sceneId") ?? ""),
        choiceId: String(form.get("choix") ?? ""),
      });
      const headers = await noticeHeaders(result.endingId ? await issueCertificatesAfter(db, user.id, { scenarioId: scenario.id }) : []);
      if (js) return json({ ok: true, endingId: result.endingId }, { headers });
      return back(returnTo, scenario.id, result.endingId ? "debriefing" : null, headers);
    }
    return fail(400, "champ-inattendu");
  } catch (error) {
    if (error instanceof SimulationError) return fail(error.status, error.code);
    throw error;
  }
}

export default function SimulationPage() {
  const { block, audience, url } = useLoaderData<typeof loader>();
  return (
    <div className="page page--reading">
      <Breadcrumbs trail={[{ to: "/simulations", label: "Simulations" }]} current={block.scenario.title} />
      <SimulationPlayer
        scenario={block.scenario}
        view={block.view}
        audience={audience}
        conceptLessons={block.conceptLessons}
        actionUrl={url}
        returnTo={url}
        showLastDebrief={block.showLastDebrief}
        headingLevel={1}
        summary={block.scenario.summary}
      />
    </div>
  );
}
