import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { TotpCodeSchema } from "~/auth/auth-schemas.ts";
import { verifyPassword } from "~/auth/password.server.ts";
import { currentSessionId, requireUser } from "~/auth/session.server.ts";
import { confirmEnrollment, disableTwoFactor, startEnrollment, twoFactorState } from "~/auth/two-factor.server.ts";
import { FormErrors, TextField } from "~/components/forms.tsx";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Double authentification — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const state = await twoFactorState(db, user.id);
  if (state?.enabledAt) return json({ enabled: true as const, enabledAt: state.enabledAt.toISOString(), secret: null, qr: null }, { headers: { "Cache-Control": "no-store" } });
  const enrollment = (await startEnrollment(db, user.id, user.email))!;
  // The QR code is an SVG drawn on the server: no script, nothing sent anywhere else.
  const qr = await QRCode.toString(enrollment.uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return json(
    { enabled: false as const, enabledAt: null, secret: enrollment.secret.match(/.{1,4}/g)!.join(" "), qr: `data:image/svg+xml;base64,${Buffer.from(qr).toString("base64")}` },
    { headers: { "Cache-Control": "no-store" } },
  );
}

const DisableSchema = z.object({ current: z.string({ error: "Indiquez votre mot de passe pour confirmer." }).min(1, "Indiquez votre mot de passe pour confirmer.").max(200) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const formData = await readFormData(request);
  if (formData.get("intent") === "activer") {
    const submission = parseWithZod(formData, { schema: TotpCodeSchema });
    if (submission.status !== "success") return json(submission.reply(), { status: 400 });
    if (!(await confirmEnrollment(db, user.id, submission.value.code))) {
      return json(submission.reply({ fieldErrors: { code: ["Ce code n'est pas le bon. Vérifiez l'heure de votre téléphone et saisissez le code affiché."] } }), { status: 400 });
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
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: data.enabled ? "desactiver-2fa" : "activer-2fa",
    lastResult,
    shouldValidate: "onSubmit",
    constraint: data.enabled ? getZodConstraint(DisableSchema) : getZodConstraint(TotpCodeSchema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: data.enabled ? DisableSchema : TotpCodeSchema }),
  });
  return (
    <div className="page page--narrow">
      <nav aria-label="Fil d'Ariane" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/compte">Mon compte</Link>
          </li>
          <li aria-current="page">Double authentification</li>
        </ol>
      </nav>
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
