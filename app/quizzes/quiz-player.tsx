/**
 * A quiz inside a lesson. With JavaScript, the quiz machine drives it and each answer is posted in
 * the background; without JavaScript, every step is a plain form posted to /quiz/<id>, which
 * redirects back to the lesson at the right step. Either way the server grades: the browser never
 * holds the answer to a question it has not answered.
 */
import { useRevalidator } from "@remix-run/react";
import { useMachine } from "@xstate/react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { fromPromise } from "xstate";
import { isQuizMessageCode, QUIZ_MESSAGES, type QuizMessageCode } from "./quiz-messages.ts";
import { quizMachine, QuizRefusal, type AnswerReply, type AnswerRequest, type StartedAttempt } from "./quiz.machine.ts";
import { isReceipt, type AnswerOutcome, type Correction, type PublicQuestion, type QuizView } from "./quiz-types.ts";
import { replayAttempt } from "./replay.ts";
import { parseResponse, responseFields } from "./responses.ts";
import { fr } from "~/utils/french-typography.ts";
import { stepUrl } from "~/activities/step-url.ts";

/**
 * One request of the player to the quiz's action route, in its JSON mode (`mode=js`, see
 * ~/activities/protocol.server.ts). A refusal becomes a QuizRefusal with its message code; a
 * network failure or an answer that is not JSON, « reseau ».
 */
async function postQuiz<Reply>(actionUrl: string, fields: Array<[string, string]>): Promise<Reply> {
  let response: Response;
  try {
    response = await fetch(actionUrl, {
      method: "POST",
      body: new URLSearchParams([["mode", "js"], ...fields]),
      headers: { Accept: "application/json" },
    });
  } catch {
    throw new QuizRefusal("reseau");
  }
  const data = (await response.json().catch(() => null)) as (Reply & { error?: unknown }) | null;
  if (!response.ok || !data) throw new QuizRefusal(isQuizMessageCode(data?.error) ? data.error : "reseau");
  return data;
}

function initialSnapshot(view: QuizView) {
  const input = { passMark: view.quiz.passMark, attemptsAllowed: view.quiz.attemptsAllowed, attemptsStarted: view.attemptsStarted };
  if (!view.current) return { input, snapshot: undefined };
  const actor = replayAttempt({
    ...input,
    attemptsStarted: view.current.number - 1,
    attemptId: view.current.attemptId,
    attemptNumber: view.current.number,
    questions: view.current.questions,
    corrections: view.current.corrections,
    result: view.current.result,
    pauseAfter: view.showCorrectionOf,
  });
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return { input, snapshot };
}

function attemptsText(view: QuizView, started: number): string {
  const allowed = view.quiz.attemptsAllowed;
  if (allowed === null) return "tentatives illimitées";
  const left = Math.max(0, allowed - started);
  return `${left} tentative${left > 1 ? "s" : ""} restante${left > 1 ? "s" : ""} sur ${allowed}`;
}

/** The same, as a sentence of its own. */
function attemptsSentence(view: QuizView, started: number): string {
  const text = attemptsText(view, started);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A practice activity without a pass mark has no « seuil » and no « réussi / non réussi ». */
function hasPassMark(view: QuizView): boolean {
  return view.quiz.passMark > 0;
}

export function QuizPlayer({ view, actionUrl, returnTo }: { view: QuizView; actionUrl: string; returnTo: string }) {
  // A stable function of the router: after an answer that ends an attempt, the page's loaders run
  // again so that a certificate it completed is announced (the lesson's own data stays as it is).
  const { revalidate } = useRevalidator();
  const machine = useMemo(
    () =>
      quizMachine.provide({
        actors: {
          startAttempt: fromPromise<StartedAttempt, void>(async () => {
            const { attempt } = await postQuiz<{ attempt?: { attemptId: string | null; number: number; questions: PublicQuestion[] } }>(
              actionUrl,
              [
                ["intent", "commencer"],
                ["retour", returnTo],
              ],
            );
            if (!attempt) throw new QuizRefusal("reseau");
            return { attemptId: attempt.attemptId, attemptNumber: attempt.number, questions: attempt.questions };
          }),
          submitAnswer: fromPromise<AnswerReply, AnswerRequest>(async ({ input }) => {
            const reply = await postQuiz<Partial<AnswerReply>>(actionUrl, [
              ["intent", "repondre"],
              ["retour", returnTo],
              ["questionId", input.questionId],
              ...(input.attemptId ? [["attemptId", input.attemptId] as [string, string]] : []),
              ...responseFields(input.response),
            ]);
            if (!reply.correction) throw new QuizRefusal("reseau");
            if (reply.result) void revalidate();
            return { correction: reply.correction, result: reply.result ?? null, review: reply.review ?? null };
          }),
        },
      }),
    // The machine is built once per quiz; `revalidate` is the router's own, stable function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [actionUrl, returnTo],
  );
  const initial = useMemo(() => initialSnapshot(view), [view]);
  const [snapshot, send] = useMachine(
    machine,
    initial.snapshot ? { snapshot: initial.snapshot, input: initial.input } : { input: initial.input },
  );

  // Move keyboard and screen-reader focus to what just changed.
  const focusTarget = useRef<HTMLElement | null>(null);
  const stateKey = JSON.stringify(snapshot.value) + snapshot.context.index;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    focusTarget.current?.focus();
  }, [stateKey]);

  const { context } = snapshot;
  const domId = `quiz-${view.quiz.id}`;
  const errorCode = context.error ?? view.message;
  const started = context.attemptsStarted;
  const isFinal = view.quiz.kind === "evaluation-finale";

  return (
    <section className="quiz" id={domId} aria-labelledby={`${domId}-titre`}>
      <p className="quiz__kicker">{view.quiz.kind === "evaluation-finale" ? "Évaluation finale" : "Quiz"}</p>
      <h3 id={`${domId}-titre`}>{view.quiz.title}</h3>
      {!view.signedIn && isFinal ? (
        <p className="notice">
          L'évaluation finale compte pour le certificat&nbsp;: elle se passe avec un compte.{" "}
          <a href={`/connexion?${new URLSearchParams({ redirectTo: returnTo })}`}>Se connecter</a> ou{" "}
          <a href={`/inscription?${new URLSearchParams({ redirectTo: returnTo })}`}>créer un compte</a>.
        </p>
      ) : !view.signedIn ? (
        <p className="notice">
          Vous n'êtes pas connecté·e&nbsp;: vous pouvez vous entraîner, mais vos réponses et votre score ne seront pas enregistrés.
        </p>
      ) : isFinal ? (
        <p className="notice">Les corrections s'affichent une fois toutes les questions répondues.</p>
      ) : null}

      {snapshot.matches("intro") || snapshot.matches("starting") ? (
        <div className="quiz__intro">
          <p>
            {view.quiz.questionCount} question{view.quiz.questionCount > 1 ? "s" : ""} ·{" "}
            {hasPassMark(view) ? fr`seuil de réussite ${view.quiz.passMark} %` : "entraînement sans seuil de réussite"} ·{" "}
            {attemptsText(view, started)}
          </p>
          {view.best ? (
            <p>
              Votre meilleur résultat&nbsp;: <strong>{fr`${view.best.score} %`}</strong> ({view.best.passed ? "réussi" : "non réussi"}).
            </p>
          ) : null}
          {errorCode ? <Message code={errorCode} /> : null}
          {!view.signedIn && isFinal ? null : snapshot.can({ type: "START" }) ? (
            <form
              method="post"
              action={actionUrl}
              onSubmit={(event) => {
                event.preventDefault();
                send({ type: "START" });
              }}
            >
              <input type="hidden" name="intent" value="commencer" />
              <input type="hidden" name="retour" value={returnTo} />
              <button type="submit" className="button" disabled={snapshot.matches("starting")}>
                {snapshot.matches("starting") ? "Préparation…" : started > 0 ? "Recommencer le quiz" : "Commencer le quiz"}
              </button>
            </form>
          ) : (
            <p className="notice notice--warning">Vous avez utilisé toutes les tentatives permises pour ce quiz.</p>
          )}
        </div>
      ) : null}

      {snapshot.matches("question") || snapshot.matches("checking") || snapshot.matches("answered") ? (
        <QuestionStep
          key={context.questions[context.index]?.id}
          question={context.questions[context.index]!}
          position={context.index + 1}
          count={context.questions.length}
          attemptId={context.attemptId}
          actionUrl={actionUrl}
          returnTo={returnTo}
          checking={snapshot.matches("checking")}
          correction={snapshot.matches("answered") ? context.corrections.at(-1)! : null}
          errorCode={snapshot.matches("question") ? errorCode : null}
          isLast={context.index + 1 >= context.questions.length}
          quizId={view.quiz.id}
          focusRef={focusTarget}
          onAnswer={(form) => {
            const question = context.questions[context.index]!;
            const parsed = parseResponse(question, form);
            if (!parsed.ok) return parsed.code; // shown beside the question; nothing is sent
            send({ type: "ANSWER", questionId: question.id, response: parsed.response });
            return null;
          }}
          onNext={() => send({ type: "NEXT" })}
        />
      ) : null}

      {snapshot.matches("result") ? (
        <div className="quiz__result">
          <h4 tabIndex={-1} ref={(element) => (focusTarget.current = element)} className="quiz__result-title">
            {fr`${hasPassMark(view) ? (context.result?.passed ? "✓ Quiz réussi" : "Quiz non réussi") : "Résultat"} : ${context.result?.score ?? 0} %`}
          </h4>
          <p role="status">
            {fr`Votre score est de ${context.result?.score ?? 0} %${hasPassMark(view) ? ` (seuil de réussite : ${view.quiz.passMark} %)` : ""}.`}{" "}
            {view.signedIn ? "Il est enregistré." : "Il n'est pas enregistré, faute de compte."}
          </p>
          {isFinal ? (
            <AttemptReview questions={context.questions} outcomes={context.corrections} />
          ) : (
            <ol className="quiz__summary">
              {context.corrections.map((correction, index) => (
                <li key={correction.questionId}>
                  Question {index + 1}&nbsp;: {verdictOf(correction)}
                </li>
              ))}
            </ol>
          )}
          <p>{attemptsSentence(view, started)}</p>
          {snapshot.can({ type: "RETRY" }) ? (
            <form
              method="post"
              action={actionUrl}
              onSubmit={(event) => {
                event.preventDefault();
                send({ type: "RETRY" });
                send({ type: "START" });
              }}
            >
              <input type="hidden" name="intent" value="commencer" />
              <input type="hidden" name="retour" value={returnTo} />
              <button type="submit" className="button button--secondary">
                Recommencer le quiz
              </button>
            </form>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}

function verdictOf(outcome: AnswerOutcome): string {
  if (isReceipt(outcome)) return "réponse enregistrée";
  if (outcome.correct) return "juste";
  return outcome.score > 0 ? fr`en partie juste (${Math.round(outcome.score * 100)} %)` : "inexacte";
}

/** A submitted final attempt: each of its questions with the learner's verdict and the correction. */
function AttemptReview({ questions, outcomes }: { questions: PublicQuestion[]; outcomes: AnswerOutcome[] }) {
  const byId = new Map(outcomes.map((outcome) => [outcome.questionId, outcome]));
  return (
    <ol className="quiz__review">
      {questions.map((question) => {
        const outcome = byId.get(question.id);
        return (
          <li key={question.id}>
            <p className="quiz__review-stem">{question.stem}</p>
            <p>
              <strong>{outcome ? verdictOf(outcome) : "sans réponse"}</strong>
            </p>
            {outcome && !isReceipt(outcome) ? <CorrectionDetails correction={outcome} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

function CorrectionDetails({ correction }: { correction: Correction }) {
  return (
    <>
      {correction.optionFeedback.some((option) => option.feedback) ? (
        <ul>
          {correction.optionFeedback
            .filter((option) => option.feedback)
            .map((option) => (
              <li key={option.optionId}>{fr`« ${option.text} » : ${option.feedback ?? ""}`}</li>
            ))}
        </ul>
      ) : null}
      {!correction.correct ? (
        <div>
          <p className="quiz__solution-title">La bonne réponse&nbsp;:</p>
          <ul>
            {correction.solution.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{correction.feedback}</p>
    </>
  );
}

function Message({ code }: { code: QuizMessageCode }) {
  return (
    <p className="form-error" role="alert">
      {QUIZ_MESSAGES[code]}
    </p>
  );
}

function QuestionStep({
  question,
  position,
  count,
  attemptId,
  actionUrl,
  returnTo,
  checking,
  correction,
  errorCode,
  isLast,
  quizId,
  focusRef,
  onAnswer,
  onNext,
}: {
  question: PublicQuestion;
  position: number;
  count: number;
  attemptId: string | null;
  actionUrl: string;
  returnTo: string;
  checking: boolean;
  correction: AnswerOutcome | null;
  errorCode: QuizMessageCode | null;
  isLast: boolean;
  quizId: string;
  focusRef: React.MutableRefObject<HTMLElement | null>;
  onAnswer: (form: FormData) => QuizMessageCode | null;
  onNext: () => void;
}) {
  const [localError, setLocalError] = useState<QuizMessageCode | null>(null);
  const shownError = localError ?? errorCode;
  const answered = correction !== null;
  const chosen = new Set(correction ? responseFields(correction.response).map(([name, value]) => `${name}=${value}`) : []);
  const legendId = `q-${question.id}-enonce`;
  const errorId = `q-${question.id}-erreur`;
  const nextHref = stepUrl(returnTo, { kind: "quiz", id: quizId }, isLast ? "resultat" : null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLocalError(onAnswer(new FormData(event.currentTarget)));
  }

  return (
    <div className="quiz__question">
      <p className="quiz__position" tabIndex={-1} ref={answered ? undefined : (element) => (focusRef.current = element)}>
        Question {position} sur {count}
      </p>
      <form method="post" action={actionUrl} onSubmit={submit}>
        <input type="hidden" name="intent" value="repondre" />
        <input type="hidden" name="retour" value={returnTo} />
        <input type="hidden" name="questionId" value={question.id} />
        {attemptId ? <input type="hidden" name="attemptId" value={attemptId} /> : null}
        <fieldset disabled={answered || checking} aria-describedby={shownError ? errorId : undefined}>
          <legend id={legendId}>
            {question.stem}
            {question.type === "choix-multiple" ? (
              <span className="quiz__hint">
                {" "}
                ({question.correctCount} bonne{question.correctCount > 1 ? "s" : ""} réponse{question.correctCount > 1 ? "s" : ""})
              </span>
            ) : null}
          </legend>
          <QuestionFields question={question} chosen={chosen} correction={correction} />
        </fieldset>
        {shownError ? (
          <p className="form-error" id={errorId} role="alert">
            {QUIZ_MESSAGES[shownError]}
          </p>
        ) : null}
        {!answered ? (
          <button type="submit" className="button" disabled={checking}>
            {checking ? "Vérification…" : "Valider ma réponse"}
          </button>
        ) : null}
      </form>
      {correction && isReceipt(correction) ? (
        <div className="quiz__correction quiz__correction--enregistree">
          <h4 tabIndex={-1} ref={(element) => (focusRef.current = element)}>
            Réponse enregistrée
          </h4>
          <p>Vous découvrirez les corrections à la fin de l'évaluation.</p>
          <a
            href={nextHref}
            className="button"
            onClick={(event) => {
              event.preventDefault();
              onNext();
            }}
          >
            {isLast ? "Voir mon résultat" : "Question suivante"}
          </a>
        </div>
      ) : correction ? (
        <div
          className={`quiz__correction quiz__correction--${correction.correct ? "juste" : correction.score > 0 ? "partielle" : "inexacte"}`}
        >
          <h4 tabIndex={-1} ref={(element) => (focusRef.current = element)}>
            <span aria-hidden="true">{correction.correct ? "✓ " : correction.score > 0 ? "◐ " : "✗ "}</span>
            {correction.correct
              ? "Bonne réponse"
              : correction.score > 0
                ? fr`Réponse en partie juste (${Math.round(correction.score * 100)} %)`
                : "Réponse inexacte"}
          </h4>
          <CorrectionDetails correction={correction} />
          <a
            href={nextHref}
            className="button"
            onClick={(event) => {
              event.preventDefault();
              onNext();
            }}
          >
            {isLast ? "Voir mon résultat" : "Question suivante"}
          </a>
        </div>
      ) : null}
    </div>
  );
}

/**
 * After an answer, the chosen option says so in words (not only by a greyed, checked box): « votre
 * réponse », and whether it was right once the correction is known.
 */
function chosenTag(correction: AnswerOutcome | null, optionId: string | null): string | null {
  if (!correction) return null;
  if (isReceipt(correction)) return "votre réponse";
  const feedback = optionId ? correction.optionFeedback.find((option) => option.optionId === optionId) : undefined;
  const right = feedback ? feedback.correct : correction.correct;
  return right ? "votre réponse, juste" : "votre réponse, inexacte";
}

function ChoiceLabel({ htmlFor, text, tag }: { htmlFor: string; text: string; tag: string | null }) {
  return (
    <label htmlFor={htmlFor}>
      {text}
      {tag ? <span className="choice__tag"> ({tag})</span> : null}
    </label>
  );
}

function QuestionFields({
  question,
  chosen,
  correction,
}: {
  question: PublicQuestion;
  chosen: Set<string>;
  correction: AnswerOutcome | null;
}) {
  const id = (suffix: string) => `q-${question.id}-${suffix}`;
  switch (question.type) {
    case "choix-unique":
    case "choix-multiple": {
      const type = question.type === "choix-unique" ? "radio" : "checkbox";
      return (
        <div className="quiz__choices">
          {question.options.map((option) => (
            <div className="choice" key={option.id}>
              <input type={type} id={id(option.id)} name="reponse" value={option.id} defaultChecked={chosen.has(`reponse=${option.id}`)} />
              <ChoiceLabel
                htmlFor={id(option.id)}
                text={option.text}
                tag={chosen.has(`reponse=${option.id}`) ? chosenTag(correction, option.id) : null}
              />
            </div>
          ))}
        </div>
      );
    }
    case "vrai-faux":
      return (
        <div className="quiz__choices quiz__choices--inline">
          {(["vrai", "faux"] as const).map((value) => (
            <div className="choice" key={value}>
              <input type="radio" id={id(value)} name="reponse" value={value} defaultChecked={chosen.has(`reponse=${value}`)} />
              <ChoiceLabel
                htmlFor={id(value)}
                text={value === "vrai" ? "Vrai" : "Faux"}
                tag={chosen.has(`reponse=${value}`) ? chosenTag(correction, null) : null}
              />
            </div>
          ))}
        </div>
      );
    case "association":
      return (
        <div className="quiz__pairs">
          {question.lefts.map((left) => {
            const selected = question.rights.find((right) => chosen.has(`paire-${left.id}=${right.id}`))?.id ?? "";
            return (
              <div className="field" key={left.id}>
                <label htmlFor={id(left.id)}>{left.text}</label>
                <select id={id(left.id)} name={`paire-${left.id}`} defaultValue={selected}>
                  <option value="">Choisir…</option>
                  {question.rights.map((right) => (
                    <option key={right.id} value={right.id}>
                      {right.text}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
    case "remise-en-ordre": {
      const count = question.items.length;
      return (
        <div className="quiz__order">
          <p className="field__hint">Donnez à chaque élément sa position (1 = en premier).</p>
          {question.items.map((item) => {
            const rank =
              Array.from({ length: count }, (_, i) => String(i + 1)).find((value) => chosen.has(`rang-${item.id}=${value}`)) ?? "";
            return (
              <div className="field field--inline" key={item.id}>
                <label htmlFor={id(item.id)}>{item.text}</label>
                <select id={id(item.id)} name={`rang-${item.id}`} defaultValue={rank}>
                  <option value="">Position…</option>
                  {Array.from({ length: count }, (_, i) => (
                    <option key={i} value={i + 1}>
                      Position {i + 1}
                    </option>
                  ))}
                </select>
              </div>
            );
          })}
        </div>
      );
    }
  }
}
