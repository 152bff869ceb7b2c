/**
 * <MyAnswer reflection="l1-1-attentes" prompt="Ce que vous attendiez du parcours" />: shows the
 * learner, later in a path, what they answered to a <Reflection> of an earlier lesson (read-only,
 * private like the answer itself), so that they can measure how far they have come.
 */
import { useLessonContext } from "./lesson-context.tsx";

export function MyAnswer({ reflection, prompt }: { reflection: string; prompt: string }) {
  const { signedIn, reflections } = useLessonContext();
  const saved = reflections[reflection];
  return (
    <figure className="my-answer">
      <figcaption>{prompt}</figcaption>
      {saved ? (
        <blockquote>
          {saved.answer.split(/\n+/).map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </blockquote>
      ) : (
        <p className="muted">
          {signedIn ? "Vous n'aviez pas répondu à cette question." : "Connectez-vous pour retrouver ici votre réponse."}
        </p>
      )}
    </figure>
  );
}
