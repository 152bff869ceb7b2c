/**
 * <ModelAnswer reflection="l4-3-ma-lecture">…</ModelAnswer>: for an activity that the course
 * does not grade because it has no single right answer (a classification that is « une lecture
 * proposée »), one possible reading with its reasons, and where other readings hold, to compare
 * with what the learner wrote in the <Reflection> it names.
 *
 * A native <details>: it opens on demand, without JavaScript too. It is open once the learner has
 * saved an answer to that reflection: on the page the server renders after a plain-form save, or at
 * once with JavaScript, through the fetcher the <Reflection> shares with it (same key).
 */
import type { ReactNode } from "react";
import { useFetcher } from "@remix-run/react";
import { useLessonContext } from "./lesson-context.tsx";
import { reflectionFetcherKey, type ReflectionSaveResult } from "./reflection.tsx";
import { fr } from "~/utils/french-typography.ts";

export function ModelAnswer({ reflection, title, children }: { reflection: string; title?: string; children?: ReactNode }) {
  const { reflections } = useLessonContext();
  const fetcher = useFetcher<ReflectionSaveResult>({ key: reflectionFetcherKey(reflection) });
  const answered = Boolean(reflections[reflection]) || fetcher.data?.saved?.reflectionId === reflection;
  return (
    <details className="model-answer" id={`lecture-${reflection}`} open={answered}>
      <summary>
        <span className="model-answer__title">{title ?? "Une lecture possible"}</span>{" "}
        <span className="model-answer__hint">
          {answered ? fr`— votre réponse est enregistrée : comparez-la avec celle-ci` : "— à ouvrir une fois votre réponse écrite"}
        </span>
      </summary>
      <div className="model-answer__body">{children}</div>
    </details>
  );
}
