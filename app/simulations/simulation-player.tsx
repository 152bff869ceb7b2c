/**
 * A case simulation: the scene, its choices as buttons, the indicators as labelled gauges with their
 * values, a journal of past decisions, then the debrief. The scenario's machine runs in the browser
 * for an immediate answer; a signed-in learner's choices are also posted to the server, which
 * replays them through the same machine before storing them. Without JavaScript every choice is a
 * plain form (POST for a learner, GET with the choices in the address for a visitor).
 */
import { useFetcher } from "@remix-run/react";
import { useMachine } from "@xstate/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Audience } from "~/courses/course-schema.ts";
import { drawOrderSeed, orderedChoices, orderFromSeed, type ChoiceOrder } from "./choice-order.ts";
import { encodeChoices, machineOf, replayChoices, type ChoiceRef } from "./replay.ts";
import type { SimulationView } from "./runs.server.ts";
import type { Scenario } from "./scenario-schema.ts";
import { reachedEnding } from "./scenario.machine.ts";
import { initialValues, levelLabel } from "./scenario-state.ts";
import type { ConceptLessons } from "./review-links.ts";
import { SimulationDebrief } from "./simulation-debrief.tsx";
import { effectsText } from "./simulation-format.ts";
import { SIMULATION_MESSAGES, type SimulationMessageCode } from "./simulation-messages.ts";
import { fr } from "~/utils/french-typography.ts";
import { pagePath, stepUrl } from "~/activities/step-url.ts";

interface PlayerProps {
  scenario: Scenario;
  view: SimulationView;
  audience: Audience | null;
  conceptLessons: ConceptLessons;
  actionUrl: string;
  returnTo: string;
  /** Show the debrief of the last finished run (after a plain-form final choice). */
  showLastDebrief: boolean;
  /** The level of the simulation's title: 1 on its own page, 3 inside a lesson's section (the
   * default). Steps and the debrief sit one level below, the debrief's parts two levels below. */
  headingLevel?: 1 | 2 | 3;
  /** A lead paragraph under the title (the simulation's own page). */
  summary?: string;
}

type RunData = { run?: { id: string; choices: ChoiceRef[]; order: ChoiceOrder }; ok?: true; error?: SimulationMessageCode };

/**
 * The game on screen: its key (a new key mounts a new game), the stored run's id, the choices made
 * (null before starting), the run's order of options, and a visitor's seed of that order.
 */
interface GameState {
  key: number;
  runId: string | null;
  choices: ChoiceRef[] | null;
  order: ChoiceOrder;
  seed: string | null;
}

export function SimulationPlayer(props: PlayerProps) {
  const { scenario, view } = props;
  const fetcher = useFetcher<RunData>();
  const [game, setGame] = useState<GameState>(() => {
    const shown = view.run ?? (props.showLastDebrief && view.lastFinished ? view.lastFinished : null);
    // A visitor's order comes from the seed in the page (the address's, or a new one drawn by the server).
    const order = shown?.order ?? (view.orderSeed ? orderFromSeed(scenario, view.orderSeed) : {});
    return { key: 0, runId: view.run?.id ?? null, choices: shown?.choices ?? null, order, seed: view.orderSeed };
  });
  const [error, setError] = useState<SimulationMessageCode | null>(view.message);

  // A new run from the server (start or replay) restarts the game from its stored choices.
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.run) {
      const run = fetcher.data.run;
      setGame((current) => ({ key: current.key + 1, runId: run.id, choices: run.choices, order: run.order, seed: null }));
      setError(null);
    } else if (fetcher.data.error) {
      setError(fetcher.data.error);
    }
  }, [fetcher.state, fetcher.data]);

  const start = (replay: boolean) => {
    if (view.signedIn) {
      fetcher.submit(
        { intent: replay ? "recommencer" : "commencer", mode: "js", retour: props.returnTo },
        { method: "post", action: props.actionUrl },
      );
    } else {
      // A visitor's replay gets a new order, as a learner's new run does on the server.
      setGame((current) => {
        const seed = replay || !current.seed ? drawOrderSeed() : current.seed;
        return { key: current.key + 1, runId: null, choices: [], order: orderFromSeed(scenario, seed), seed };
      });
    }
  };

  const domId = `simulation-${scenario.id}`;
  const level = props.headingLevel ?? 3;
  const Heading = `h${level}` as const;
  const role = (props.audience && scenario.role.profiles?.[props.audience]) || scenario.role.text;

  return (
    <section className="simulation" id={domId} aria-labelledby={`${domId}-titre`}>
      <p className="simulation__kicker">Simulation · {scenario.minutes} min</p>
      <Heading id={`${domId}-titre`}>{scenario.title}</Heading>
      {props.summary ? <p className="lede">{props.summary}</p> : null}
      {!view.signedIn ? (
        <p className="notice">Vous n'êtes pas connecté·e&nbsp;: vous pouvez jouer, mais votre partie ne sera pas enregistrée.</p>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {SIMULATION_MESSAGES[error]}{" "}
          {error === "reseau" || error === "choix-impossible" || error === "deja-joue" ? (
            <a href={props.returnTo}>Recharger la page</a>
          ) : null}
        </p>
      ) : null}
      {game.choices === null ? (
        <div className="simulation__intro">
          <p>
            <strong>Votre rôle.</strong> {role}
          </p>
          <p>
            <strong>La situation.</strong> {scenario.situation}
          </p>
          {view.lastFinished ? (
            <p className="muted">
              Vous avez terminé cette simulation {view.finishedCount > 1 ? `${view.finishedCount} fois` : "une fois"}&#x202F;; dernière
              fin&nbsp;: {fr`« ${scenario.endings.find((ending) => ending.id === view.lastFinished!.endingId)?.title ?? ""} ».`}{" "}
              <a href={stepUrl(props.returnTo, { kind: "simulation", id: scenario.id }, "debriefing")}>Revoir le débriefing</a>
            </p>
          ) : null}
          <StartForm {...props} replay={false} onStart={() => start(false)} busy={fetcher.state !== "idle"} />
        </div>
      ) : (
        <SimulationGame
          key={game.key}
          {...props}
          runId={game.runId}
          initialChoices={game.choices}
          order={game.order}
          seed={game.seed}
          focusOnStart={game.key > 0}
          onError={setError}
          onReplay={() => start(true)}
          busy={fetcher.state !== "idle"}
        />
      )}
    </section>
  );
}

function StartForm({
  scenario,
  view,
  actionUrl,
  returnTo,
  replay,
  onStart,
  busy,
}: PlayerProps & { replay: boolean; onStart: () => void; busy: boolean }) {
  const label = replay ? "Rejouer la simulation" : view.lastFinished ? "Rejouer la simulation" : "Commencer la simulation";
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    onStart();
  };
  if (!view.signedIn) {
    // A visitor's run lives in the address: an empty « choix » means started.
    return (
      <form method="get" action={pagePath(returnTo)} onSubmit={submit}>
        <input type="hidden" name="simulation" value={scenario.id} />
        <input type="hidden" name="choix" value="" />
        {/* The seed of the order of options; a replay leaves it out, so that the server draws a new one. */}
        {view.orderSeed && !replay ? <input type="hidden" name="ordre" value={view.orderSeed} /> : null}
        <button type="submit" className="button">
          {label}
        </button>
      </form>
    );
  }
  return (
    <form method="post" action={actionUrl} onSubmit={submit}>
      <input type="hidden" name="intent" value={replay ? "recommencer" : "commencer"} />
      <input type="hidden" name="retour" value={returnTo} />
      <button type="submit" className={replay ? "button button--secondary" : "button"} disabled={busy}>
        {label}
      </button>
    </form>
  );
}

function SimulationGame(
  props: PlayerProps & {
    runId: string | null;
    initialChoices: ChoiceRef[];
    order: ChoiceOrder;
    seed: string | null;
    /** Started by a click in this page (not loaded with the page): focus goes to the first scene. */
    focusOnStart: boolean;
    onError: (code: SimulationMessageCode) => void;
    onReplay: () => void;
    busy: boolean;
  },
) {
  const { scenario, view, runId, initialChoices, order, seed, actionUrl, returnTo } = props;
  const saver = useFetcher<{ ok?: true; error?: SimulationMessageCode }>();
  const machine = machineOf(scenario);
  const initial = useMemo(() => {
    const replayed = replayChoices(scenario, initialChoices);
    return replayed.snapshot;
  }, [scenario, initialChoices]);
  const [snapshot, send] = useMachine(machine, { snapshot: initial });
  const focusRef = useRef<HTMLElement | null>(null);
  const firstRender = useRef(true);
  const steps = snapshot.context.steps;

  // Keyboard and screen-reader focus follows the game, as in the quiz player: to the first scene
  // when a run starts in the page, then after each choice to the new content's heading (the
  // feedback on the choice, or the ending). Not on page load: a reload must not move focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!props.focusOnStart) return;
    }
    focusRef.current?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [steps.length]);

  useEffect(() => {
    if (saver.state === "idle" && saver.data?.error) props.onError(saver.data.error);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saver.state, saver.data]);

  const endingId = reachedEnding(scenario, snapshot);
  const scene = scenario.scenes.find((candidate) => candidate.id === snapshot.value);
  const last = steps.at(-1);
  const lastScene = last ? scenario.scenes.find((candidate) => candidate.id === last.sceneId) : undefined;
  const lastChoice = lastScene?.choices.find((choice) => choice.id === last!.choiceId);
  const values = snapshot.context;
  const previousValues = steps.length > 1 ? steps.at(-2)!.after : initialValues(scenario);
  // One level below the simulation's title, whatever the page puts it at (headings stay in order).
  const StepHeading = `h${(props.headingLevel ?? 3) + 1}` as "h2" | "h3" | "h4";
  const choices: ChoiceRef[] = steps.map(({ sceneId, choiceId }) => ({ sceneId, choiceId }));
  const base = pagePath(returnTo);

  const choose = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const choiceId = submitter?.value;
    if (!scene || !choiceId) return;
    send({ type: "CHOOSE", sceneId: scene.id, choiceId });
    if (view.signedIn && runId) {
      saver.submit(
        { intent: "choisir", mode: "js", retour: returnTo, runId, sceneId: scene.id, choix: choiceId },
        { method: "post", action: actionUrl },
      );
    }
  };

  return (
    <div className="simulation__game">
      {last && lastChoice && !endingId ? (
        <div className="simulation__feedback">
          <StepHeading tabIndex={-1} ref={(element) => (focusRef.current = element)}>
            Votre choix&nbsp;: {lastChoice.text}
          </StepHeading>
          <p className="muted">{effectsText(scenario, lastChoice) || "Sans effet chiffré sur les indicateurs."}</p>
          <p>{lastChoice.feedback}</p>
        </div>
      ) : null}

      {endingId ? (
        <>
          <SimulationDebrief
            scenario={scenario}
            choices={choices}
            order={order}
            endingId={endingId}
            conceptLessons={props.conceptLessons}
            headingLevel={((props.headingLevel ?? 3) + 1) as 2 | 3 | 4}
            headingRef={(element) => {
              focusRef.current = element;
            }}
          />
          <StartForm {...props} replay onStart={props.onReplay} busy={props.busy} />
        </>
      ) : scene ? (
        <>
          <Gauges scenario={scenario} values={values} previous={steps.length > 0 ? previousValues : null} />
          {steps.length > 0 ? (
            <details className="simulation__journal">
              <summary>Journal de vos décisions ({steps.length})</summary>
              <ol>
                {steps.map((step, index) => {
                  const stepScene = scenario.scenes.find((candidate) => candidate.id === step.sceneId);
                  const stepChoice = stepScene?.choices.find((choice) => choice.id === step.choiceId);
                  return (
                    <li key={`${step.sceneId}-${index}`}>
                      <strong>{stepScene?.title}</strong>&nbsp;: {stepChoice?.text}
                    </li>
                  );
                })}
              </ol>
            </details>
          ) : null}
          <div className="simulation__scene">
            <p className="simulation__step">
              {scene.kind === "evenement"
                ? "Événement"
                : `Décision ${steps.filter((s) => scenario.scenes.find((c) => c.id === s.sceneId)?.kind !== "evenement").length + 1}`}
            </p>
            <StepHeading tabIndex={-1} ref={steps.length === 0 ? (element) => (focusRef.current = element) : undefined}>
              {scene.title}
            </StepHeading>
            <p>{scene.text}</p>
            {view.signedIn ? (
              <form method="post" action={actionUrl} onSubmit={choose} className="simulation__choices">
                <input type="hidden" name="intent" value="choisir" />
                <input type="hidden" name="retour" value={returnTo} />
                {runId ? <input type="hidden" name="runId" value={runId} /> : null}
                <input type="hidden" name="sceneId" value={scene.id} />
                {orderedChoices(scene, order).map((choice) => (
                  <button key={choice.id} type="submit" name="choix" value={choice.id} className="choice-button">
                    {choice.text}
                  </button>
                ))}
              </form>
            ) : (
              <form method="get" action={base} onSubmit={choose} className="simulation__choices">
                <input type="hidden" name="simulation" value={scenario.id} />
                <input type="hidden" name="choix" value={encodeChoices(choices)} />
                <input type="hidden" name="scene" value={scene.id} />
                {seed ? <input type="hidden" name="ordre" value={seed} /> : null}
                {orderedChoices(scene, order).map((choice) => (
                  <button key={choice.id} type="submit" name="ajout" value={choice.id} className="choice-button">
                    {choice.text}
                  </button>
                ))}
              </form>
            )}
          </div>
        </>
      ) : null}
    </div>
  );
}

function Gauges({
  scenario,
  values,
  previous,
}: {
  scenario: Scenario;
  values: { vars: Record<string, number> };
  /** Values before the last choice, to show what it changed; null before any choice. */
  previous: { vars: Record<string, number> } | null;
}) {
  return (
    <div className="gauges" aria-label="Indicateurs" role="group">
      {scenario.variables.map((variable) => {
        const value = values.vars[variable.id] ?? variable.initial;
        const before = previous?.vars[variable.id];
        const delta = before === undefined ? 0 : value - before;
        const level = levelLabel(scenario, variable.id, value);
        const id = `jauge-${scenario.id}-${variable.id}`;
        return (
          <div className="gauge" key={variable.id} title={variable.description}>
            <span className="gauge__label" id={id}>
              {variable.label}
            </span>
            <meter min={variable.min} max={variable.max} value={value} aria-labelledby={id} />
            <span className="gauge__value">
              {value} sur {variable.max}
              {level ? ` (${level})` : ""}
              {delta !== 0 ? <span className="gauge__delta"> {delta > 0 ? `+${delta}` : `−${Math.abs(delta)}`}</span> : null}
            </span>
          </div>
        );
      })}
    </div>
  );
}
