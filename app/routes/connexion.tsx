import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { LoginSchema } from "~/auth/auth-schemas.ts";
import { tooManyMessage } from "~/auth/auth-rate-limits.server.ts";
import { attemptSignIn } from "~/auth/sign-in-attempts.server.ts";
import { challengeCookie } from "~/auth/two-factor-cookie.server.ts";
import { createSignInChallenge, twoFactorState } from "~/auth/two-factor.server.ts";
import { getCurrentUser, startSession } from "~/auth/session.server.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";

export { actionHeaders as headers } from "~/utils/action-headers.ts";

export const meta: MetaFunction = () => [{ title: "Connexion — Apprendre à faire alliance" }];

/** One message whatever was wrong, so that nobody learns which addresses have an account. */
const WRONG_CREDENTIALS = "Adresse e-mail ou mot de passe incorrect.";

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getCurrentUser(request, context)) throw redirect("/tableau-de-bord");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: LoginSchema });
  if (submission.status !== "success") {
    return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { email, password } = submission.value;
  const attempt = await attemptSignIn(db, { clientIp: context.clientIp, email, password });
  if (attempt.outcome === "limite") {
    return json(submission.reply({ formErrors: [tooManyMessage(attempt)], hideFields: ["password"] }), {
      status: 429,
      headers: { "Retry-After": String(attempt.retryAfterSeconds) },
    });
  }
  if (attempt.outcome === "refuse") {
    return json(submission.reply({ formErrors: [WRONG_CREDENTIALS], hideFields: ["password"] }), { status: 401 });
  }
  const { userId } = attempt;
  const redirectTo = safeRedirect(submission.value.redirectTo);
  if ((await twoFactorState(db, userId))?.enabledAt) {
    // Right password, second factor on: no session until the code is typed.
    const token = await createSignInChallenge(db, userId, redirectTo);
    return redirect("/connexion/code", { headers: { "Set-Cookie": await challengeCookie.serialize(token) } });
  }
  const cookie = await startSession(request, userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(LoginSchema, { id: "connexion", lastResult, shouldRevalidate: "onInput" });
  const redirectTo = searchParams.get("redirectTo") ?? "";
  // After a refused attempt the password field starts empty again (a new key remounts it), as it
  // would after a full page load: the server never sends the password back.
  const [attempts, setAttempts] = useState(0);
  useEffect(() => {
    if (lastResult) setAttempts((count) => count + 1);
  }, [lastResult]);
  return (
    <div className="page page--narrow">
      <h1>Connexion</h1>
      {searchParams.has("reinitialise") ? (
        <p className="notice notice--success" role="status">
          Votre mot de passe a été changé et toutes vos sessions ont été fermées. Connectez-vous avec le nouveau mot de passe.
        </p>
      ) : null}
      {searchParams.has("code-expire") ? (
        <p className="notice" role="status">
          La vérification a expiré (5 minutes, 5 essais)&nbsp;: reprenez la connexion.
        </p>
      ) : null}
      {searchParams.has("email-change") ? (
        <p className="notice notice--success" role="status">
          Votre adresse e-mail a été changée. Connectez-vous avec la nouvelle adresse.
        </p>
      ) : null}
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField meta={fields.email} label="Adresse e-mail" type="email" autoComplete="email" />
        <TextField
          key={`mot-de-passe-${attempts}`}
          meta={fields.password}
          label="Mot de passe"
          type="password"
          autoComplete="current-password"
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Se connecter
          </button>
        </div>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">Mot de passe oublié&#x202F;?</Link>
      </p>
      <p>
        Pas encore de compte&#x202F;?{" "}
        <Link to={redirectTo ? `/inscription?${new URLSearchParams({ redirectTo })}` : "/inscription"}>Créer un compte</Link>
      </p>
    </div>
  );
}
