import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { PASSWORD_MIN, SignupSchema } from "~/auth/auth-schemas.ts";
import { PROFILE_HINTS, PROFILE_LABELS, PROFILES } from "~/auth/profiles.ts";
import { getCurrentUser } from "~/auth/session.server.ts";
import { handleSignUp } from "~/auth/sign-up-action.server.ts";
import { FormErrors, RadioGroup, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { mailer } from "~/utils/mailer.server.ts";

export { actionHeaders as headers } from "~/utils/action-headers.ts";

export const meta: MetaFunction = () => [{ title: "Créer un compte — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentUser(request, context)) throw redirect("/tableau-de-bord");
  return null;
}

/** The account is created only from the link e-mailed to the address (see sign-up.server.ts). */
export async function action({ request, context }: ActionFunctionArgs) {
  return handleSignUp(request, { db, mailer, clientIp: context.clientIp });
}

export default function SignupPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(SignupSchema, { id: "inscription", lastResult, shouldRevalidate: "onInput" });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  return (
    <div className="page page--narrow">
      <h1>Créer un compte</h1>
      <p className="lede">
        Un compte garde votre progression, vos résultats et vos attestations. La lecture des leçons reste ouverte sans compte. Un lien de
        confirmation vous sera envoyé par e-mail.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.name} label="Nom et prénom" autoComplete="name" hint="Il figurera sur vos attestations." />
        <TextField meta={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <RadioGroup
          meta={fields.profile}
          legend="Vous êtes…"
          options={PROFILES.map((profile) => ({
            value: profile,
            label: PROFILE_LABELS[profile],
            hint: PROFILE_HINTS[profile],
          }))}
        />
        <TextField
          meta={fields.password}
          label="Mot de passe"
          type="password"
          autoComplete="new-password"
          hint={`Au moins ${PASSWORD_MIN} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner.`}
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Créer mon compte
          </button>
        </div>
      </Form>
      <p>
        Déjà un compte&#x202F;?{" "}
        <Link to={redirectTo ? `/connexion?${new URLSearchParams({ redirectTo })}` : "/connexion"}>Se connecter</Link>
      </p>
    </div>
  );
}
