/**
 * The positioning on the path page: the invitation before starting, the one at the end, and the
 * learner's progression (a table: the accessible truth; the small bars beside it are decorative).
 */
import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/format.ts";
import { levelText, type ProgressionRow } from "./placement-rules.ts";
import { LEVEL_COUNT } from "./placement-schema.ts";
import type { PathPlacement } from "./path-placement.server.ts";

type Placement = Omit<PathPlacement, "progression"> & { progression: ProgressionRow[] | null };

export function EntryInvitation({ placement, saved }: { placement: Placement; saved: boolean }) {
  // Once a lesson is completed the entry is closed: its answers show again in the progression.
  if (!placement.entryOpen) return null;
  return (
    <section id="positionnement" aria-labelledby="titre-positionnement" className="notice">
      <h2 id="titre-positionnement">Avant de commencer&nbsp;: où en êtes-vous&#x202F;?</h2>
      {saved ? (
        <p className="notice notice--success" role="status">
          Positionnement enregistré.
        </p>
      ) : null}
      {placement.entryAt ? (
        <p>
          Votre positionnement d'entrée est enregistré (le {formatDate(placement.entryAt)}).
          {placement.entryOpen ? (
            <>
              {" "}
              Vous pouvez le modifier jusqu'à ce que vous terminiez une première leçon&nbsp;:{" "}
              <Link to={placement.entryUrl}>modifier mon positionnement</Link>.
            </>
          ) : null}
        </p>
      ) : (
        <>
          <p>
            Deux minutes pour dire où vous en êtes sur chaque objectif et parler de votre situation&nbsp;: sans note, sans bonne réponse. À
            la fin, vous verrez votre progression. C'est facultatif&nbsp;: vous pouvez commencer sans.
          </p>
          <p>
            <Link to={placement.entryUrl} className="button button--secondary">
              Me positionner
            </Link>
          </p>
        </>
      )}
    </section>
  );
}

function LevelBar({ level }: { level: number | null }) {
  return (
    <svg
      className="bar-chart__bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
      width="60"
      height="10"
    >
      <rect className="bar-chart__track" x="0" y="0" width="100" height="10" />
      <rect className="bar-chart__value" x="0" y="0" width={level ? (level / LEVEL_COUNT) * 100 : 0} height="10" />
    </svg>
  );
}

export function ProgressionTable({ rows, caption }: { rows: ProgressionRow[]; caption: string }) {
  return (
    <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Objectif</th>
            <th scope="col">Au début</th>
            <th scope="col">À la fin</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.objective}>
              <th scope="row">{row.objective}</th>
              <td>
                {levelText(row.entry)} <LevelBar level={row.entry} />
              </td>
              <td>
                {levelText(row.exit)} <LevelBar level={row.exit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ExitPanel({ placement, saved }: { placement: Placement; saved: boolean }) {
  if (!placement.exitOpen && !placement.exitAt) return null;
  return (
    <section id="auto-evaluation" aria-labelledby="titre-auto-evaluation">
      <h2 id="titre-auto-evaluation">Où en êtes-vous maintenant&#x202F;?</h2>
      {saved ? (
        <p className="notice notice--success" role="status">
          Auto-évaluation enregistrée.
        </p>
      ) : null}
      {placement.exitAt ? (
        <p>
          Auto-évaluation de fin de parcours enregistrée le {formatDate(placement.exitAt)}.{" "}
          <Link to={placement.exitUrl}>Modifier mon auto-évaluation</Link>
        </p>
      ) : (
        <>
          <p>Vous avez terminé les leçons&nbsp;: dites où vous en êtes sur chaque objectif, pour voir votre progression. Facultatif.</p>
          <p>
            <Link to={placement.exitUrl} className="button button--secondary">
              M'auto-évaluer
            </Link>
          </p>
        </>
      )}
      {placement.progression ? <ProgressionTable rows={placement.progression} caption="Votre progression, objectif par objectif" /> : null}
    </section>
  );
}
