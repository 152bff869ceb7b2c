/**
 * When may a lesson be marked done? Pure: after its minimum time (time-model.ts), counted as the
 * longer of the time since the page was shown (signed in its form, completion-token.ts) and the
 * active time recorded on the lesson (heartbeats, with JavaScript).
 */
import { formatDuration } from "~/utils/format.ts";

export const INVALID_FORM_MESSAGE =
  "Ce formulaire de fin de leçon n'est pas valide (il vient d'une autre page ou a été modifié)\u00A0: rechargez la leçon, puis marquez-la comme terminée.";
export const EXPIRED_FORM_MESSAGE =
  "Cette page de leçon a été ouverte il y a plus de 24 heures\u00A0: rechargez-la, puis marquez la leçon comme terminée.";

export function tooEarlyMessage(elapsedSeconds: number, minimumSeconds: number): string {
  return `Vous avez ouvert cette leçon il y a ${formatDuration(elapsedSeconds, { zero: "s" })}\u00A0: prenez le temps de la lire (au moins ${formatDuration(minimumSeconds)}) avant de la marquer comme terminée.`;
}

/** Seconds that count towards the minimum, and whether they reach it. */
export function spentEnough({
  elapsedSeconds,
  activeSeconds,
  minimumSeconds,
}: {
  elapsedSeconds: number;
  activeSeconds: number;
  minimumSeconds: number;
}) {
  return Math.max(elapsedSeconds, activeSeconds) >= minimumSeconds;
}
