/**
 * Auto-diagnostic de la leçon L9.1 : six questions à quatre niveaux, un radar et trois leçons
 * conseillées. Tout se calcule dans le navigateur : aucun appel réseau, rien n'est enregistré.
 * Les textes portent leurs espaces insécables (\u00A0 avant « : », \u202F avant « ? » et « ; ») :
 * un composant de leçon ne passe pas par la typographie automatique des textes MDX.
 * Sans JavaScript, les boutons restent visibles ; le tableau de la leçon donne la même information.
 */
import { useState } from "react";

interface Question {
  id: string;
  /** Nom court, affiché sur le radar. */
  axis: string;
  /** Nom du point, repris dans la liste des valeurs et dans les conseils. */
  name: string;
  text: string;
  lesson: { title: string; url: string };
}

const QUESTIONS: Question[] = [
  {
    id: "diagnostic",
    axis: "Diagnostic",
    name: "Diagnostic partagé",
    text: "Avez-vous établi, avec les autres acteurs concernés, un diagnostic partagé des besoins de votre territoire ou de votre public\u202F?",
    lesson: {
      title: "Premier kilomètre des besoins, dernier kilomètre des solutions",
      url: "/parcours/comprendre-et-se-situer/premier-et-dernier-kilometre",
    },
  },
  {
    id: "partenaires",
    axis: "Partenaires",
    name: "Partenaires dans les quatre dimensions",
    text: "Avez-vous repéré des partenaires possibles dans chacune des quatre dimensions de votre écosystème\u00A0: publique, économique, associative et académique\u202F?",
    lesson: { title: "Domaines, acteurs, territoires", url: "/parcours/comprendre-et-se-situer/domaines-acteurs-territoires" },
  },
  {
    id: "porte",
    axis: "Porte d'entrée",
    name: "Porte d'entrée",
    text: "Vos relations partenariales passent-elles par une porte d'entrée identifiée (mécénat, pratiques responsables…), dont vous savez ce qu'elle apporte à chacun et vers quoi elle peut évoluer\u202F?",
    lesson: { title: "Portes d'entrée, phases et tensions", url: "/parcours/comprendre-et-se-situer/portes-d-entree-phases-et-tensions" },
  },
  {
    id: "gouvernance",
    axis: "Gouvernance",
    name: "Gouvernance partagée",
    text: "Dans vos alliances, les décisions se prennent-elles au sein d'une gouvernance partagée entre les partenaires, qui reste souple\u202F?",
    lesson: { title: "Les 3 besoins fondamentaux de l'alliance", url: "/parcours/comprendre-et-se-situer/les-trois-besoins-fondamentaux" },
  },
  {
    id: "indicateurs",
    axis: "Indicateurs",
    name: "Indicateurs communs",
    text: "Suivez-vous avec vos partenaires des indicateurs de réussite définis ensemble, qui montrent ce que l'alliance apporte à chacun et aux bénéficiaires\u202F?",
    lesson: { title: "L'évaluation partenariale", url: "/parcours/comprendre-et-se-situer/l-evaluation-partenariale" },
  },
  {
    id: "catalyseur",
    axis: "Catalyseur",
    name: "Lien avec un catalyseur",
    text: "Êtes-vous en lien avec un catalyseur territorial ou un tiers de confiance, qui relie les acteurs de votre territoire\u202F?",
    lesson: { title: "Catalyseurs territoriaux et tiers de confiance", url: "/parcours/comprendre-et-se-situer/catalyseurs-et-tiers-de-confiance" },
  },
];

const LEVELS = [
  { value: 1, label: "Pas encore" },
  { value: 2, label: "En projet" },
  { value: 3, label: "En cours" },
  { value: 4, label: "Pratique installée" },
];
const MAX = LEVELS.length;

type Answers = Record<string, number | undefined>;

function levelLabel(value: number | undefined): string {
  return LEVELS.find((level) => level.value === value)?.label ?? "sans réponse";
}

function valueText(value: number | undefined): string {
  return value === undefined ? "sans réponse" : `${levelLabel(value).toLowerCase()}, ${value} sur ${MAX}`;
}

/** Sommet de l'axe `index` (0 à 5) pour une part `ratio` du rayon : le premier axe pointe vers le haut. */
function point(index: number, ratio: number, radius: number): [number, number] {
  const angle = -Math.PI / 2 + (index * 2 * Math.PI) / QUESTIONS.length;
  return [Math.cos(angle) * radius * ratio, Math.sin(angle) * radius * ratio];
}

const RADIUS = 100;
const asPoints = (coords: Array<[number, number]>) => coords.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");

function Radar({ answers }: { answers: Answers }) {
  const description =
    "Radar de votre carte de positionnement. " +
    QUESTIONS.map((question) => `${question.name}\u00A0: ${valueText(answers[question.id])}`).join("\u202F; ") +
    ".";
  const answered = QUESTIONS.some((question) => answers[question.id] !== undefined);
  return (
    <svg viewBox="-215 -140 430 280" width="430" height="280" role="img" aria-label={description}>
      {/* Anneaux : un par niveau de l'échelle. */}
      {LEVELS.map((level) => (
        <polygon
          key={level.value}
          points={asPoints(QUESTIONS.map((_, index) => point(index, level.value / MAX, RADIUS)))}
          fill="none"
          stroke="#c5ced8"
          strokeWidth="1"
        />
      ))}
      {QUESTIONS.map((question, index) => {
        const [x, y] = point(index, 1, RADIUS);
        const [lx, ly] = point(index, 1, RADIUS + 16);
        const vertical = Math.abs(lx) < 1;
        const anchor = vertical ? "middle" : lx > 0 ? "start" : "end";
        // Décalage vertical du libellé : au-dessus de l'axe du haut, sous celui du bas, centré ailleurs.
        const dy = vertical ? (ly < 0 ? -4 : 14) : 4;
        return (
          <g key={question.id}>
            <line x1="0" y1="0" x2={x.toFixed(1)} y2={y.toFixed(1)} stroke="#c5ced8" strokeWidth="1" />
            <text x={lx.toFixed(1)} y={(ly + dy).toFixed(1)} textAnchor={anchor} fontSize="13" fill="#1b1f24">
              {question.axis}
            </text>
          </g>
        );
      })}
      {answered ? (
        <>
          <polygon
            points={asPoints(QUESTIONS.map((question, index) => point(index, (answers[question.id] ?? 0) / MAX, RADIUS)))}
            fill="#19486a"
            fillOpacity="0.25"
            stroke="#19486a"
            strokeWidth="2.5"
          />
          {QUESTIONS.map((question, index) => {
            const value = answers[question.id];
            if (value === undefined) return null;
            const [x, y] = point(index, value / MAX, RADIUS);
            return <circle key={question.id} cx={x.toFixed(1)} cy={y.toFixed(1)} r="4" fill="#19486a" />;
          })}
        </>
      ) : null}
    </svg>
  );
}

export default function CarteDePositionnement() {
  const [answers, setAnswers] = useState<Answers>({});
  const choose = (questionId: string, value: number) => setAnswers((previous) => ({ ...previous, [questionId]: value }));

  const missing = QUESTIONS.filter((question) => answers[question.id] === undefined).length;
  // Les trois points les plus faibles ; à égalité, l'ordre des questions.
  const weakest = QUESTIONS.map((question, index) => ({ question, index, value: answers[question.id] ?? 0 }))
    .sort((a, b) => a.value - b.value || a.index - b.index)
    .slice(0, 3);
  const allAtTop = missing === 0 && weakest[0]!.value === MAX;

  return (
    <div>
      <div className="form">
        {QUESTIONS.map((question, index) => (
          <div className="field" key={question.id}>
            <fieldset>
              <legend>
                {index + 1}. {question.name}
              </legend>
              <p className="field__hint">{question.text}</p>
              {LEVELS.map((level) => (
                <label className="choice" key={level.value}>
                  <input
                    type="radio"
                    name={`carte-${question.id}`}
                    value={level.value}
                    checked={answers[question.id] === level.value}
                    onChange={() => choose(question.id, level.value)}
                  />
                  <span>{level.label}</span>
                </label>
              ))}
            </fieldset>
          </div>
        ))}
      </div>

      <h3>Votre radar</h3>
      <noscript>
        <p className="muted">
          Le radar se calcule dans votre navigateur, avec JavaScript. Sans lui, le tableau placé sous les questions vous
          indique la leçon à revoir pour chaque point.
        </p>
      </noscript>
      <Radar answers={answers} />
      <p className="muted">Chaque axe va du centre (pas encore) au bord (pratique installée).</p>
      <ul>
        {QUESTIONS.map((question) => (
          <li key={question.id}>
            <strong>{question.name}</strong>&nbsp;: {valueText(answers[question.id])}
          </li>
        ))}
      </ul>

      <h3>Vos trois leçons conseillées</h3>
      <div aria-live="polite">
        {missing > 0 ? (
          <p className="muted">
            Répondez aux six questions pour obtenir vos trois leçons conseillées (
            {missing === 1 ? "encore une question" : `encore ${missing} questions`}).
          </p>
        ) : (
          <>
            <p>
              {allAtTop
                ? "Vos six réponses sont au plus haut niveau. Ces trois leçons vous aideront à transmettre votre pratique\u00A0:"
                : "Elles traitent vos trois points les moins avancés\u00A0:"}
            </p>
            <ol>
              {weakest.map(({ question, value }) => (
                <li key={question.id}>
                  <a href={question.lesson.url}>{question.lesson.title}</a>{" "}
                  <span className="muted">
                    ({question.name}&nbsp;: {levelLabel(value).toLowerCase()})
                  </span>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>
      <p className="muted">Vos réponses restent dans cette page&nbsp;: elles ne sont ni envoyées ni enregistrées.</p>
    </div>
  );
}
