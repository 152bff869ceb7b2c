import { Link } from "@remix-run/react";
import { formatMinutes } from "~/utils/format.ts";
import type { PathCard as PathCardData } from "~/pages/path-overview.server.ts";
import { ProgressMeter } from "./progress-meter.tsx";
import { fr } from "~/utils/french-typography.ts";

type SerializedCard = Omit<PathCardData, never>;

export function PathCard({ path, headingLevel = 2 }: { path: SerializedCard; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const started = path.progress?.started;
  return (
    <article className="card">
      <span className="card__duration">{formatMinutes(path.nominalMinutes)}</span>
      <Heading>
        <Link to={`/parcours/${path.slug}`} className="card__title-link">
          {path.title}
        </Link>
      </Heading>
      <p>{path.summary}</p>
      <p className="muted">Pour qui&nbsp;: {path.suits}</p>
      <details className="card__objectives">
        <summary>Objectifs du parcours</summary>
        <ul>
          {path.objectives.map((objective) => (
            <li key={objective}>{objective}</li>
          ))}
        </ul>
      </details>
      <p className="muted">
        {path.lessonCount} leçon{path.lessonCount > 1 ? "s" : ""}, activités comprises
      </p>
      {path.progress ? <ProgressMeter percent={path.progress.percent} label={fr`Progression dans « ${path.title} »`} /> : null}
      <p className="card__actions">
        <Link to={started ? path.resumeUrl : `/parcours/${path.slug}`} className="button">
          {path.progress?.completed ? "Revoir le parcours" : started ? "Reprendre" : "Découvrir le parcours"}
          <span className="visually-hidden">{fr` « ${path.title} »`}</span>
        </Link>
      </p>
    </article>
  );
}
