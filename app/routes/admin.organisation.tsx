import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorList, FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { requireAdminOrNotFound } from "~/organisation/admin-access.server.ts";
import { OrganisationSettingsSchema } from "~/organisation/organisation-schema.ts";
import { frenchList, mergeSettings } from "~/organisation/organisation-settings.ts";
import { readStoredSettings, saveOrganisationSettings, settingsFromEnv } from "~/organisation/organisation-settings.server.ts";
import { documentStatuses } from "~/organisation/settings-page.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { setFlash, takeFlash } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";

export const meta: MetaFunction = () => [
  { title: "Organisme de formation — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

/**
 * The organisation's legal identity and contacts, as the documents for funders print them. Each
 * empty field takes the environment's default (README.md, configuration), shown as its hint.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminOrNotFound(request, context);
  const { updatedAt, ...stored } = await readStoredSettings(db);
  const defaults = settingsFromEnv();
  const flash = await takeFlash(request);
  return json(
    {
      stored,
      defaults,
      updatedAt,
      documents: documentStatuses(mergeSettings(stored, defaults)),
      saved: flash.code === "organisation-enregistree",
    },
    { headers: { "Cache-Control": "no-store", ...(flash.clear ? { "Set-Cookie": flash.clear } : {}) } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireAdminOrNotFound(request, context);
  const submission = parseWithZod(await readFormData(request), { schema: OrganisationSettingsSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await saveOrganisationSettings(db, submission.value, admin.id);
  return redirect("/admin/organisation", { headers: { "Set-Cookie": await setFlash("organisation-enregistree") } });
}

/** The hint under a field: what an empty field stands for (the environment variable and its value, if any). */
function defaultHint(value: string | null, variable: string, extra?: string) {
  const base = value
    ? `Laissé vide\u00A0: «\u202F${value}\u202F» (variable ${variable}).`
    : `Laissé vide\u00A0: aucune valeur (variable ${variable} non définie).`;
  return extra ? `${extra} ${base}` : base;
}

export default function OrganisationSettingsPage() {
  const { stored, defaults, updatedAt, documents, saved } = useLoaderData<typeof loader>();
  const blocked = documents.filter((status) => status.missing.length > 0);
  return (
    <div className="page page--narrow">
      <h1>Organisme de formation</h1>
      <p className="lede">
        Ces informations figurent sur les attestations, les certificats de réalisation et les relevés d'activité. Un champ laissé vide
        reprend la valeur par défaut de la configuration du serveur.
      </p>
      {saved ? (
        <p className="notice notice--success" role="status">
          Informations enregistrées.
        </p>
      ) : null}

      <section aria-labelledby="documents-bloques">
        <h2 id="documents-bloques">Documents</h2>
        {blocked.length === 0 ? (
          <p>Les trois documents peuvent être délivrés.</p>
        ) : (
          <ul>
            {documents.map((status) => (
              <li key={status.document}>
                {status.missing.length === 0
                  ? `${capitalise(status.label)}\u00A0: peut être délivré.`
                  : `${capitalise(status.label)}\u00A0: bloqué, il manque ${frenchList(status.missing)}.`}
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* Keyed by the last save: after one, the form starts again from what is stored (spaces removed). */}
      <SettingsForm key={updatedAt ?? "jamais"} stored={stored} defaults={defaults} />
      {updatedAt ? <p className="muted">Dernière modification le {formatDateTime(updatedAt)}.</p> : null}
    </div>
  );
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

function SettingsForm({ stored, defaults }: Pick<LoaderData, "stored" | "defaults">) {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(OrganisationSettingsSchema, {
    id: "organisation",
    lastResult,
    defaultValue: {
      legalName: stored.legalName ?? "",
      address: stored.address ?? "",
      siret: stored.siret ?? "",
      activityDeclarationNumber: stored.activityDeclarationNumber ?? "",
      qualiopiReference: stored.qualiopiReference ?? "",
      electedTrainingApproval: stored.electedTrainingApproval ?? "",
      pedagogicalContactName: stored.pedagogicalContact.name ?? "",
      pedagogicalContactEmail: stored.pedagogicalContact.email ?? "",
      disabilityContactName: stored.disabilityContact.name ?? "",
      disabilityContactEmail: stored.disabilityContact.email ?? "",
      answerDelay: stored.answerDelay ?? "",
    },
  });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <fieldset className="field">
        <legend>Identité légale</legend>
        <TextField meta={fields.legalName} label="Raison sociale" hint={defaultHint(defaults.legalName, "ORGANISATION_LEGAL_NAME")} />
        <div className="field">
          <label htmlFor={fields.address.id}>Adresse</label>
          <p id={fields.address.descriptionId} className="field__hint">
            {defaultHint(defaults.address, "ORGANISATION_ADDRESS", "Sur une ou plusieurs lignes.")}
          </p>
          <textarea {...getTextareaProps(fields.address, { ariaDescribedBy: fields.address.descriptionId })} rows={3} />
          <ErrorList id={fields.address.errorId} errors={fields.address.errors} />
        </div>
        <TextField
          meta={fields.siret}
          label="SIRET"
          hint={defaultHint(defaults.siret, "ORGANISATION_SIRET", "14\u00A0chiffres, espaces acceptés.")}
        />
        <TextField
          meta={fields.activityDeclarationNumber}
          label="Numéro de déclaration d'activité"
          hint={defaultHint(
            defaults.activityDeclarationNumber,
            "ORGANISATION_ACTIVITY_DECLARATION",
            "11\u00A0chiffres, donné par la DREETS.",
          )}
        />
        <TextField
          meta={fields.qualiopiReference}
          label="Référence du certificat Qualiopi (facultatif)"
          hint={defaultHint(defaults.qualiopiReference, "ORGANISATION_QUALIOPI_REFERENCE")}
        />
        <TextField
          meta={fields.electedTrainingApproval}
          label="Agrément pour la formation des élus (facultatif)"
          hint={defaultHint(
            defaults.electedTrainingApproval,
            "ORGANISATION_ELECTED_TRAINING_APPROVAL",
            "Délivré par le ministère de l'Intérieur.",
          )}
        />
      </fieldset>
      <fieldset className="field">
        <legend>Référent pédagogique</legend>
        <TextField
          meta={fields.pedagogicalContactName}
          label="Nom du référent pédagogique"
          hint={defaultHint(defaults.pedagogicalContact.name, "PEDAGOGICAL_CONTACT_NAME")}
        />
        <TextField
          meta={fields.pedagogicalContactEmail}
          label="Adresse e-mail du référent pédagogique"
          type="email"
          hint={defaultHint(defaults.pedagogicalContact.email, "PEDAGOGICAL_CONTACT_EMAIL")}
        />
      </fieldset>
      <fieldset className="field">
        <legend>Référent handicap</legend>
        <TextField
          meta={fields.disabilityContactName}
          label="Nom du référent handicap"
          hint={defaultHint(defaults.disabilityContact.name, "DISABILITY_CONTACT_NAME")}
        />
        <TextField
          meta={fields.disabilityContactEmail}
          label="Adresse e-mail du référent handicap"
          type="email"
          hint={defaultHint(defaults.disabilityContact.email, "DISABILITY_CONTACT_EMAIL")}
        />
      </fieldset>
      <TextField
        meta={fields.answerDelay}
        label="Délai de réponse aux questions des apprenant·es"
        hint={defaultHint(defaults.answerDelay, "ANSWER_DELAY", "Affiché aux apprenant·es, 60\u00A0caractères au plus.")}
      />
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Enregistrer
        </button>
      </div>
    </Form>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
