/**
 * The components lessons may use (the checker refuses any other; see courses/README.md).
 * Each renders plain, semantic HTML that reads well without JavaScript.
 */
import type { ReactNode } from "react";
import { AUDIENCE_LABELS, useLessonContext } from "./lesson-context.tsx";
import { slugify } from "~/utils/slugify.ts";
import type { Audience } from "~/courses/course-schema.ts";
import { fr } from "~/utils/french-typography.ts";

/**
 * A figure with what it counts (`label`, 15 words at most) and where it comes from; `note` holds
 * the detail a careful reader needs (population, survey, date, caveat) without weighing the label.
 */
export function KeyFigure({
  value,
  label,
  note,
  source,
  heading,
}: {
  value: string;
  label: string;
  note?: string;
  source: string;
  heading: string;
}) {
  const { sources } = useLessonContext();
  return (
    <figure className="key-figure">
      <p className="key-figure__value">{value}</p>
      <figcaption>
        <span className="key-figure__label">{label}</span>
        {note ? <span className="key-figure__note">{note}</span> : null}
        <cite className="key-figure__source">{fr`Source : ${sources[source]?.shortTitle ?? source}, « ${heading} »`}</cite>
      </figcaption>
    </figure>
  );
}

export function Definition({ term, children }: { term: string; children?: ReactNode }) {
  const { glossary } = useLessonContext();
  const entry = glossary[term];
  return (
    <dfn className="term">
      <a href={`/glossaire#${entry?.id ?? slugify(term)}`}>{children ?? term}</a>
    </dfn>
  );
}

export function CaseStudy({ title, children }: { title: string; children?: ReactNode }) {
  const id = `cas-${slugify(title)}`;
  return (
    <aside className="case-study" aria-labelledby={id}>
      <p className="case-study__kicker">Étude de cas</p>
      <h3 id={id}>{title}</h3>
      {children}
    </aside>
  );
}

const CALLOUT_TITLES: Record<string, string> = {
  "a-retenir": "À retenir",
  attention: "Attention",
  info: "Pour information",
  debat: "En débat",
};

export function Callout({ kind, title, children }: { kind: string; title?: string; children?: ReactNode }) {
  return (
    <aside className={`callout callout--${kind}`}>
      <p className="callout__title">{title ?? CALLOUT_TITLES[kind] ?? "Note"}</p>
      {children}
    </aside>
  );
}

export function Source({ sourceRef: sourceId, heading }: { sourceRef: string; heading: string }) {
  const { sources } = useLessonContext();
  return <cite className="source-ref">{fr`(source : ${sources[sourceId]?.shortTitle ?? sourceId}, « ${heading} »)`}</cite>;
}

/**
 * A passage for one profile. Readers with that profile see it open; other signed-in readers find
 * it folded; anonymous readers and the « autre » profile see every passage, labelled.
 */
export function ForProfile({ profile, children }: { profile: string; children?: ReactNode }) {
  const { audience } = useLessonContext();
  const label = AUDIENCE_LABELS[profile as Audience]?.example ?? "Exemple";
  if (audience === null || audience === profile) {
    return (
      <section className="for-profile" aria-label={label}>
        <p className="for-profile__label">{label}</p>
        {children}
      </section>
    );
  }
  return (
    <details className="for-profile for-profile--folded">
      <summary>{label}</summary>
      {children}
    </details>
  );
}

/**
 * What the sources say and do not say about the lesson's subject (« Sources et limites »): the
 * caveats gathered at the end of the lesson instead of interrupting the text (issue 19).
 */
export function SourceNotes({ children }: { children?: ReactNode }) {
  return (
    <aside className="source-notes" aria-labelledby="sources-et-limites">
      <h2 id="sources-et-limites">Sources et limites</h2>
      {children}
    </aside>
  );
}

/**
 * « Notes pour animer »: how to run the module in class (timing, a discussion question). Open for
 * the trainer profile, folded for everyone else; its words are not in the time model (they are read
 * to prepare a session, not to learn).
 */
export function TrainerNotes({ children }: { children?: ReactNode }) {
  const { audience } = useLessonContext();
  if (audience === "formateur") {
    return (
      <aside className="trainer-notes" aria-labelledby="notes-pour-animer">
        <h2 id="notes-pour-animer">Notes pour animer</h2>
        {children}
      </aside>
    );
  }
  return (
    <details className="trainer-notes trainer-notes--folded">
      <summary>Notes pour animer (formateur·rices)</summary>
      {children}
    </details>
  );
}
