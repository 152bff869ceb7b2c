import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PROFILE_LABELS } from "~/auth/profiles.ts";
import { requireUser } from "~/auth/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Tableau de bord — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return json({ name: user.name, profile: PROFILE_LABELS[user.profile], role: user.role });
}

export default function Dashboard() {
  const { name, profile } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>Bonjour {name}</h1>
      <p className="lede">Profil : {profile}.</p>
      <section aria-labelledby="titre-mes-parcours">
        <h2 id="titre-mes-parcours">Mes parcours</h2>
        <p>
          Vous n'avez pas encore commencé de parcours. <Link to="/parcours">Choisir un parcours</Link>
        </p>
      </section>
    </div>
  );
}
