/**
 * <Reflection id prompt>: an open question. A signed-in learner's answer is saved privately (only
 * they see it; later lessons and the final project reuse it). Works as a plain form without
 * JavaScript; with JavaScript it saves in place.
 */
import { useFetcher } from "@remix-run/react";
import { formatDateTime } from "~/utils/format.ts";
import { useLessonContext } from "./lesson-context.tsx";
import { fr } from "~/utils/french-typography.ts";
import { REFLECTION_INTENT } from "~/progress/reflection-form.ts";

/** What the lesson action answers to a save. */
export interface ReflectionSaveResult {
  saved?: { reflectionId: string; updatedAt: string };
  error?: string;
}

/** The key of a reflection's fetcher: a <ModelAnswer> reads the same one to open once it is saved. */
export const reflectionFetcherKey = (id: string) => `reflexion-${id}`;

export function Reflection({ id, prompt }: { id: string; prompt: string }) {
  const { signedIn, reflections, loginUrl } = useLessonContext();
  const fetcher = useFetcher<ReflectionSaveResult>({ key: reflectionFetcherKey(id) });
  const saved = reflections[id];
  const fieldId = `reflexion-${id}`;
  const savedNow = fetcher.data?.saved?.reflectionId === id ? fetcher.data.saved : null;
  const error = fetcher.data?.error;
  const savedAt = savedNow?.updatedAt ?? saved?.updatedAt;
  return (
    <section className="reflection" aria-labelledby={`${fieldId}-titre`} id={fieldId}>
      <p className="reflection__kicker" id={`${fieldId}-titre`}>
        À vous
      </p>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value={REFLECTION_INTENT} />
        <input type="hidden" name="reflectionId" value={id} />
        <label htmlFor={`${fieldId}-champ`}>{prompt}</label>
        <textarea
          id={`${fieldId}-champ`}
          name="answer"
          rows={4}
          defaultValue={saved?.answer ?? ""}
          maxLength={5000}
          aria-describedby={`${fieldId}-etat`}
        />
        <div className="reflection__footer">
          {signedIn ? (
            <button type="submit" className="button button--secondary" disabled={fetcher.state !== "idle"}>
              Enregistrer ma réponse
            </button>
          ) : null}
          <p id={`${fieldId}-etat`} className="reflection__status" role="status">
            {!signedIn ? (
              <>
                Votre réponse n'est pas enregistrée sans compte. <a href={loginUrl}>Connectez-vous</a> pour la garder (elle reste privée).
              </>
            ) : fetcher.state !== "idle" ? (
              "Enregistrement…"
            ) : error ? (
              error
            ) : savedAt ? (
              `Réponse enregistrée le ${formatDateTime(savedAt)}. Vous seul·e la voyez.`
            ) : (
              fr`Votre réponse reste privée : vous seul·e la voyez.`
            )}
          </p>
        </div>
      </fetcher.Form>
    </section>
  );
}
