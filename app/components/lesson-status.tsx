import type { LessonStatus } from "~/progress/path-progress.ts";

const LABELS: Record<LessonStatus, { text: string; mark: string }> = {
  "a-faire": { text: "À faire", mark: "○" },
  "en-cours": { text: "En cours", mark: "◐" },
  terminee: { text: "Terminée", mark: "●" },
};

/** The status of a lesson in words (the symbol is decoration). */
export function LessonStatusBadge({ status }: { status: LessonStatus }) {
  const { text, mark } = LABELS[status];
  return (
    <span className={`status status--${status}`}>
      <span aria-hidden="true">{mark} </span>
      {text}
    </span>
  );
}
