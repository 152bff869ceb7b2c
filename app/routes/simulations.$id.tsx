import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/auth/session.server.ts";
import { issueCertificatesAfter } from "~/certificates/certificates.server.ts";
import { noticeHeaders } from "~/certificates/certificate-notice.server.ts";
import { AUDIENCE_OF_PROFILE } from "~/courses/audience.ts";
import { getCatalog, requireScenario } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { parseChoiceOrder } from "~/simulations/choice-order.ts";
import { chooseInRun, restartRun, startRun, parseChoices } from "~/simulations/runs.server.ts";
import { learnerPathId, loadSimulationBlock } from "~/simulations/simulation-page.server.ts";
import { SimulationPlayer } from "~/simulations/simulation-player.tsx";
import { SIMULATION_MESSAGES, type SimulationMessageCode } from "~/simulations/simulation-messages.ts";
import { readActivityRequest, type ActivityProtocol } from "~/activities/protocol.server.ts";
import { z } from "zod";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.block.scenario.title} — simulation — Apprendre à faire alliance` : "Simulation" },
];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const scenario = requireScenario(params.id);
  const user = await getCurrentUser(request, context);
  // On its own page, the debrief links to lessons of the path the learner follows (none for a visitor).
  const pathId = await learnerPathId(db, user?.id ?? null);
  const block = await loadSimulationBlock({ db, catalog: getCatalog(), scenario, user, url: new URL(request.url), pathId });
  return json({ block, audience: user ? (AUDIENCE_OF_PROFILE[user.profile] ?? null) : null, url: `/simulations/${scenario.id}` });
}

/** Fields a simulation request may carry; anything else (a claimed ending…) makes it a bad request. */
const SIMULATION_PROTOCOL: ActivityProtocol<SimulationMessageCode> = {
  kind: "simulation",
  messages: SIMULATION_MESSAGES,
  fieldName: z.enum(["intent", "mode", "retour", "runId", "sceneId", "choix"]),
};

/**
 * Starts, continues and restarts a learner's run. The browser (mode=js) gets JSON; a plain form is
 * sent back to the page it came from (`retour`).
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const scenario = requireScenario(params.id);
  const { js, form, intent, returnTo, fail, reply, run } = await readActivityRequest(SIMULATION_PROTOCOL, request, {
    id: scenario.id,
    defaultReturnTo: `/simulations/${scenario.id}`,
  });
  return run(async () => {
    const user = await getCurrentUser(request, context);
    if (!user) {
      return js
        ? json({ error: "partie-introuvable" as const, message: "Connectez-vous pour que votre partie soit enregistrée." }, { status: 401 })
        : redirect(`/connexion?${new URLSearchParams({ redirectTo: returnTo })}`);
    }
    if (intent === "commencer" || intent === "recommencer") {
      const started = intent === "commencer" ? await startRun(db, user.id, scenario) : await restartRun(db, user.id, scenario);
      return reply({ run: { id: started.id, choices: parseChoices(started.choices), order: parseChoiceOrder(started.choiceOrder) } }, null);
    }
    if (intent === "choisir") {
      const result = await chooseInRun(db, scenario, user.id, {
        runId: String(form.get("runId") ?? ""),
        sceneId: String(form.get("sceneId") ?? ""),
        choiceId: String(form.get("choix") ?? ""),
      });
      const headers = await noticeHeaders(result.endingId ? await issueCertificatesAfter(db, user.id, { scenarioId: scenario.id }) : []);
      return reply({ ok: true, endingId: result.endingId }, result.endingId ? "debriefing" : null, headers);
    }
    return fail(400, "champ-inattendu");
  });
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
