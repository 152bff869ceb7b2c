import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { formatDate } from "~/utils/format.ts";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { EnableTwoFactorSchema, TwoFactorPasswordSchema } from "~/auth/auth-schemas.ts";
import { currentSessionId, requireUser } from "~/auth/session.server.ts";
import {
  disableTwoFactor,
  enableTwoFactor,
  enrollmentUri,
  newEnrollment,
  regenerateRecoveryCodes,
  remainingRecoveryCodes,
  SECRET_PATTERN,
  twoFactorState,
} from "~/auth/two-factor.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { FormErrors, TextField, useZodForm } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { safeRedirect } from "~/utils/safe-redirect.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction = () => [{ title: "Double authentification — Apprendre à faire alliance" }];

/** The page shows a secret or recovery codes: never kept by a cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

interface EnrollmentView {
  secret: string;
  rawSecret: string;
  qr: string;
}

async function enrollmentView(secret: string, email: string): Promise<EnrollmentView> {
  const uri = enrollmentUri(secret, email);
  // The QR code is an SVG drawn on the server: no script, nothing sent anywhere else.
  const qr = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return {
    secret: secret.match(/.{1,4}/g)!.join(" "),
    rawSecret: secret,
    qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}`,
  };
}

/** A refused code keeps the same secret on screen (the user has already scanned it). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "enrollment" in actionResult && actionResult.enrollment
    ? false
    : defaultShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const state = await twoFactorState(db, user.id);
  const url = new URL(request.url);
  if (state?.enabledAt) {
    return json({
      enabled: true as const,
      enabledAt: state.enabledAt.toISOString(),
      remaining: await remainingRecoveryCodes(db, user.id),
      // Just signed in with a recovery code: say how many are left, then let them carry on.
      usedRecoveryCode: url.searchParams.has("secours"),
      next: safeRedirect(url.searchParams.get("suite")),
    });
  }
  return json({ enabled: false as const, ...(await enrollmentView(newEnrollment(user.email).secret, user.email)) });
}

type Intent = "activer" | "nouveaux-codes" | "desactiver";

type ActionData =
  | { intent: Intent; result: SubmissionResult<string[]>; enrollment: EnrollmentView | null; recoveryCodes: null }
  | { intent: Intent; result: null; enrollment: null; recoveryCodes: string[] };

const WRONG_PASSWORD = "Ce mot de passe n'est pas le bon.";

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  const refuse = (result: SubmissionResult<string[]>, status: number, enrollment: EnrollmentView | null = null) =>
    json<ActionData>({ intent: intent as Intent, result, enrollment, recoveryCodes: null }, { status });
  const codes = (recoveryCodes: string[]) => json<ActionData>({ intent: intent as Intent, result: null, enrollment: null, recoveryCodes });

  if (intent === "activer") {
    const secret = String(formData.get("secret") ?? "");
    invariantResponse(SECRET_PATTERN.test(secret), "Rechargez la page pour obtenir une nouvelle clé.", { status: 400 });
    const enrollment = await enrollmentView(secret, user.email);
    const submission = parseWithZod(formData, { schema: EnableTwoFactorSchema });
    if (submission.status !== "success") return refuse(submission.reply({ hideFields: ["current"] }), 400, enrollment);
    const result = await enableTwoFactor(
      db,
      user.id,
      { secret, code: submission.value.code, password: submission.value.current },
      { keepSessionId: currentSessionId(request) },
    );
    if (result.ok) return codes(result.recoveryCodes);
    if (result.reason === "mot-de-passe")
      return refuse(submission.reply({ fieldErrors: { current: [WRONG_PASSWORD] }, hideFields: ["current"] }), 401, enrollment);
    if (result.reason === "deja-active")
      return refuse(submission.reply({ formErrors: ["La double authentification est déjà activée sur ce compte."] }), 409);
    return refuse(
      submission.reply({
        fieldErrors: { code: ["Ce code n'est pas le bon. Vérifiez l'heure de votre téléphone et saisissez le code affiché."] },
        hideFields: ["current"],
      }),
      400,
      enrollment,
    );
  }
  if (intent === "nouveaux-codes" || intent === "desactiver") {
    const submission = parseWithZod(formData, { schema: TwoFactorPasswordSchema });
    if (submission.status !== "success") return refuse(submission.reply({ hideFields: ["current"] }), 400);
    const wrong = () => refuse(submission.reply({ fieldErrors: { current: [WRONG_PASSWORD] }, hideFields: ["current"] }), 401);
    if (intent === "desactiver") {
      if (!(await disableTwoFactor(db, user.id, submission.value.current))) return wrong();
      return redirect("/compte?fait=deux-facteurs-off");
    }
    const result = await regenerateRecoveryCodes(db, user.id, submission.value.current);
    if (result.ok) return codes(result.recoveryCodes);
    if (result.reason === "mot-de-passe") return wrong();
    return refuse(submission.reply({ formErrors: ["La double authentification n'est pas activée sur ce compte."] }), 409);
  }
  throw new Response("Cette action n'existe pas.", { status: 400 });
}

export default function TwoFactorPage() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const lastResult = (intent: Intent) => (actionData && actionData.intent === intent ? actionData.result : undefined);
  return (
    <div className="page page--narrow">
      <Breadcrumbs trail={[{ to: "/compte", label: "Mon compte" }]} current="Double authentification" />
      <h1>Double authentification</h1>
      {actionData?.recoveryCodes ? (
        <RecoveryCodes codes={actionData.recoveryCodes} first={actionData.intent === "activer"} />
      ) : loaded.enabled ? (
        <Enabled
          enabledAt={loaded.enabledAt}
          remaining={loaded.remaining}
          usedRecoveryCode={loaded.usedRecoveryCode}
          next={loaded.next}
          lastResult={lastResult}
        />
      ) : (
        <Enrollment enrollment={actionData?.enrollment ?? loaded} lastResult={lastResult("activer")} />
      )}
    </div>
  );
}

function RecoveryCodes({ codes, first }: { codes: string[]; first: boolean }) {
  return (
    <>
      <p className="notice notice--success" role="status">
        {first
          ? "La double authentification est activée."
          : "Voici vos nouveaux codes de secours\u00A0: les précédents ne fonctionnent plus."}
      </p>
      <section aria-labelledby="titre-codes-de-secours">
        <h2 id="titre-codes-de-secours">Vos codes de secours</h2>
        <p>
          Si vous perdez votre téléphone, chacun de ces codes remplace une fois le code de l'application.{" "}
          <strong>Ils ne seront plus jamais affichés</strong>&nbsp;: imprimez cette page, ou copiez-les dans votre gestionnaire de mots de
          passe, et gardez-les à l'abri.
        </p>
        <ol className="recovery-codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <p>
          <Link to="/compte?fait=deux-facteurs-codes">J'ai mis mes codes de secours à l'abri</Link>
        </p>
      </section>
    </>
  );
}

function Enabled({
  enabledAt,
  remaining,
  usedRecoveryCode,
  next,
  lastResult,
}: {
  enabledAt: string;
  remaining: number;
  usedRecoveryCode: boolean;
  next: string;
  lastResult: (intent: Intent) => SubmissionResult<string[]> | null | undefined;
}) {
  const remainingText = `Il vous reste ${remaining} code${remaining > 1 ? "s" : ""} de secours.`;
  const [renewForm, renewFields] = useZodForm(TwoFactorPasswordSchema, {
    id: "nouveaux-codes-2fa",
    lastResult: lastResult("nouveaux-codes"),
  });
  const [disableForm, disableFields] = useZodForm(TwoFactorPasswordSchema, { id: "desactiver-2fa", lastResult: lastResult("desactiver") });
  return (
    <>
      {usedRecoveryCode ? (
        <div className="notice notice--warning" role="status">
          <p>Vous vous êtes connecté·e avec un code de secours, qui ne servira plus. {remainingText}</p>
          <p>
            Si vous avez perdu votre téléphone, désactivez la double authentification puis réactivez-la avec le nouveau. Sinon,{" "}
            <Link to={next}>continuez</Link>.
          </p>
        </div>
      ) : null}
      <p>Activée le {formatDate(enabledAt)}. À chaque connexion, le code de votre application vous est demandé après le mot de passe.</p>
      <section aria-labelledby="titre-nouveaux-codes">
        <h2 id="titre-nouveaux-codes">Codes de secours</h2>
        <p>
          {remainingText}{" "}
          {remaining <= 3 ? "Créez-en de nouveaux avant d'en manquer\u00A0: " : "Si vous les avez égarés, créez-en de nouveaux\u00A0: "}
          les précédents cesseront de fonctionner.
        </p>
        <Form method="post" className="form" {...getFormProps(renewForm)}>
          <FormErrors id={renewForm.errorId} errors={renewForm.errors} />
          <input type="hidden" name="intent" value="nouveaux-codes" />
          <TextField meta={renewFields.current} label="Mot de passe" type="password" autoComplete="current-password" />
          <div>
            <button type="submit" className="button button--secondary">
              Créer de nouveaux codes de secours
            </button>
          </div>
        </Form>
      </section>
      <section aria-labelledby="titre-desactiver">
        <h2 id="titre-desactiver">Désactiver</h2>
        <Form method="post" className="form" {...getFormProps(disableForm)}>
          <FormErrors id={disableForm.errorId} errors={disableForm.errors} />
          <input type="hidden" name="intent" value="desactiver" />
          <TextField meta={disableFields.current} label="Mot de passe" type="password" autoComplete="current-password" />
          <div>
            <button type="submit" className="button button--secondary">
              Désactiver la double authentification
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

function Enrollment({ enrollment, lastResult }: { enrollment: EnrollmentView; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const [form, fields] = useZodForm(EnableTwoFactorSchema, { id: "activer-2fa", lastResult });
  return (
    <>
      <p className="lede">
        Avec une application d'authentification (par exemple celle de votre téléphone ou de votre gestionnaire de mots de passe), un code à
        6 chiffres s'ajoute au mot de passe à chaque connexion.
      </p>
      <ol>
        <li>
          Dans l'application, ajoutez un compte en scannant ce code&nbsp;:
          <p>
            <img
              className="totp-qr"
              src={enrollment.qr}
              alt="Code QR à scanner avec l'application d'authentification (la clé est aussi donnée en texte ci-dessous)"
            />
          </p>
          <p>
            ou saisissez la clé&nbsp;: <span className="secret-key">{enrollment.secret}</span>
          </p>
        </li>
        <li>Saisissez ci-dessous le code que l'application affiche, et votre mot de passe pour confirmer.</li>
        <li>Vous recevrez alors dix codes de secours, à garder pour le jour où vous n'aurez plus votre téléphone.</li>
      </ol>
      <Form method="post" className="form" {...getFormProps(form)}>
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="intent" value="activer" />
        <input type="hidden" name="secret" value={enrollment.rawSecret} />
        <TextField meta={fields.code} label="Code à 6 chiffres" autoComplete="one-time-code" />
        <TextField meta={fields.current} label="Mot de passe" type="password" autoComplete="current-password" />
        <div>
          <button type="submit" className="button">
            Activer la double authentification
          </button>
        </div>
      </Form>
    </>
  );
}
