import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { confirmEmailChange } from "~/auth/account-settings.server.ts";
import { getCurrentUser } from "~/auth/session.server.ts";
import { db } from "~/db/db.server.ts";

export const meta: MetaFunction = () => [
  { title: "Confirmer l'adresse e-mail — Apprendre à faire alliance" },
  { name: "robots", content: "noindex" },
];

/** Opening the link sent to the new address is the confirmation. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("jeton") ?? "";
  const result = await confirmEmailChange(db, token);
  if (result.ok) throw redirect((await getCurrentUser(request, context)) ? "/compte?fait=email-confirme" : "/connexion?email-change=1");
  return json({ reason: result.reason }, { status: result.reason === "lien" ? 410 : 409, headers: { "Referrer-Policy": "no-referrer" } });
}

export default function ConfirmEmailPage() {
  const { reason } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>Adresse non confirmée</h1>
      <p>
        {reason === "lien"
          ? "Ce lien n'est plus valable\u00A0: il a déjà servi, ou il date de plus de 24 heures. Refaites la demande depuis votre compte."
          : "Un autre compte utilise désormais cette adresse\u00A0: elle ne peut pas devenir la vôtre."}
      </p>
      <p>
        <Link to="/compte">Mon compte</Link>
      </p>
    </div>
  );
}
