/**
 * Quizzes and simulations live inside pages (a lesson, a simulation's own page). Without
 * JavaScript, each of their forms is answered by a redirect back to that page, at the activity,
 * with the step to show in the address: `?quiz=<id>&etape=<step>#quiz-<id>` (or `simulation`).
 * The browser's links to a step are the same addresses. Client-safe.
 */
export type ActivityKind = "quiz" | "simulation";

export interface ActivityRef {
  kind: ActivityKind;
  id: string;
}

/** The page's path, without the query and fragment the previous step left in `retour`. */
export function pagePath(returnTo: string): string {
  return returnTo.split(/[?#]/)[0]!;
}

/**
 * Back to the page at the activity; `step` null shows the activity as it stands.
 *
 * @example stepUrl("/parcours/essai/conclusion?quiz=q&etape=resultat", { kind: "quiz", id: "q" }, "correction-q2")
 * // "/parcours/essai/conclusion?quiz=q&etape=correction-q2#quiz-q"
 * @example stepUrl("/simulations/cas", { kind: "simulation", id: "cas" }, null) // "/simulations/cas#simulation-cas"
 */
export function stepUrl(returnTo: string, activity: ActivityRef, step: string | null): string {
  const query = step ? `?${new URLSearchParams({ [activity.kind]: activity.id, etape: step })}` : "";
  return `${pagePath(returnTo)}${query}#${activity.kind}-${activity.id}`;
}
