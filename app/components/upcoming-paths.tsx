import { formatMinutes } from "~/utils/format.ts";

/** Paths still being written: named, so visitors know they are coming, but not open. */
export function UpcomingPaths({
  paths,
  headingLevel = 2,
}: {
  paths: Array<{ id: string; title: string; nominalMinutes: number; summary: string }>;
  headingLevel?: 2 | 3;
}) {
  if (paths.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="titre-en-preparation" className="upcoming">
      <Heading id="titre-en-preparation">En préparation</Heading>
      <ul>
        {paths.map((path) => (
          <li key={path.id}>
            <strong>
              {path.title} ({formatMinutes(path.nominalMinutes)})
            </strong>{" "}
            — {path.summary}
          </li>
        ))}
      </ul>
    </section>
  );
}
