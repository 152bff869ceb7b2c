import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { PROFILE_LABELS, ROLE_LABELS } from "~/auth/profiles.ts";
import { requireUser } from "~/auth/session.server.ts";
import { formatCertificateDate } from "~/certificates/certificate-format.ts";
import { leaveCohort, listMemberships } from "~/cohorts/cohorts.server.ts";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/courses/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { readFormData } from "~/utils/form-data.server.ts";

export const meta: MetaFunction = () => [{ title: "Mon compte — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const memberships = await listMemberships(db, user.id);
  return json(
    {
      name: user.name,
      email: user.email,
      profile: PROFILE_LABELS[user.profile],
      role: ROLE_LABELS[user.role],
      cohorts: memberships.map(({ cohort, joinedAt }) => ({
        id: cohort.id,
        name: cohort.name,
        trainerName: cohort.trainer.name,
        pathTitle: findPath(getCatalog(), cohort.pathId)?.title ?? "",
        joinedAt: joinedAt.toISOString(),
      })),
      left: new URL(request.url).searchParams.get("quittee"),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

const LeaveSchema = z.object({ intent: z.literal("quitter-cohorte"), cohortId: z.string().min(1).max(100) });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const parsed = LeaveSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Cette action n'existe pas.", { status: 400 });
  const membership = (await listMemberships(db, user.id)).find((m) => m.cohort.id === parsed.data.cohortId);
  if (!membership || !(await leaveCohort(db, user.id, parsed.data.cohortId))) {
    throw new Response("Vous ne faites pas partie de cette cohorte.", { status: 404 });
  }
  return redirect(`/compte?${new URLSearchParams({ quittee: membership.cohort.name })}`);
}

export default function AccountPage() {
  const account = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <h1>Mon compte</h1>
      {account.left ? (
        <p className="notice notice--success" role="status">
          Vous avez quitté la cohorte « {account.left} » : son formateur ou sa formatrice ne voit plus votre progression.
        </p>
      ) : null}
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

      <section aria-labelledby="titre-cohortes">
        <h2 id="titre-cohortes">Mes cohortes</h2>
        {account.cohorts.length === 0 ? (
          <p className="muted">Vous ne faites partie d'aucune cohorte.</p>
        ) : (
          <ul className="cohort-list">
            {account.cohorts.map((cohort) => (
              <li key={cohort.id} className="cohort-list__item">
                <p>
                  <strong>{cohort.name}</strong>, animée par {cohort.trainerName} — {cohort.pathTitle}, rejointe le {formatCertificateDate(cohort.joinedAt)}.
                </p>
                <Form method="post">
                  <input type="hidden" name="intent" value="quitter-cohorte" />
                  <input type="hidden" name="cohortId" value={cohort.id} />
                  <button type="submit" className="button button--secondary">
                    Quitter « {cohort.name} »
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Form method="post" action="/deconnexion">
        <button type="submit" className="button button--secondary">
          Se déconnecter
        </button>
      </Form>
    </div>
  );
}
