/**
 * A horizontal bar chart that needs no chart library: each row's label and numbers are text, and
 * the bar is a decorative SVG beside them, so screen readers, text zoom and printing all get the
 * figures. An optional second value draws a lighter bar behind (e.g. started vs completed).
 */
import { formatShare } from "~/utils/format.ts";

interface BarRow {
  key: string;
  label: string;
  value: number;
  /** Lighter bar behind the main one (same scale). */
  background?: number;
  /** What the row says in words, e.g. « 12 sur 30 (40 %) ». */
  text: string;
}

export function BarChart({ title, rows, max, legend }: { title: string; rows: BarRow[]; max: number; legend?: string }) {
  const scale = (value: number) => (max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0);
  return (
    <figure className="bar-chart">
      <figcaption>
        {title}
        {legend ? <span className="bar-chart__legend"> — {legend}</span> : null}
      </figcaption>
      <ol className="bar-chart__rows">
        {rows.map((row) => (
          <li key={row.key} className="bar-chart__row">
            <span className="bar-chart__label">{row.label}</span>
            <svg className="bar-chart__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect className="bar-chart__track" x="0" y="0" width="100" height="10" />
              {row.background !== undefined ? (
                <rect className="bar-chart__background" x="0" y="0" width={scale(row.background)} height="10" />
              ) : null}
              <rect className="bar-chart__value" x="0" y="0" width={scale(row.value)} height="10" />
            </svg>
            <span className="bar-chart__text">{row.text}</span>
          </li>
        ))}
      </ol>
    </figure>
  );
}

/** « 12 sur 30 (40 %) » */
export function countText(count: number, total: number): string {
  return `${count} sur ${total}${total > 0 ? ` (${formatShare(count / total)})` : ""}`;
}
