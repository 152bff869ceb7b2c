/** The positioning in the trainer's pages: one learner's levels and answers; the cohort's distribution. */
import { BarChart, countText } from "~/cohorts/bar-chart.tsx";
import { formatDate } from "~/utils/format.ts";
import { levelText, type CohortPlacementSummary, type ProgressionRow } from "./placement-rules.ts";
import { LEVELS } from "./placement-schema.ts";
import type { StoredAnswer } from "./placement-schema.ts";

export function MemberPlacement({
  name,
  placement,
}: {
  name: string;
  placement: { entryAt: string | null; exitAt: string | null; rows: ProgressionRow[]; diagnostic: StoredAnswer[] };
}) {
  return (
    <section id="positionnement" aria-labelledby="titre-positionnement">
      <h2 id="titre-positionnement">Positionnement et auto-évaluation</h2>
      <p className="muted">
        Entrée&nbsp;: {placement.entryAt ? `le ${formatDate(placement.entryAt)}` : "pas de réponse"} · fin de parcours&nbsp;:{" "}
        {placement.exitAt ? `le ${formatDate(placement.exitAt)}` : "pas de réponse"}. Déclaratif, sans note.
      </p>
      {placement.entryAt || placement.exitAt ? (
        <div className="table-wrap" role="region" aria-label="Tableau&nbsp;: niveau déclaré par objectif" tabIndex={0}>
          <table className="data-table">
            <caption className="visually-hidden">Niveau déclaré par {name} pour chaque objectif, au début et à la fin du parcours</caption>
            <thead>
              <tr>
                <th scope="col">Objectif</th>
                <th scope="col">Entrée</th>
                <th scope="col">Fin de parcours</th>
              </tr>
            </thead>
            <tbody>
              {placement.rows.map((row) => (
                <tr key={row.objective}>
                  <th scope="row">{row.objective}</th>
                  <td>{levelText(row.entry)}</td>
                  <td>{levelText(row.exit)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {placement.diagnostic.length > 0 ? (
        <>
          <h3>Sa situation, à l'entrée</h3>
          <dl className="summary-list">
            {placement.diagnostic.map((answer) => (
              <div key={answer.id}>
                <dt>{answer.question}</dt>
                <dd>{answer.answer}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

export function CohortPlacement({ summary }: { summary: CohortPlacementSummary }) {
  const moments = [
    { key: "entry", title: "à l'entrée", respondents: summary.entryRespondents },
    { key: "exit", title: "en fin de parcours", respondents: summary.exitRespondents },
  ] as const;
  return (
    <section aria-labelledby="titre-positionnement-cohorte">
      <h3 id="titre-positionnement-cohorte">Positionnement par objectif</h3>
      <p className="muted">
        Niveaux déclarés par les apprenant·es (sans note)&nbsp;: {summary.entryRespondents} réponse{summary.entryRespondents > 1 ? "s" : ""}{" "}
        à l'entrée, {summary.exitRespondents} en fin de parcours. Chaque répartition n'est montrée qu'à partir de {summary.minRespondents}{" "}
        répondant·es.
      </p>
      {summary.objectives.map((objective, index) => (
        <div key={objective.objective}>
          <h4>
            {index + 1}. {objective.objective}
          </h4>
          {moments.map((moment) => {
            const counts = objective[moment.key];
            return counts ? (
              <BarChart
                key={moment.key}
                title={`Niveaux ${moment.title}`}
                max={moment.respondents}
                rows={LEVELS.map((label, level) => ({
                  key: String(level + 1),
                  label,
                  value: counts[level]!,
                  text: countText(counts[level]!, moment.respondents),
                }))}
              />
            ) : (
              <p key={moment.key} className="muted">
                Niveaux {moment.title}&nbsp;: répartition masquée (moins de {summary.minRespondents} répondant·es).
              </p>
            );
          })}
        </div>
      ))}
    </section>
  );
}
