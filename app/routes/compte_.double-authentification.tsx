import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { TotpCodeSchema } from "~/auth/auth-schemas.ts";
import { verifyPassword } from "~/auth/password.server.ts";
import { currentSessionId, requireUser } from "~/auth/session.server.ts";
import { disableTwoFactor, enableTwoFactor, enrollmentUri, newEnrollment, SECRET_PATTERN, twoFactorState } from "~/auth/two-factor.server.ts";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";

export const meta: MetaFunction = () => [{ title: "Double authentification — Apprendre à faire alliance" }];

async function enrollmentView(secret: string, email: string) {
  const uri = enrollmentUri(secret, email);
  // The QR code is an SVG drawn on the server: no script, nothing sent anywhere else.
  const qr = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret: secret.match(/.{1,4}/g)!.join(" "), rawSecret: secret, qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` };
}

/** A refused code keeps the same secret on screen (the user has already scanned it). */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  actionResult && typeof actionResult === "object" && "enrollment" in actionResult ? false : defaultShouldRevalidate;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const state = await twoFactorState(db, user.id);
  if (state?.enabledAt) return json({ enabled: true as const, enabledAt: state.enabledAt.toISOString(), secret: null, rawSecret: null, qr: null }, { headers: { "Cache-Control": "no-store" } });
  return json({ enabled: false as const, enabledAt: null, ...(await enrollmentView(newEnrollment(user.email).secret, user.email)) }, { headers: { "Cache-Control": "no-store" } });
}

const DisableSchema = z.object({ current: z.string({ error: "Indiquez votre mot de passe pour confirmer." }).min(1, "Indiquez votre mot de passe pour confirmer.").max(200) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  if (formData.get("intent") === "activer") {
    const secret = String(formData.get("secret") ?? "");
    if (!SECRET_PATTERN.test(secret)) throw new Response("Rechargez la page pour obtenir une nouvelle clé.", { status: 400 });
    const enrollment = await enrollmentView(secret, user.email);
    const submission = parseWithZod(formData, { schema: TotpCodeSchema });
    if (submission.status !== "success") return json({ ...submission.reply(), enrollment }, { status: 400 });
    if (!(await enableTwoFactor(db, user.id, secret, submission.value.code))) {
      return json(
        { ...submission.reply({ fieldErrors: { code: ["Ce code n'est pas le bon. Vérifiez l'heure de votre téléphone et saisissez le code affiché."] } }), enrollment },
        { status: 400 },
      );
    }
    // Other sessions were opened without the second factor: they end.
    await db.session.deleteMany({ where: { userId: user.id, id: { not: currentSessionId(request) ?? "" } } });
    return redirect("/compte?fait=deux-facteurs-on");
  }
  if (formData.get("intent") === "desactiver") {
    const submission = parseWithZod(formData, { schema: DisableSchema });
    if (submission.status !== "success") return json(submission.reply({ hideFields: ["current"] }), { status: 400 });
    const row = await db.password.findUnique({ where: { userId: user.id }, select: { hash: true } });
    if (!row || !(await verifyPassword(row.hash, submission.value.current))) {
      return json(submission.reply({ fieldErrors: { current: ["Ce mot de passe n'est pas le bon."] }, hideFields: ["current"] }), { status: 401 });
    }
    await disableTwoFactor(db, user.id);
    return redirect("/compte?fait=deux-facteurs-off");
  }
  throw new Response("Cette action n'existe pas.", { status: 400 });
}

export default function TwoFactorPage() {
  const loaded = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // After a refused code (with or without JavaScript), the secret on screen stays the one scanned.
  const kept = lastResult && "enrollment" in lastResult ? (lastResult.enrollment as { secret: string; rawSecret: string; qr: string }) : null;
  const data = kept && !loaded.enabled ? { ...loaded, ...kept } : loaded;
  const [form, fields] = useForm({
    id: data.enabled ? "desactiver-2fa" : "activer-2fa",
    lastResult,
    shouldValidate: "onSubmit",
    constraint: data.enabled ? getZodConstraint(DisableSchema) : getZodConstraint(TotpCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: data.enabled ? DisableSchema : TotpCodeSchema }),
  });
  return (
    <div className="page page--narrow">
      <Breadcrumbs trail={[{ to: "/compte", label: "Mon compte" }]} current="Double authentification" />
      <h1>Double authentification</h1>
      {data.enabled ? (
        <>
          <p>Activée le {new Date(data.enabledAt).toLocaleDateString("fr-FR", { dateStyle: "long", timeZone: "Europe/Paris" })}. À chaque connexion, le code de votre application vous est demandé après le mot de passe.</p>
          <h2>Désactiver</h2>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="desactiver" />
            <TextField meta={fields.current} label="Mot de passe" type="password" autoComplete="current-password" />
            <div>
              <button type="submit" className="button button--secondary">
                Désactiver la double authentification
              </button>
            </div>
          </Form>
        </>
      ) : (
        <>
          <p className="lede">
            Avec une application d'authentification (par exemple celle de votre téléphone ou de votre gestionnaire de mots de passe), un code à 6
            chiffres s'ajoute au mot de passe à chaque connexion.
          </p>
          <ol>
            <li>
              Dans l'application, ajoutez un compte en scannant ce code :
              <p>
                <img className="totp-qr" src={data.qr!} alt="Code QR à scanner avec l'application d'authentification (la clé est aussi donnée en texte ci-dessous)" />
              </p>
              <p>
                ou saisissez la clé : <span className="secret-key">{data.secret}</span>
              </p>
            </li>
            <li>Saisissez ci-dessous le code que l'application affiche.</li>
          </ol>
          <Form method="post" className="form" {...getFormProps(form)}>
            <FormErrors id={form.errorId} errors={form.errors} />
            <input type="hidden" name="intent" value="activer" />
            <input type="hidden" name="secret" value={data.rawSecret ?? ""} />
            <TextField meta={fields.code} label="Code à 6 chiffres" autoComplete="one-time-code" />
            <div>
              <button type="submit" className="button">
                Activer la double authentification
              </button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
