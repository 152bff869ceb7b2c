import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { TotpCodeSchema } from "~/auth/auth-schemas.ts";
import { startSession } from "~/auth/session.server.ts";
import { challengeCookie } from "~/auth/two-factor-cookie.server.ts";
import { attemptSecondFactor } from "~/auth/sign-in-attempts.server.ts";
import { endSignInChallenge, findSignInChallenge } from "~/auth/two-factor.server.ts";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Code de vérification — Apprendre à faire alliance" }];

function challengeToken(request: Request): Promise<string | null> {
  return challengeCookie.parse(request.headers.get("Cookie")) as Promise<string | null>;
}

async function currentChallenge(request: Request) {
  const token = await challengeToken(request);
  return typeof token === "string" ? findSignInChallenge(db, token) : null;
}

const EXPIRED = "/connexion?code-expire=1";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await currentChallenge(request))) throw redirect(EXPIRED);
  return json(null, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await challengeToken(request);
  if (typeof token !== "string" || !(await findSignInChallenge(db, token))) throw redirect(EXPIRED);
  const submission = parseWithZod(await readFormData(request), { schema: TotpCodeSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const attempt = await attemptSecondFactor(db, token, submission.value.code);
  if (attempt.outcome === "expire") throw redirect(EXPIRED);
  if (attempt.outcome === "refuse") {
    return json(submission.reply({ fieldErrors: { code: ["Ce code n'est pas le bon, ou il a déjà servi. Attendez le suivant et réessayez."] } }), { status: 401 });
  }
  await endSignInChallenge(db, attempt.challengeId);
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(request, attempt.userId));
  headers.append("Set-Cookie", await challengeCookie.serialize("", { maxAge: 0 }));
  return redirect(attempt.redirectTo, { headers });
}

export default function SecondFactorPage() {
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "code-double-authentification",
    lastResult,
    constraint: getZodConstraint(TotpCodeSchema),
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: TotpCodeSchema }),
  });
  return (
    <div className="page page--narrow">
      <h1>Code de vérification</h1>
      <p className="lede">La double authentification est activée sur ce compte : saisissez le code à 6 chiffres affiché par votre application.</p>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextField meta={fields.code} label="Code à 6 chiffres" autoComplete="one-time-code" />
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
