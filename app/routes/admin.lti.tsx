import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Fragment } from "react";
import { z } from "zod";
import { ErrorList, FormErrors, TextField } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { listRegistrations, registerPlatform, RegistrationSchema, type Registration } from "~/lti/registrations.server.ts";
import { requireAdminOrNotFound } from "~/organisation/admin-access.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { setFlash, takeFlash } from "~/utils/flash.server.ts";
import { formatDateTime } from "~/utils/format.ts";
import { publicUrl } from "~/utils/public-url.server.ts";

export const meta: MetaFunction = () => [{ title: "LTI 1.3 — Apprendre à faire alliance" }, { name: "robots", content: "noindex" }];

const SAVED = "lti-plateforme-enregistree";
/** A platform has a handful of deployments; the cap keeps one post from running thousands of upserts. */
const MAX_DEPLOYMENTS = 50;

/** The labels RegistrationSchema's own messages start with, for the messages it leaves to zod. */
const FIELD_LABELS = new Map<PropertyKey, string>([
  ["name", "Nom"],
  ["issuer", "Issuer"],
  ["clientId", "Client id"],
  ["deploymentIds", "Identifiants de déploiement"],
  ["authLoginUrl", "Adresse d'authentification"],
  ["authTokenUrl", "Adresse des jetons"],
  ["jwksUrl", "Adresse des clés (JWKS)"],
]);

const labelOf = (path: readonly PropertyKey[] | undefined) => FIELD_LABELS.get(path?.[0] ?? "") ?? "Ce champ";
const tooLong = (label: string, maximum: number | bigint) => `${label}\u00A0: ${maximum}\u00A0caractères au plus`;

/** French where RegistrationSchema leaves zod's English: a field left empty (conform sends it as missing), a value too long. */
function frenchDefault(issue: z.core.$ZodRawIssue, label: string): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return `${label}\u00A0: requis`;
  if (issue.code === "too_big" && issue.origin === "string") return tooLong(label, issue.maximum);
  return `${label}\u00A0: valeur non valide`;
}

const frenchErrors: z.core.$ZodErrorMap = (issue) => frenchDefault(issue, labelOf(issue.path));

/**
 * A field's messages, each once. A value too long is always worded here: the address fields answer
 * every failure without a message of its own with « adresse requise », their maximum length's too.
 */
function fieldMessages(issues: z.core.$ZodIssue[]): string[] {
  const messages = issues.map((issue) =>
    issue.code === "too_big" && issue.origin === "string" ? tooLong(labelOf(issue.path), issue.maximum) : issue.message,
  );
  return [...new Set(messages)];
}

/**
 * RegistrationSchema with the deployment ids typed one per line in a textarea. Their errors are
 * reported on the textarea (not on `deploymentIds[3]`, which no field shows), each message once.
 * Built on demand: the schema lives in a .server module, which the browser bundle never has.
 */
function registrationFormSchema() {
  const deploymentIds = z
    .string()
    .optional()
    .transform((text, context) => {
      const ids = (text ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
      if (ids.length > MAX_DEPLOYMENTS) {
        context.addIssue({ code: "custom", message: `Identifiants de déploiement\u00A0: ${MAX_DEPLOYMENTS} au plus` });
        return z.NEVER;
      }
      const parsed = RegistrationSchema.shape.deploymentIds.safeParse(ids, {
        error: (issue) => frenchDefault(issue, "Identifiants de déploiement"),
      });
      if (parsed.success) return parsed.data;
      for (const message of new Set(parsed.error.issues.map((issue) => issue.message))) context.addIssue({ code: "custom", message });
      return z.NEVER;
    });
  return RegistrationSchema.extend({ deploymentIds });
}

/** What the admin types into the form (the deployment ids as one text). */
type RegistrationFields = Omit<Registration, "deploymentIds"> & { deploymentIds: string };

/** The tool's addresses a platform asks for, from PUBLIC_URL (app/lti/README.md). */
function toolAddresses(site: string) {
  return [
    { label: "Adresse de l'outil (target link URI), par exemple un parcours", url: `${site}/parcours/decouvrir` },
    { label: "Adresse de connexion (initiate login URL)", url: `${site}/lti/login` },
    { label: "Adresse de redirection (redirection URI)", url: `${site}/lti/launch` },
    { label: "Clés publiques de l'outil (public keyset URL)", url: `${site}/lti/jwks.json` },
  ];
}

/** LTI 1.3 for administrators: the addresses to give a platform, the platforms registered, and the form that registers one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdminOrNotFound(request, context);
  const [registrations, flash] = await Promise.all([listRegistrations(db), takeFlash(request)]);
  return json(
    {
      addresses: toolAddresses(publicUrl()),
      registrations: registrations.map(({ id, name, issuer, clientId, deployments }) => ({ id, name, issuer, clientId, deployments })),
      // Changes with every registration that changed something: the form starts empty again after it.
      formKey: registrations
        .map((r) => [r.id, r.name, r.authLoginUrl, r.authTokenUrl, r.jwksUrl, ...r.deployments.map((d) => d.deploymentId)].join(" "))
        .join("\n"),
      saved: flash.code === SAVED,
    },
    { headers: { "Cache-Control": "no-store", ...(flash.clear ? { "Set-Cookie": flash.clear } : {}) } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAdminOrNotFound(request, context);
  const submission = parseWithZod(await readFormData(request), {
    schema: registrationFormSchema(),
    error: frenchErrors,
    formatError: fieldMessages,
  });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await registerPlatform(db, submission.value);
  return redirect("/admin/lti", { headers: { "Set-Cookie": await setFlash(SAVED) } });
}

export default function LtiAdminPage() {
  const { addresses, registrations, formKey, saved } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>LTI 1.3</h1>
      <p className="lede">
        Pour ouvrir les parcours depuis un Moodle, un Canvas ou un Open edX&nbsp;: la plateforme reçoit les adresses de l'outil, puis vous
        enregistrez ici celles qu'elle vous donne.
      </p>
      {saved ? (
        <p className="notice notice--success" role="status">
          Plateforme enregistrée.
        </p>
      ) : null}

      <section aria-labelledby="adresses-outil">
        <h2 id="adresses-outil">Les adresses à donner à votre plateforme</h2>
        <dl className="summary-list">
          {addresses.map((address) => (
            <Fragment key={address.url}>
              <dt>{address.label}</dt>
              <dd>
                <code>{address.url}</code>
              </dd>
            </Fragment>
          ))}
        </dl>
      </section>

      <section aria-labelledby="plateformes-enregistrees">
        <h2 id="plateformes-enregistrees">Plateformes enregistrées</h2>
        {registrations.length === 0 ? (
          <p className="muted">Aucune plateforme pour l'instant.</p>
        ) : (
          <div className="table-wrap" role="region" aria-label="Plateformes enregistrées" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Issuer</th>
                  <th scope="col">Client id</th>
                  <th scope="col">Déploiements et derniers lancements</th>
                </tr>
              </thead>
              <tbody>
                {registrations.map((registration) => (
                  <tr key={registration.id}>
                    <th scope="row">{registration.name}</th>
                    <td>
                      <code>{registration.issuer}</code>
                    </td>
                    <td>
                      <code>{registration.clientId}</code>
                    </td>
                    <td>
                      <ul>
                        {registration.deployments.map((deployment) => (
                          <li key={deployment.deploymentId}>
                            <code>{deployment.deploymentId}</code>&nbsp;: {launchesText(deployment)}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="enregistrer-plateforme">
        <h2 id="enregistrer-plateforme">Enregistrer une plateforme</h2>
        <p>
          Les valeurs que la plateforme affiche pour l'outil (Moodle&nbsp;: «&#x202F;Détails de configuration&#x202F;»). Enregistrer de
          nouveau le même issuer et le même client id met la plateforme à jour et ajoute les déploiements.
        </p>
        <RegistrationForm key={formKey} />
      </section>
    </div>
  );
}

/** « jamais », or how many launches and when the last one was. */
function launchesText({ launchCount, lastLaunchAt }: { launchCount: number; lastLaunchAt: string | null }): string {
  if (launchCount === 0 || !lastLaunchAt) return "jamais";
  return `${launchCount}\u00A0lancement${launchCount > 1 ? "s" : ""}, le dernier le ${formatDateTime(lastLaunchAt)}`;
}

/**
 * Checked on the server only (RegistrationSchema is server code): with or without JavaScript, the
 * errors come back next to their fields.
 */
function RegistrationForm() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm<RegistrationFields>({ id: "plateforme-lti", lastResult, shouldValidate: "onSubmit" });
  return (
    <Form method="post" className="form" {...getFormProps(form)}>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextField
        meta={fields.name}
        label="Nom de la plateforme"
        hint={"Pour vous y retrouver, par exemple «\u202FMoodle de l'université\u202F»."}
      />
      <TextField
        meta={fields.issuer}
        label="Issuer"
        hint={"L'identifiant de la plateforme (Moodle\u00A0: «\u202FID de la plateforme\u202F»)."}
      />
      <TextField meta={fields.clientId} label="Client id" hint="Donné par la plateforme quand l'outil y est ajouté." />
      <div className="field">
        <label htmlFor={fields.deploymentIds.id}>Identifiants de déploiement</label>
        <p id={fields.deploymentIds.descriptionId} className="field__hint">
          Un par ligne (Moodle&nbsp;: «&#x202F;ID de déploiement&#x202F;»).
        </p>
        <textarea {...getTextareaProps(fields.deploymentIds, { ariaDescribedBy: fields.deploymentIds.descriptionId })} rows={3} />
        <ErrorList id={fields.deploymentIds.errorId} errors={fields.deploymentIds.errors} />
      </div>
      <TextField
        meta={fields.authLoginUrl}
        label="Adresse d'authentification (authentication request URL)"
        hint={"Moodle\u00A0: https://…/mod/lti/auth.php"}
      />
      <TextField
        meta={fields.authTokenUrl}
        label="Adresse des jetons (access token URL)"
        hint={"Moodle\u00A0: https://…/mod/lti/token.php"}
      />
      <TextField
        meta={fields.jwksUrl}
        label="Adresse des clés publiques (public keyset URL)"
        hint={"Moodle\u00A0: https://…/mod/lti/certs.php"}
      />
      <div>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          Enregistrer la plateforme
        </button>
      </div>
    </Form>
  );
}
