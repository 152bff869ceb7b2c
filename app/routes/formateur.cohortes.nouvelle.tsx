import { getFormProps } from "@conform-to/react";
import { formatMinutes } from "~/utils/format.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireTrainer } from "~/cohorts/cohort-access.server.ts";
import { CreateCohortSchema } from "~/cohorts/cohort-schemas.ts";
import { createCohort } from "~/cohorts/cohorts.server.ts";
import { FormErrors, RadioGroup, TextField, useZodForm } from "~/components/forms.tsx";
import { publishedPaths } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { setFlash } from "~/utils/flash.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Créer une cohorte — Apprendre à faire alliance" }];

function pathChoices() {
  return publishedPaths(getCatalog()).map((path) => ({
    id: path.id,
    title: path.title,
    minutes: path.nominalMinutes,
    summary: path.summary,
  }));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireTrainer(request, context);
  return json({ paths: pathChoices() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireTrainer(request, context);
  const submission = parseWithZod(await readFormData(request), { schema: CreateCohortSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (!pathChoices().some((path) => path.id === submission.value.pathId)) {
    return json(submission.reply({ fieldErrors: { pathId: ["Choisissez l'un des parcours proposés."] } }), { status: 400 });
  }
  const { id } = await createCohort(db, user.id, submission.value);
  // « Cohorte créée » is said once: by a flash cookie, not the address (a reload would repeat it).
  return redirect(`/formateur/cohortes/${id}`, { headers: { "Set-Cookie": await setFlash("cohorte-creee") } });
}

export default function NewCohortPage() {
  const { paths } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(CreateCohortSchema, { id: "nouvelle-cohorte", lastResult, shouldRevalidate: "onInput" });
  return (
    <div className="page page--narrow">
      <Breadcrumbs trail={[{ to: "/formateur", label: "Mes cohortes" }]} current="Nouvelle cohorte" />
      <h1>Créer une cohorte</h1>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.name}
          label="Nom de la cohorte"
          hint="Vos apprenant·es le verront en rejoignant la cohorte, par exemple «&#x202F;Master 2 Transitions — 2027&#x202F;»."
        />
        <RadioGroup
          meta={fields.pathId}
          legend="Parcours suivi"
          options={paths.map((path) => ({ value: path.id, label: `${path.title} (${formatMinutes(path.minutes)})`, hint: path.summary }))}
        />
        <fieldset className="field">
          <legend>Calendrier (facultatif)</legend>
          <p className="field__hint">
            Avec un début et une échéance, le tableau de bord signale les apprenant·es en retard sur le rythme attendu.
          </p>
          <TextField meta={fields.startsOn} label="Début" type="date" />
          <TextField meta={fields.dueOn} label="Échéance" type="date" />
        </fieldset>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Créer la cohorte
          </button>
        </div>
      </Form>
    </div>
  );
}
