/** The « Fil d'Ariane » above a page's title: the pages above it, as links, then the page itself. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function Breadcrumbs({ trail, current }: { trail: Array<{ to: string; label: ReactNode }>; current: ReactNode }) {
  return (
    <nav aria-label="Fil d'Ariane" className="breadcrumbs">
      <ol>
        {trail.map((step) => (
          <li key={step.to}>
            <Link to={step.to}>{step.label}</Link>
          </li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
