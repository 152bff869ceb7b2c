/**
 * The satisfaction aggregate as trainers and admins read it: one bar chart per question (each
 * point of the scale with its count), then the free texts, without names or dates. Below the
 * threshold, only the count and why nothing more is shown.
 */
import { BarChart, countText } from "~/cohorts/bar-chart.tsx";
import { formatShare } from "~/utils/format.ts";
import { MIN_RESPONDENTS, type SatisfactionSummary } from "./aggregate.ts";

export function SatisfactionSummaryView({ summary, title }: { summary: SatisfactionSummary; title: string }) {
  const { responses } = summary;
  return (
    <div className="satisfaction-summary">
      <p>
        <strong>{responses}</strong> réponse{responses > 1 ? "s" : ""} au questionnaire de satisfaction de fin de parcours.
      </p>
      {summary.hidden ? (
        <p className="muted">
          Les réponses ne sont détaillées qu'à partir de {MIN_RESPONDENTS} répondant·es, pour que personne ne soit reconnaissable.
        </p>
      ) : (
        <>
          {summary.questions.map((question) => (
            <BarChart
              key={question.id}
              title={`${question.text} (${formatShare(question.positiveShare)} de réponses favorables)`}
              max={responses}
              rows={question.counts.map((entry) => ({
                key: String(entry.score),
                label: entry.label,
                value: entry.count,
                text: countText(entry.count, responses),
              }))}
            />
          ))}
          <h3>Commentaires libres ({summary.comments.length})</h3>
          {summary.comments.length === 0 ? (
            <p className="muted">Personne n'a laissé de commentaire.</p>
          ) : (
            <ul className="satisfaction-comments" aria-label={`Commentaires libres\u00A0: ${title}`}>
              {summary.comments.map((comment, index) => (
                // Comments have no id to show (that would name their author); their order is stable.
                <li key={index}>{comment}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
