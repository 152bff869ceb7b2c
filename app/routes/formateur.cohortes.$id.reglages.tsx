import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { CohortFieldsSchema, formatDay } from "~/cohorts/cohort-schemas.ts";
import { regenerateJoinCode, setCohortArchived, updateCohort } from "~/cohorts/cohorts.server.ts";
import { formatJoinCode } from "~/cohorts/join-code.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Réglages — ${data?.cohort.name ?? "Cohorte"} — Apprendre à faire alliance` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { cohort, path } = await requireTrainerCohort(request, context, params.id);
  const url = new URL(request.url);
  return json({
    cohort: {
      id: cohort.id,
      name: cohort.name,
      pathTitle: path.title,
      startsOn: formatDay(cohort.startsOn),
      dueOn: formatDay(cohort.dueOn),
      joinCode: formatJoinCode(cohort.joinCode),
      archived: Boolean(cohort.archivedAt),
      members: cohort._count.members,
    },
    done: url.searchParams.get("fait"),
  });
}

const IntentSchema = z.object({ intent: z.enum(["modifier", "nouveau-code", "archiver", "desarchiver"], { error: "Action inconnue." }) });

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, cohort } = await requireTrainerCohort(request, context, params.id);
  const formData = await readFormData(request);
  const intent = IntentSchema.safeParse({ intent: formData.get("intent") });
  invariantResponse(intent.success, "Cette action n'existe pas.", { status: 400 });
  const back = (done: string) => redirect(`/formateur/cohortes/${cohort.id}/reglages?fait=${done}`);
  switch (intent.data.intent) {
    case "modifier": {
      const submission = parseWithZod(formData, { schema: CohortFieldsSchema });
      if (submission.status !== "success") return json(submission.reply(), { status: 400 });
      await updateCohort(db, user.id, cohort.id, submission.value);
      return back("modifiee");
    }
    case "nouveau-code":
      await regenerateJoinCode(db, user.id, cohort.id);
      return back("nouveau-code");
    case "archiver":
    case "desarchiver":
      await setCohortArchived(db, user.id, cohort.id, intent.data.intent === "archiver");
      return back(intent.data.intent === "archiver" ? "archivee" : "desarchivee");
  }
}

const DONE: Record<string, string> = {
  modifiee: "Modifications enregistrées.",
  "nouveau-code": "Nouveau code créé\u00A0: l'ancien ne fonctionne plus.",
  archivee: "Cohorte archivée\u00A0: plus personne ne peut la rejoindre.",
  desarchivee: "Cohorte rouverte\u00A0: son code fonctionne de nouveau.",
};

export default function CohortSettingsPage() {
  const { cohort, done } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(CohortFieldsSchema, {
    id: "reglages-cohorte",
    lastResult,
    defaultValue: { name: cohort.name, startsOn: cohort.startsOn, dueOn: cohort.dueOn },
    shouldRevalidate: "onInput",
  });
  return (
    <div className="page page--narrow">
      <Breadcrumbs
        trail={[
          { to: "/formateur", label: "Mes cohortes" },
          { to: `/formateur/cohortes/${cohort.id}`, label: cohort.name },
        ]}
        current="Réglages"
      />
      <h1>Réglages de la cohorte</h1>
      {done && DONE[done] ? (
        <p className="notice notice--success" role="status">
          {DONE[done]}
        </p>
      ) : null}
      <p className="muted">
        Parcours&nbsp;: {cohort.pathTitle} (il ne change pas après la création&nbsp;: créez une autre cohorte pour un autre parcours).
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="modifier" />
        <TextField meta={fields.name} label="Nom de la cohorte" />
        <TextField meta={fields.startsOn} label="Début (facultatif)" type="date" />
        <TextField meta={fields.dueOn} label="Échéance (facultatif)" type="date" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Enregistrer
          </button>
        </div>
      </Form>

      <h2>Code pour rejoindre</h2>
      <p>
        Code actuel&nbsp;: <span className="join-code">{cohort.joinCode}</span>. Un nouveau code remplace l'ancien&nbsp;: les apprenant·es
        déjà inscrit·es restent dans la cohorte, mais l'ancien code et l'ancien lien ne permettent plus de la rejoindre.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="nouveau-code" />
        <button type="submit" className="button button--secondary">
          Créer un nouveau code
        </button>
      </Form>

      <h2>{cohort.archived ? "Rouvrir la cohorte" : "Archiver la cohorte"}</h2>
      <p>
        {cohort.archived
          ? "La cohorte est archivée\u00A0: son tableau de bord reste consultable, mais personne ne peut la rejoindre."
          : `Archiver ferme la cohorte aux nouvelles inscriptions\u202F; ses ${cohort.members} apprenant·es et leurs données restent visibles.`}
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value={cohort.archived ? "desarchiver" : "archiver"} />
        <button type="submit" className="button button--secondary">
          {cohort.archived ? "Rouvrir" : "Archiver"}
        </button>
      </Form>
    </div>
  );
}
