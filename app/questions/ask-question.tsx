/**
 * « Poser une question », at the end of every lesson: a link to the question form with the lesson
 * attached, the delay the platform commits to, and, for a visitor, an invitation to sign in.
 * `questionPrompt` builds its data in the lesson's loader (one field).
 */
import { Link } from "@remix-run/react";

export interface QuestionPrompt {
  /** The question form for this lesson. */
  askUrl: string;
  /** « 2 jours ouvrés », or null when the organisation has not committed to one. */
  answerDelay: string | null;
  /** For a visitor: sign in, then come back to the form. Null when signed in. */
  signInUrl: string | null;
}

export function questionPrompt(input: {
  signedIn: boolean;
  pathSlug: string;
  lessonSlug: string;
  answerDelay: string | null;
}): QuestionPrompt {
  const askUrl = `/questions/nouvelle?${new URLSearchParams({ parcours: input.pathSlug, lecon: input.lessonSlug })}`;
  return {
    askUrl,
    answerDelay: input.answerDelay,
    signInUrl: input.signedIn ? null : `/connexion?${new URLSearchParams({ redirectTo: askUrl })}`,
  };
}

export function AskQuestion({ prompt }: { prompt: QuestionPrompt }) {
  return (
    <section className="ask-question" aria-labelledby="titre-poser-question">
      <h2 id="titre-poser-question">Une question sur cette leçon&#x202F;?</h2>
      <p>
        Un·e formateur·rice vous répond
        {prompt.answerDelay ? <> sous {prompt.answerDelay}</> : null}, sur la plateforme et par e-mail.
      </p>
      {prompt.signInUrl ? (
        <p>
          <Link to={prompt.signInUrl}>Connectez-vous</Link> pour poser une question.
        </p>
      ) : (
        <p>
          <Link to={prompt.askUrl} className="button button--secondary">
            Poser une question
          </Link>
        </p>
      )}
    </section>
  );
}
