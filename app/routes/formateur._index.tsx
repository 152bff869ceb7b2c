import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate } from "~/utils/format.ts";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireTrainer } from "~/cohorts/cohort-access.server.ts";
import { listTrainerCohorts } from "~/cohorts/cohorts.server.ts";
import { formatJoinCode } from "~/cohorts/join-code.ts";
import { findPath } from "~/courses/catalog.ts";
import { getCatalog } from "~/content/catalog.server.ts";
import { db } from "~/db/db.server.ts";

export const meta: MetaFunction = () => [{ title: "Mes cohortes — Apprendre à faire alliance" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireTrainer(request, context);
  const cohorts = await listTrainerCohorts(db, user.id);
  const catalog = getCatalog();
  return json(
    {
      cohorts: cohorts.map((cohort) => ({
        id: cohort.id,
        name: cohort.name,
        pathTitle: findPath(catalog, cohort.pathId)?.title ?? "Parcours retiré du catalogue",
        members: cohort._count.members,
        joinCode: formatJoinCode(cohort.joinCode),
        startsOn: cohort.startsOn?.toISOString() ?? null,
        dueOn: cohort.dueOn?.toISOString() ?? null,
        archived: Boolean(cohort.archivedAt),
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function TrainerHome() {
  const { cohorts } = useLoaderData<typeof loader>();
  const active = cohorts.filter((cohort) => !cohort.archived);
  const archived = cohorts.filter((cohort) => cohort.archived);
  return (
    <div className="page">
      <h1>Mes cohortes</h1>
      <p className="lede">
        Une cohorte est un groupe qui suit un même parcours. Donnez son code à vos apprenant·es&nbsp;: vous suivez ensuite leur progression,
        leurs résultats et les points où le groupe bute.
      </p>
      <p>
        <Link to="/formateur/cohortes/nouvelle" className="button">
          Créer une cohorte
        </Link>{" "}
        <Link to="/formateur/questions" className="button button--secondary">
          Questions des apprenant·es
        </Link>
      </p>
      {cohorts.length === 0 ? <p className="muted">Vous n'avez pas encore de cohorte.</p> : null}
      {active.length > 0 ? <CohortList title="En cours" cohorts={active} /> : null}
      {archived.length > 0 ? <CohortList title="Archivées" cohorts={archived} /> : null}
    </div>
  );
}

type CohortItem = ReturnType<typeof useLoaderData<typeof loader>>["cohorts"][number];

function CohortList({ title, cohorts }: { title: string; cohorts: CohortItem[] }) {
  return (
    <section aria-labelledby={`cohortes-${title}`}>
      <h2 id={`cohortes-${title}`}>{title}</h2>
      <ul className="cohort-list">
        {cohorts.map((cohort) => (
          <li key={cohort.id} className="cohort-list__item">
            <h3>
              <Link to={`/formateur/cohortes/${cohort.id}`}>{cohort.name}</Link>
            </h3>
            <p className="muted">
              {cohort.pathTitle} · {cohort.members} apprenant·e{cohort.members > 1 ? "s" : ""}
              {cohort.dueOn ? ` · échéance le ${formatDate(cohort.dueOn)}` : ""}
              {cohort.archived ? (
                ""
              ) : (
                <>
                  {" "}
                  · code <span className="join-code">{cohort.joinCode}</span>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
