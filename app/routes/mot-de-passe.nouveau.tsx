import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { NewPasswordSchema, PASSWORD_MIN } from "~/auth/auth-schemas.ts";
import { findResetToken, resetPassword } from "~/auth/password-reset.server.ts";
import { endSession } from "~/auth/session.server.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [
  { title: "Nouveau mot de passe — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

const EXPIRED = "Ce lien n'est plus valable\u00A0: il a déjà servi, ou il date de plus d'une heure. Demandez-en un nouveau.";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("jeton") ?? "";
  const found = await findResetToken(db, token);
  return json(
    { token, valid: Boolean(found), email: found?.user.email ?? null },
    { status: found ? 200 : 410, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const token = String(form.get("jeton") ?? "");
  const submission = parseWithZod(form, { schema: NewPasswordSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password", "confirmation"] }), { status: 400 });
  const result = await resetPassword(db, token, submission.value.password);
  if (!result.ok) return json(submission.reply({ formErrors: [EXPIRED], hideFields: ["password", "confirmation"] }), { status: 410 });
  // Every session of the account has ended, this browser's included.
  return redirect("/connexion?reinitialise=1", { headers: { "Set-Cookie": await endSession(request) } });
}

export default function NewPasswordPage() {
  const { token, valid, email } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(NewPasswordSchema, { id: "nouveau-mot-de-passe", lastResult, shouldRevalidate: "onInput" });
  if (!valid) {
    return (
      <div className="page page--narrow">
        <h1>Lien expiré</h1>
        <p>{EXPIRED}</p>
        <p>
          <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Choisir un nouveau mot de passe</h1>
      <p className="lede">
        Pour le compte {email}. Une fois le mot de passe changé, toutes les sessions ouvertes sur ce compte sont fermées.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="jeton" value={token} />
        <input type="text" name="username" autoComplete="username" defaultValue={email ?? ""} hidden readOnly />
        <TextField
          meta={fields.password}
          label="Nouveau mot de passe"
          type="password"
          autoComplete="new-password"
          hint={`Au moins ${PASSWORD_MIN} caractères.`}
        />
        <TextField meta={fields.confirmation} label="Confirmez le mot de passe" type="password" autoComplete="new-password" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Enregistrer le nouveau mot de passe
          </button>
        </div>
      </Form>
    </div>
  );
}
