import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { PASSWORD_MAX } from "~/auth/auth-schemas.ts";
import { startSession } from "~/auth/session.server.ts";
import { confirmSignUp, findPendingSignUp } from "~/auth/sign-up.server.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [
  { title: "Confirmer votre inscription — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

// The address carries the token: no Referer takes it to another site, no cache keeps the page.
// (Not "no-referrer": browsers then send `Origin: null` with the form, which the CSRF guard refuses.)
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "private, no-store" });

const ConfirmSignUpSchema = z.object({
  jeton: z
    .string({ error: "Ce lien est incomplet\u00A0: ouvrez-le de nouveau depuis l'e-mail." })
    .min(1)
    .max(100, "Ce lien n'est pas valable."),
  password: z
    .string({ error: "Indiquez le mot de passe choisi à l'inscription." })
    .min(1, "Indiquez le mot de passe choisi à l'inscription.")
    .max(PASSWORD_MAX, "Ce n'est pas le mot de passe choisi à l'inscription."),
});

/** Opening the link only shows the confirmation (a GET never writes; mail scanners open links). */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("jeton") ?? "";
  const pending = await findPendingSignUp(db, token);
  if (!pending) return json({ state: "lien" as const, email: null, name: null }, { status: 410 });
  return json({ state: "valide" as const, email: pending.email, name: pending.name });
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ConfirmSignUpSchema });
  if (submission.status !== "success")
    return json({ state: "formulaire" as const, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  const result = await confirmSignUp(db, submission.value.jeton, submission.value.password);
  if (result.ok) {
    const cookie = await startSession(request, result.userId);
    return redirect(result.redirectTo ?? "/tableau-de-bord?bienvenue=1", { headers: { "Set-Cookie": cookie } });
  }
  if (result.reason === "mot-de-passe") {
    return json(
      {
        state: "formulaire" as const,
        result: submission.reply({
          fieldErrors: { password: ["Ce n'est pas le mot de passe choisi à l'inscription."] },
          hideFields: ["password"],
        }),
      },
      { status: 401 },
    );
  }
  return json({ state: result.reason, result: null }, { status: result.reason === "lien" ? 410 : 409 });
}

export default function ConfirmSignUpPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state = actionData && actionData.state !== "formulaire" ? actionData.state : loaded.state;
  if (state === "lien") {
    return (
      <div className="page page--narrow">
        <h1>Ce lien n'est plus valable</h1>
        <p>Il a déjà servi, il date de plus de 24 heures, ou une demande plus récente l'a remplacé.</p>
        <p>
          <Link to="/inscription">Recommencez l'inscription</Link>, ou, si votre compte est déjà créé,{" "}
          <Link to="/connexion">connectez-vous</Link>.
        </p>
      </div>
    );
  }
  if (state === "adresse-prise") {
    return (
      <div className="page page--narrow">
        <h1>Un compte existe déjà avec cette adresse</h1>
        <p>Il a été créé depuis votre demande&nbsp;: aucun autre compte ne peut utiliser cette adresse.</p>
        <p>
          <Link to="/connexion">Connectez-vous</Link>, ou <Link to="/mot-de-passe-oublie">choisissez un nouveau mot de passe</Link> si vous
          ne le connaissez pas.
        </p>
      </div>
    );
  }
  return (
    <ConfirmForm
      email={loaded.email ?? ""}
      name={loaded.name ?? ""}
      lastResult={actionData?.state === "formulaire" ? actionData.result : undefined}
    />
  );
}

function ConfirmForm({ email, name, lastResult }: { email: string; name: string; lastResult: SubmissionResult<string[]> | undefined }) {
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ConfirmSignUpSchema, { id: "confirmer-inscription", lastResult });
  return (
    <div className="page page--narrow">
      <h1>Confirmer votre inscription</h1>
      <p className="lede">
        Dernière étape pour créer le compte de <strong>{name}</strong> avec l'adresse <strong>{email}</strong>&nbsp;: saisissez le mot de
        passe choisi à l'inscription.
      </p>
      <p>
        Vous n'avez pas demandé à créer ce compte&#x202F;? Ne confirmez pas&nbsp;: sans confirmation, la demande s'efface d'elle-même au
        bout de 24 heures.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="jeton" value={searchParams.get("jeton") ?? ""} />
        <TextField meta={fields.password} label="Mot de passe" type="password" autoComplete="current-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Créer mon compte
          </button>
        </div>
      </Form>
    </div>
  );
}
