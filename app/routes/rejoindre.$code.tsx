import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate } from "~/utils/format.ts";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getCurrentUser, requireUser } from "~/auth/session.server.ts";
import { ConsentDetails } from "~/cohorts/consent.tsx";
import { findCohortByCode, JOIN_RATE_LIMIT, joinCohort } from "~/cohorts/cohorts.server.ts";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";
import { hitRateLimit } from "~/db/rate-limit.server.ts";
import { invariantResponse } from "~/utils/invariant.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rejoindre «\u202F${data.cohort.name}\u202F» — Apprendre à faire alliance` : "Rejoindre une cohorte" },
  { name: "robots", content: "noindex" },
];

const UNKNOWN =
  "Aucune cohorte ne correspond à ce code. Vérifiez-le auprès de votre formateur·rice\u00A0: il a peut-être été remplacé par un nouveau.";
const ARCHIVED = "Cette cohorte est close\u00A0: elle n'accepte plus de nouveaux membres. Demandez un autre code à votre formateur·rice.";

async function openCohort(request: Request, clientIp: string, code: string) {
  const limited = await hitRateLimit(db, `rejoindre:ip:${clientIp}`, JOIN_RATE_LIMIT);
  if (!limited.allowed) {
    throw new Response(
      `Trop de codes essayés depuis votre connexion. Réessayez dans ${Math.ceil(limited.retryAfterSeconds / 60)} minute(s).`,
      {
        status: 429,
        headers: { "Retry-After": String(limited.retryAfterSeconds) },
      },
    );
  }
  const cohort = await findCohortByCode(db, code.slice(0, 100));
  invariantResponse(cohort, UNKNOWN);
  invariantResponse(!cohort.archivedAt, ARCHIVED, { status: 410 });
  return cohort;
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  invariantResponse(params.code, UNKNOWN);
  const cohort = await openCohort(request, context.clientIp, params.code);
  const user = await getCurrentUser(request, context);
  const path = findPath(getCatalog(), cohort.pathId);
  const member = user
    ? await db.cohortMember.findUnique({ where: { cohortId_userId: { cohortId: cohort.id, userId: user.id } }, select: { joinedAt: true } })
    : null;
  return json(
    {
      code: params.code,
      cohort: {
        name: cohort.name,
        trainerName: cohort.trainer.name,
        pathTitle: path?.title ?? "parcours",
        pathSlug: path?.slug ?? null,
        hasProject: Boolean(path?.finalProject),
        dueOn: cohort.dueOn?.toISOString() ?? null,
      },
      signedIn: Boolean(user),
      ownCohort: user?.id === cohort.trainerId,
      joinedAt: member?.joinedAt.toISOString() ?? null,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  invariantResponse(params.code, UNKNOWN);
  await openCohort(request, context.clientIp, params.code);
  const result = await joinCohort(db, user.id, params.code);
  switch (result.status) {
    case "rejoint":
    case "deja-membre":
      return redirect(`/tableau-de-bord?cohorte=${result.cohortId}`);
    case "sa-propre-cohorte":
      throw new Response("Vous êtes le formateur ou la formatrice de cette cohorte\u00A0: vous ne pouvez pas en être membre.", {
        status: 409,
      });
    case "archivee":
      throw new Response(ARCHIVED, { status: 410 });
    case "inconnu":
      throw new Response(UNKNOWN, { status: 404 });
  }
}

export default function JoinCohortPage() {
  const { code, cohort, signedIn, ownCohort, joinedAt } = useLoaderData<typeof loader>();
  const back = `/rejoindre/${encodeURIComponent(code)}`;
  return (
    <div className="page page--reading">
      <h1>Rejoindre la cohorte «&#x202F;{cohort.name}&#x202F;»</h1>
      <p className="lede">
        Cohorte animée par {cohort.trainerName}, sur le parcours «&#x202F;{cohort.pathTitle}&#x202F;»
        {cohort.dueOn ? `, à terminer pour le ${formatDate(cohort.dueOn)}` : ""}.
      </p>
      {ownCohort ? (
        <p className="notice">
          C'est votre cohorte&nbsp;: vous la suivez depuis <Link to="/formateur">Mes cohortes</Link>.
        </p>
      ) : joinedAt ? (
        <p className="notice notice--success">
          Vous faites partie de cette cohorte depuis le {formatDate(joinedAt)}.{" "}
          {cohort.pathSlug ? <Link to={`/parcours/${cohort.pathSlug}`}>Continuer le parcours</Link> : null}
        </p>
      ) : (
        <>
          <ConsentDetails trainerName={cohort.trainerName} pathTitle={cohort.pathTitle} hasProject={cohort.hasProject} />
          {signedIn ? (
            <Form method="post">
              <button type="submit" className="button">
                J'accepte et je rejoins la cohorte
              </button>
            </Form>
          ) : (
            <p className="notice">
              Pour rejoindre la cohorte, <Link to={`/connexion?${new URLSearchParams({ redirectTo: back })}`}>connectez-vous</Link> ou{" "}
              <Link to={`/inscription?${new URLSearchParams({ redirectTo: back })}`}>créez un compte</Link>&nbsp;: vous reviendrez ensuite
              ici.
            </p>
          )}
          <p>
            <Link to="/tableau-de-bord">Ne pas rejoindre</Link>
          </p>
        </>
      )}
    </div>
  );
}
