import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { resetAllowed, tooManyMessage } from "~/auth/auth-rate-limits.server.ts";
import { ResetRequestSchema } from "~/auth/auth-schemas.ts";
import { requestPasswordReset } from "~/auth/password-reset.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { mailer } from "~/utils/mailer.server.ts";

export { actionHeaders as headers } from "~/utils/action-headers.ts";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Apprendre à faire alliance" }];

/** The same answer whether or not the address has an account. */
const RESET_SENT =
  "Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé avec un lien pour choisir un nouveau mot de passe. Le lien est valable une heure.";

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: ResetRequestSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), sent: false }, { status: 400 });
  const { address, account } = await resetAllowed(db, context.clientIp, submission.value.email);
  if (!address.allowed) {
    return json(
      { result: submission.reply({ formErrors: [tooManyMessage(address)] }), sent: false },
      { status: 429, headers: { "Retry-After": String(address.retryAfterSeconds) } },
    );
  }
  // Beyond the per-account limit nothing is sent, but the answer does not change.
  if (account.allowed) await requestPasswordReset(db, mailer, submission.value.email, publicUrl());
  return json({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgottenPasswordPage() {
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ResetRequestSchema, { id: "mot-de-passe-oublie", lastResult: data?.result });
  return (
    <div className="page page--narrow">
      <h1>Mot de passe oublié</h1>
      {data?.sent ? (
        <p className="notice notice--success" role="status">
          {RESET_SENT}
        </p>
      ) : (
        <p className="lede">Indiquez l'adresse de votre compte&nbsp;: vous recevrez un lien pour choisir un nouveau mot de passe.</p>
      )}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Recevoir le lien
          </button>
        </div>
      </Form>
      <p>
        <Link to="/connexion">Revenir à la connexion</Link>
      </p>
    </div>
  );
}
