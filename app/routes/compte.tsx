import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { PROFILE_LABELS, ROLE_LABELS } from "~/auth/profiles.ts";
import { requireUser } from "~/auth/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Mon compte — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return json({
    name: user.name,
    email: user.email,
    profile: PROFILE_LABELS[user.profile],
    role: ROLE_LABELS[user.role],
  });
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>Mon compte</h1>
      <dl className="summary-list">
        <dt>Nom</dt>
        <dd>{account.name}</dd>
        <dt>Adresse e-mail</dt>
        <dd>{account.email}</dd>
        <dt>Profil</dt>
        <dd>{account.profile}</dd>
        <dt>Rôle</dt>
        <dd>{account.role}</dd>
      </dl>
      <Form method="post" action="/deconnexion">
        <button type="submit" className="button button--secondary">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
