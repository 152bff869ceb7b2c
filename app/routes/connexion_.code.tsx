import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { tooManyMessage } from "~/auth/auth-rate-limits.server.ts";
import { SecondFactorSchema } from "~/auth/auth-schemas.ts";
import { startSession } from "~/auth/session.server.ts";
import { challengeCookie } from "~/auth/two-factor-cookie.server.ts";
import { checkSecondFactor, findSignInChallenge } from "~/auth/two-factor.server.ts";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Code de vérification — Apprendre à faire alliance" }];

async function challengeToken(request: Request): Promise<string | null> {
  const token = (await challengeCookie.parse(request.headers.get("Cookie"))) as unknown;
  return typeof token === "string" ? token : null;
}

const EXPIRED = "/connexion?code-expire=1";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await challengeToken(request);
  if (!token || !(await findSignInChallenge(db, token))) throw redirect(EXPIRED);
  return json(null, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await challengeToken(request);
  if (!token) throw redirect(EXPIRED);
  const submission = parseWithZod(await readFormData(request), { schema: SecondFactorSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await checkSecondFactor(db, token, submission.value.code);
  if (!result.ok) {
    if (result.reason === "expire") throw redirect(EXPIRED);
    if (result.reason === "trop") {
      return json(submission.reply({ formErrors: [tooManyMessage({ retryAfterSeconds: result.retryAfterSeconds })] }), {
        status: 429,
        headers: { "Retry-After": String(result.retryAfterSeconds) },
      });
    }
    return json(
      submission.reply({
        fieldErrors: {
          code: [
            submission.value.code.kind === "totp"
              ? "Ce code n'est pas le bon, ou il a déjà servi. Attendez le suivant et réessayez."
              : "Ce code de secours n'est pas le bon, ou il a déjà servi.",
          ],
        },
      }),
      { status: 401 },
    );
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(request, result.userId));
  headers.append("Set-Cookie", await challengeCookie.serialize("", { maxAge: 0 }));
  // A recovery code was spent: show how many are left (and how to get new ones) before carrying on.
  const next =
    result.method === "secours"
      ? `/compte/double-authentification?${new URLSearchParams({ secours: "1", suite: result.redirectTo })}`
      : result.redirectTo;
  return redirect(next, { headers });
}

export default function SecondFactorPage() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(SecondFactorSchema, { id: "code-double-authentification", lastResult });
  return (
    <div className="page page--narrow">
      <h1>Code de vérification</h1>
      <p className="lede">
        La double authentification est activée sur ce compte&nbsp;: saisissez le code à 6 chiffres affiché par votre application.
      </p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField
          meta={fields.code}
          label="Code à 6 chiffres"
          autoComplete="one-time-code"
          hint="Plus de téléphone&#x202F;? Saisissez à la place l'un de vos codes de secours (par exemple K7QM-3XRT)."
        />
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Valider
          </button>
        </div>
      </Form>
      <p>
        <Link to="/connexion">Recommencer la connexion</Link>
      </p>
    </div>
  );
}
