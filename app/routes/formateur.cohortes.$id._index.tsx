import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { formatDate, formatDuration, formatPercent, formatShare } from "~/utils/format.ts";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { publicUrl } from "~/utils/public-url.server.ts";
import { BarChart, countText } from "~/cohorts/bar-chart.tsx";
import { requireTrainerCohort } from "~/cohorts/cohort-access.server.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { MIN_RESPONDENTS, sortLearners, type SortKey } from "~/cohorts/dashboard.ts";
import { formatJoinCode } from "~/cohorts/join-code.ts";
import { expectedLessons } from "~/cohorts/pace.ts";
import { applyFilter, readTableQuery, sortHref, type TableQuery } from "~/cohorts/table-query.ts";
import { db } from "~/db/db.server.ts";
import { takeFlash } from "~/utils/flash.server.ts";
import { Breadcrumbs } from "~/components/breadcrumbs.tsx";
import { summarize } from "~/satisfaction/aggregate.ts";
import { cohortResponses } from "~/satisfaction/satisfaction-reads.server.ts";
import { SatisfactionSummaryView } from "~/satisfaction/satisfaction-summary.tsx";
import { loadCohortPlacementSummary } from "~/placement/cohort-placement.server.ts";
import { CohortPlacement } from "~/placement/trainer-placement.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.cohort.name ?? "Cohorte"} — Apprendre à faire alliance` },
];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, cohort, path } = await requireTrainerCohort(request, context, params.id);
  const url = new URL(request.url);
  const query = readTableQuery(url.searchParams);
  const flash = await takeFlash(request);
  if (flash.clear) context.responseCookies.push(flash.clear);
  const now = new Date();
  const [dashboard, satisfaction, placement] = await Promise.all([
    buildCohortDashboard(db, cohort, path, now),
    cohortResponses(db, cohort).then(summarize),
    loadCohortPlacementSummary(db, user.id, cohort.id, path),
  ]);
  const learners = dashboard.learners;
  const shown = sortLearners(applyFilter(learners, query.filter), query.sort, query.order);
  const total = dashboard.content.lessons.length;
  return json(
    {
      cohort: {
        id: cohort.id,
        name: cohort.name,
        pathTitle: path.title,
        pathSlug: path.slug,
        startsOn: cohort.startsOn?.toISOString() ?? null,
        dueOn: cohort.dueOn?.toISOString() ?? null,
        archived: Boolean(cohort.archivedAt),
        joinCode: formatJoinCode(cohort.joinCode),
        joinUrl: `${publicUrl()}/rejoindre/${formatJoinCode(cohort.joinCode)}`,
      },
      created: flash.code === "cohorte-creee",
      placement,
      query,
      hasCalendar: Boolean(cohort.startsOn && cohort.dueOn),
      expectedLessons: expectedLessons(
        { startsOn: cohort.startsOn, dueOn: cohort.dueOn ? new Date(cohort.dueOn.getTime() + 86_400_000) : null },
        total,
        now,
      ),
      totals: {
        learners: learners.length,
        completed: learners.filter((row) => row.percent === 100).length,
        certificates: learners.filter((row) => row.certificate && !row.certificate.revoked).length,
        behind: learners.filter((row) => row.behind).length,
        inactive: learners.filter((row) => row.inactive).length,
        lessons: total,
        scenarios: dashboard.content.scenarios.length,
      },
      learners: shown.map((row) => ({
        userId: row.userId,
        name: row.name,
        percent: row.percent,
        completedLessons: row.completedLessons,
        lastActivityAt: row.lastActivityAt?.toISOString() ?? null,
        activeSeconds: row.activeSeconds,
        expectedSeconds: row.expectedSeconds,
        finalScore: row.finalScore,
        quizzesDone: Object.keys(row.bestScores).length,
        scenariosDone: Object.keys(row.endings).length,
        certificate: row.certificate ? { issuedAt: row.certificate.issuedAt.toISOString(), revoked: row.certificate.revoked } : null,
        project: row.project
          ? {
              submittedAt: row.project.submittedAt?.toISOString() ?? null,
              selfAssessed: row.project.selfAssessed,
              total: row.project.total,
            }
          : null,
        behind: row.behind,
        inactive: row.inactive,
      })),
      quizCount: dashboard.content.quizzes.length,
      requiredActiveSeconds: dashboard.content.requiredActiveSeconds ?? null,
      pathObjectives: dashboard.content.objectives ?? [],
      project: dashboard.content.project ?? null,
      funnel: dashboard.funnel,
      quizzes: dashboard.quizzes,
      scenarios: dashboard.scenarios,
      satisfaction,
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function CohortDashboardPage() {
  const data = useLoaderData<typeof loader>();
  const { cohort, totals } = data;
  return (
    <div className="page">
      <Breadcrumbs trail={[{ to: "/formateur", label: "Mes cohortes" }]} current={cohort.name} />
      <h1>{cohort.name}</h1>
      {data.created ? (
        <p className="notice" role="status">
          Cohorte créée. Communiquez le code ou le lien ci-dessous à vos apprenant·es.
        </p>
      ) : null}
      <p className="lede">
        Parcours <Link to={`/parcours/${cohort.pathSlug}`}>{cohort.pathTitle}</Link>
        {cohort.startsOn ? ` · du ${formatDate(cohort.startsOn)}` : ""}
        {cohort.dueOn ? ` · échéance le ${formatDate(cohort.dueOn)}` : ""}
        {cohort.archived ? " · archivée" : ""}
      </p>
      {cohort.archived ? (
        <p className="notice">Cette cohorte est archivée&nbsp;: personne ne peut plus la rejoindre. Ses données restent consultables.</p>
      ) : (
        <section className="join-box" aria-labelledby="titre-rejoindre">
          <h2 id="titre-rejoindre">Pour rejoindre la cohorte</h2>
          <p>
            Code&nbsp;: <span className="join-code join-code--large">{cohort.joinCode}</span>
          </p>
          <p>
            Ou le lien&nbsp;: <a href={cohort.joinUrl}>{cohort.joinUrl}</a>
          </p>
        </section>
      )}
      <p className="actions">
        <Link to="reglages">Réglages de la cohorte</Link> ·{" "}
        <a href={`/formateur/cohortes/${cohort.id}/export.csv`}>Exporter le tableau (CSV)</a> ·{" "}
        <a href={`/formateur/cohortes/${cohort.id}/service-fait.csv`}>
          Durées réalisées pour le financeur («&#8239;service fait&#8239;», CSV)
        </a>
        {totals.certificates > 0 ? (
          <>
            {" "}
            · <a href={`/formateur/cohortes/${cohort.id}/certificats.zip`}>
              Télécharger les certificats (ZIP, {totals.certificates})
            </a> ·{" "}
            <a href={`/formateur/cohortes/${cohort.id}/documents.zip`}>
              Certificats, attestations, certificats de réalisation et relevés d'activité (ZIP, {totals.certificates})
            </a>
          </>
        ) : null}
      </p>

      <ul className="cohort-stats" aria-label="La cohorte en chiffres">
        <li>
          <strong>{totals.learners}</strong> apprenant·e{totals.learners > 1 ? "s" : ""}
        </li>
        <li>
          <strong>{totals.completed}</strong> parcours terminé{totals.completed > 1 ? "s" : ""}
        </li>
        <li>
          <strong>{totals.certificates}</strong> certificat{totals.certificates > 1 ? "s" : ""}
        </li>
        <li>
          <strong>{data.hasCalendar ? totals.behind : "—"}</strong> en retard
        </li>
        <li>
          <strong>{totals.inactive}</strong> inactif·ve{totals.inactive > 1 ? "s" : ""} depuis 7 jours
        </li>
      </ul>

      <LearnerTable data={data} />
      <CohortOverview data={data} />
      <section aria-labelledby="titre-satisfaction">
        <h2 id="titre-satisfaction">Satisfaction en fin de parcours</h2>
        <SatisfactionSummaryView summary={data.satisfaction} title={cohort.name} />
        {data.satisfaction.hidden ? null : (
          <p>
            <a href={`/formateur/cohortes/${cohort.id}/satisfaction.csv`}>Exporter les réponses (CSV, sans noms)</a>
          </p>
        )}
      </section>
    </div>
  );
}

const COLUMNS: Array<{ key: SortKey | null; label: string; numeric?: boolean }> = [
  { key: "nom", label: "Apprenant·e" },
  { key: "progression", label: "Progression", numeric: true },
  { key: null, label: "Leçons", numeric: true },
  { key: "activite", label: "Dernière activité" },
  { key: "temps", label: "Temps actif / attendu", numeric: true },
  { key: "evaluation", label: "Évaluation finale", numeric: true },
  { key: null, label: "Quiz faits", numeric: true },
  { key: null, label: "Simulations", numeric: true },
  { key: null, label: "Certificat" },
];

function SortHeader({ query, column }: { query: TableQuery; column: (typeof COLUMNS)[number] }) {
  const active = column.key !== null && query.sort === column.key;
  return (
    <th
      scope="col"
      className={column.numeric ? "num" : undefined}
      aria-sort={active ? (query.order === "asc" ? "ascending" : "descending") : undefined}
    >
      {column.key ? (
        <Link to={sortHref(query, column.key)} className="sort-link" preventScrollReset>
          {column.label}
          <span aria-hidden="true">{active ? (query.order === "asc" ? " ▲" : " ▼") : ""}</span>
          <span className="visually-hidden">{active ? ", trier dans l'autre sens" : ", trier par cette colonne"}</span>
        </Link>
      ) : (
        column.label
      )}
    </th>
  );
}

function LearnerTable({ data }: { data: Data }) {
  const [params] = useSearchParams();
  const { query, totals } = data;
  return (
    <section aria-labelledby="titre-apprenants">
      <h2 id="titre-apprenants">Les apprenant·es</h2>
      <Form method="get" className="filters">
        {params.get("tri") ? <input type="hidden" name="tri" value={query.sort} /> : null}
        {params.get("ordre") ? <input type="hidden" name="ordre" value={query.order} /> : null}
        <fieldset>
          <legend className="visually-hidden">Afficher</legend>
          {(
            [
              ["tous", `Tous (${totals.learners})`],
              ["en-retard", `En retard (${data.hasCalendar ? totals.behind : "sans calendrier"})`],
              ["inactifs", `Inactifs depuis 7 jours (${totals.inactive})`],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="filtre"
                value={value}
                defaultChecked={query.filter === value}
                disabled={value === "en-retard" && !data.hasCalendar}
              />{" "}
              {label}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button button--secondary">
          Filtrer
        </button>
      </Form>
      {data.hasCalendar && data.expectedLessons !== null ? (
        <p className="muted">
          Rythme attendu aujourd'hui&nbsp;: {data.expectedLessons} leçon{data.expectedLessons > 1 ? "s" : ""} sur {totals.lessons}.
          «&#x202F;En retard&#x202F;»&nbsp;: moins que ce rythme.
        </p>
      ) : null}
      <p className="muted">
        «&#x202F;Temps actif / attendu&#x202F;»&nbsp;: le temps d'activité enregistré sur les leçons du parcours, et celui que prévoit le
        modèle de lecture (180 mots par minute, plus les activités) pour les leçons que la personne a terminées
        {data.requiredActiveSeconds ? `. Le certificat demande ${formatDuration(data.requiredActiveSeconds)} de temps actif` : ""}.
      </p>
      {data.learners.length === 0 ? (
        <p>{totals.learners === 0 ? "Personne n'a encore rejoint la cohorte." : "Aucun apprenant·e ne correspond à ce filtre."}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="titre-apprenants" tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">
              Apprenant·es de la cohorte, {data.learners.length} affiché·es, triés par{" "}
              {COLUMNS.find((c) => c.key === query.sort)?.label.toLowerCase()}
            </caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.label} query={query} column={column} />
                ))}
                {data.project ? <th scope="col">Projet final</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.learners.map((row) => (
                <tr key={row.userId}>
                  <th scope="row">
                    <Link to={`apprenants/${row.userId}`}>{row.name}</Link>
                    {row.behind ? <span className="tag tag--alerte"> en retard</span> : null}
                    {row.inactive ? <span className="tag"> inactif·ve</span> : null}
                  </th>
                  <td className="num">{formatPercent(row.percent)}</td>
                  <td className="num">
                    {row.completedLessons} / {totals.lessons}
                  </td>
                  <td>{row.lastActivityAt ? formatDate(row.lastActivityAt) : "jamais"}</td>
                  <td className="num">
                    {formatDuration(row.activeSeconds)}
                    <span className="muted"> / {formatDuration(row.expectedSeconds)}</span>
                  </td>
                  <td className="num">{row.finalScore === null ? "—" : formatPercent(row.finalScore)}</td>
                  <td className="num">
                    {row.quizzesDone} / {data.quizCount}
                  </td>
                  <td className="num">
                    {row.scenariosDone} / {totals.scenarios}
                  </td>
                  <td>
                    {row.certificate ? (row.certificate.revoked ? "révoqué" : `oui, le ${formatDate(row.certificate.issuedAt)}`) : "non"}
                  </td>
                  {data.project ? (
                    <td>
                      {row.project
                        ? `${row.project.submittedAt ? `remis le ${formatDate(row.project.submittedAt)}` : "en cours"}${row.project.selfAssessed > 0 ? ` · ${row.project.total} / ${data.project.criteria * 4}` : ""}`
                        : "non commencé"}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted">
        Le meilleur score à chaque quiz et la fin de chaque simulation sont sur la fiche de chaque apprenant·e et dans l'export CSV.
      </p>
    </section>
  );
}

function CohortOverview({ data }: { data: Data }) {
  const members = data.totals.learners;
  return (
    <section aria-labelledby="titre-vue-ensemble">
      <h2 id="titre-vue-ensemble">La cohorte d'un coup d'œil</h2>
      {members === 0 ? <p className="muted">Les graphiques apparaîtront quand des apprenant·es auront rejoint la cohorte.</p> : null}
      <BarChart
        title="Entonnoir des leçons"
        legend="barre foncée&nbsp;: leçon terminée&#x202F;; barre claire&nbsp;: leçon commencée"
        max={members}
        rows={data.funnel.map((step, index) => ({
          key: step.lessonId,
          label: `${index + 1}. ${step.title}`,
          value: step.completed,
          background: step.started,
          text: `terminée\u00A0: ${countText(step.completed, members)} · commencée\u00A0: ${step.started}`,
        }))}
      />
      <CohortPlacement summary={data.placement} />
      <h3>Quiz</h3>
      <BarChart
        title="Score moyen (meilleur score de chacun)"
        max={100}
        rows={data.quizzes.map((quiz) => ({
          key: quiz.quizId,
          label: quiz.title,
          value: quiz.averageBest ?? 0,
          text:
            quiz.averageBest === null
              ? "personne encore"
              : `${formatPercent(quiz.averageBest)} (${quiz.learners} apprenant·e${quiz.learners > 1 ? "s" : ""})`,
        }))}
      />
      <h3>Analyse par question</h3>
      <p className="muted">
        Sur la première tentative de chacun·e. Les réponses fausses ne sont détaillées qu'à partir de {MIN_RESPONDENTS} répondant·es, pour
        que personne ne soit reconnaissable. Pour l'évaluation finale, chaque question indique l'objectif du parcours qu'elle évalue, et un
        tableau donne la part de réponses justes par objectif (à partir de {MIN_RESPONDENTS} répondant·es).
      </p>
      {data.quizzes.map((quiz) => (
        <details key={quiz.quizId} className="item-analysis">
          <summary>
            {quiz.title}
            {quiz.final ? " (évaluation finale)" : ""}
          </summary>
          {quiz.final ? <ObjectiveTable quiz={quiz} /> : null}
          <div className="table-wrap" role="region" aria-label={`Tableau\u00A0: questions de «\u202F${quiz.title}\u202F»`} tabIndex={0}>
            <table className="data-table">
              <caption>Questions de «&#x202F;{quiz.title}&#x202F;»</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  {quiz.final ? <th scope="col">Objectif du parcours</th> : null}
                  <th scope="col" className="num">
                    Répondant·es
                  </th>
                  <th scope="col" className="num">
                    Réponses justes
                  </th>
                  <th scope="col">Erreur la plus fréquente</th>
                </tr>
              </thead>
              <tbody>
                {quiz.questions.map((question) => (
                  <tr key={question.questionId}>
                    <th scope="row">{question.stem}</th>
                    {quiz.final ? (
                      <td>
                        {question.objective === null
                          ? "non rattachée"
                          : `${question.objective}. ${data.pathObjectives[question.objective - 1] ?? ""}`}
                      </td>
                    ) : null}
                    <td className="num">{question.answered}</td>
                    <td className="num">{question.correctShare === null ? "—" : formatShare(question.correctShare)}</td>
                    <td>
                      {question.hidden
                        ? question.answered === 0
                          ? "—"
                          : `masquée (moins de ${MIN_RESPONDENTS} répondant·es)`
                        : question.mostChosenWrong
                          ? `${question.mostChosenWrong.label} (${question.mostChosenWrong.count})`
                          : "aucune"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      {data.scenarios.length > 0 ? <h3>Simulations</h3> : null}
      {data.scenarios.map((scenario) => (
        <div key={scenario.scenarioId} className="scenario-summary">
          <h4>
            {scenario.title} — {scenario.finished} partie{scenario.finished > 1 ? "s" : ""} terminée{scenario.finished > 1 ? "s" : ""}
          </h4>
          {scenario.hidden ? (
            <p className="muted">
              Répartition masquée tant que moins de {MIN_RESPONDENTS} apprenant·es ont terminé une partie (première partie de chacun·e).
            </p>
          ) : (
            <>
              <BarChart
                title="Fins obtenues"
                max={scenario.finished}
                rows={scenario.endings.map((ending) => ({
                  key: ending.endingId,
                  label: ending.title,
                  value: ending.count,
                  text: countText(ending.count, scenario.finished),
                }))}
              />
              {scenario.decisions.map((decision) =>
                decision.hidden ? null : (
                  <BarChart
                    key={decision.sceneId}
                    title={`Décision «\u202F${decision.title}\u202F»`}
                    max={decision.answered}
                    rows={decision.choices.map((choice) => ({
                      key: choice.choiceId,
                      label: choice.text,
                      value: choice.count,
                      text: countText(choice.count, decision.answered),
                    }))}
                  />
                ),
              )}
              <StrategyList scenario={scenario} />
            </>
          )}
        </div>
      ))}
    </section>
  );
}

/**
 * The strategies of a scenario: the sequences of choices several learners followed, each with the
 * ending it led to, so that a trainer sees which routes the group took, not only where it ended.
 */
function StrategyList({ scenario }: { scenario: Data["scenarios"][number] }) {
  const others = scenario.singleStrategies;
  return (
    <div className="strategies">
      <p className="strategies__title">Stratégies suivies</p>
      {scenario.strategies.length === 0 ? (
        <p className="muted">Aucun enchaînement de choix n'a été suivi par plus d'une personne&nbsp;: chacun·e a pris sa propre route.</p>
      ) : (
        <ol>
          {scenario.strategies.map((strategy) => (
            <li key={strategy.steps.map((step) => `${step.sceneId}-${step.choiceId}`).join(".")}>
              <details>
                <summary>
                  {countText(strategy.count, scenario.finished)} · fin «&#x202F;{strategy.endingTitle}&#x202F;»
                </summary>
                <ol>
                  {strategy.steps.map((step, index) => (
                    <li key={`${step.sceneId}-${index}`}>
                      <strong>{step.title}</strong>&nbsp;: {step.text}
                    </li>
                  ))}
                </ol>
              </details>
            </li>
          ))}
        </ol>
      )}
      {others > 0 && scenario.strategies.length > 0 ? (
        <p className="muted">
          {others === 1
            ? "Une personne a suivi un enchaînement que personne d'autre n'a pris."
            : `${others} personnes ont suivi chacune un enchaînement que personne d'autre n'a pris.`}
        </p>
      ) : null}
    </div>
  );
}

/** The final assessment, objective by objective of the path: what the cohort masters and what it does not. */
function ObjectiveTable({ quiz }: { quiz: Data["quizzes"][number] }) {
  if (quiz.objectives.length === 0) {
    return <p className="muted">Les questions de cette évaluation ne sont pas encore rattachées aux objectifs du parcours.</p>;
  }
  return (
    <div
      className="table-wrap"
      role="region"
      aria-label={`Tableau\u00A0: «\u202F${quiz.title}\u202F» par objectif du parcours`}
      tabIndex={0}
    >
      <table className="data-table">
        <caption>«&#x202F;{quiz.title}&#x202F;» par objectif du parcours</caption>
        <thead>
          <tr>
            <th scope="col">Objectif</th>
            <th scope="col" className="num">
              Questions
            </th>
            <th scope="col" className="num">
              Réponses
            </th>
            <th scope="col" className="num">
              Réponses justes
            </th>
          </tr>
        </thead>
        <tbody>
          {quiz.objectives.map((objective) => (
            <tr key={objective.number}>
              <th scope="row">
                {objective.number}. {objective.text}
              </th>
              <td className="num">{objective.questions}</td>
              <td className="num">{objective.answers}</td>
              <td className="num">
                {objective.hidden
                  ? objective.answers === 0
                    ? "—"
                    : `masquées (moins de ${MIN_RESPONDENTS} répondant·es)`
                  : objective.correctShare === null
                    ? "—"
                    : `${Math.round(objective.correctShare * 100)}\u00A0%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
