/**
 * Data-driven diagrams for lessons (courses/README.md, « Les schémas »). Each is a <figure> with an
 * SVG (role="img", <title> and <desc> as its text alternative), a visible caption with its source,
 * and a long description as an HTML list that reads without the picture. The SVGs are drawn tall
 * and 320 units wide, so at 320 px they are shown at scale 1 and their text stays legible; colours
 * are classes styled from the site's variables (app/styles/app.css), so themes and print follow.
 */
import { createContext, useContext, useId, type ReactNode, type SVGProps } from "react";
import { typesetDeep } from "~/utils/french-typography.ts";
import { useLessonContext } from "../lesson-context.tsx";
import type { DiagramItem } from "~/courses/diagram-schema.ts";

interface DiagramProps {
  title: string;
  /** The text alternative: one or two sentences saying what the picture shows. */
  alt: string;
  /** Id of the source in sources.yaml, and the heading the content comes from; none for the course's own procedures. */
  source?: string;
  heading?: string;
  items: DiagramItem[];
}

/** The arrowhead marker of the figure being drawn (an attribute, not a style: the CSP forbids inline styles). */
const ArrowMarker = createContext("");

function ArrowLine(props: SVGProps<SVGLineElement>) {
  return <line {...props} markerEnd={useContext(ArrowMarker)} />;
}

function ArrowPath(props: SVGProps<SVGPathElement>) {
  return <path {...props} markerEnd={useContext(ArrowMarker)} />;
}

const WIDTH = 320;
const LINE = 18;
const PAD = 10;

/** Cuts a label into lines of at most `max` characters, at spaces (a longer word keeps its line). */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && `${current} ${word}`.length > max) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

function Lines({
  x,
  y,
  lines,
  className,
  anchor = "start",
}: {
  x: number;
  y: number;
  lines: string[];
  className?: string;
  anchor?: "start" | "middle";
}) {
  return (
    <text x={x} y={y} className={className} textAnchor={anchor}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

function LongDescription({ items, intro }: { items: DiagramItem[]; intro?: ReactNode }) {
  return (
    <details className="diagram__details">
      <summary>Description détaillée</summary>
      {intro}
      <ul>
        {items.map((item, index) => (
          <li key={index}>
            <strong>{item.date ? `${item.date}\u00A0: ${item.label}` : item.label}</strong>
            {item.text ? ` — ${item.text}` : null}
            {item.items?.length ? (
              <ul>
                {item.items.map((sub, subIndex) => (
                  <li key={subIndex}>{sub}</li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function DiagramFigure({
  kind,
  props,
  height,
  children,
  intro,
}: {
  kind: string;
  props: DiagramProps;
  height: number;
  children: ReactNode;
  intro?: ReactNode;
}) {
  // React's ids hold colons, which do not belong in url(#…) references.
  const id = `diagram${useId().replace(/[^\w-]/g, "")}`;
  const { sources } = useLessonContext();
  const sourceTitle = props.source ? (sources[props.source]?.shortTitle ?? props.source) : null;
  return (
    <figure className={`diagram diagram--${kind}`}>
      <svg
        className="diagram__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${WIDTH} ${Math.ceil(height)}`}
        width="100%"
        preserveAspectRatio="xMidYMin meet"
      >
        <title id={`${id}-title`}>{props.title}</title>
        <desc id={`${id}-desc`}>{props.alt}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" className="diagram__arrowhead" />
          </marker>
        </defs>
        <ArrowMarker.Provider value={`url(#${id}-arrow)`}>{children}</ArrowMarker.Provider>
      </svg>
      <figcaption>
        <span className="diagram__title">{props.title}</span>{" "}
        <cite className="diagram__source">
          {sourceTitle
            ? `(source\u00A0: ${sourceTitle}${props.heading ? `, «\u202F${props.heading}\u202F»` : ""})`
            : "(démarche proposée par le parcours)"}
        </cite>
      </figcaption>
      <LongDescription items={props.items} intro={intro} />
    </figure>
  );
}

function typeset(props: DiagramProps): DiagramProps {
  return typesetDeep(props, new Set(["source"]));
}

/** Steps in order: stacked boxes, arrows down; with `loop="oui"`, a return arrow to the first. */
export function DiagramCycle({ loop, ...raw }: DiagramProps & { loop?: string }) {
  const props = typeset(raw);
  let y = PAD;
  const boxes = props.items.map((item, index) => {
    const lines = wrapText(item.label, 30);
    const height = lines.length * LINE + 16;
    const box = { item, index, lines, y, height };
    y += height + 22;
    return box;
  });
  const height = y - 22 + PAD;
  const last = boxes[boxes.length - 1]!;
  return (
    <DiagramFigure kind="cycle" props={props} height={height}>
      {boxes.map((box) => (
        <g key={box.index}>
          <rect x={20} y={box.y} width={260} height={box.height} rx={8} className="diagram__box" />
          <circle cx={20} cy={box.y + box.height / 2} r={13} className="diagram__badge" />
          <text x={20} y={box.y + box.height / 2 + 5} textAnchor="middle" className="diagram__badge-text">
            {box.index + 1}
          </text>
          <Lines x={42} y={box.y + 8 + 13} lines={box.lines} className="diagram__label" />
          {box.index < boxes.length - 1 ? (
            <ArrowLine x1={150} y1={box.y + box.height + 2} x2={150} y2={box.y + box.height + 19} className="diagram__arrow" />
          ) : null}
        </g>
      ))}
      {loop === "oui" ? (
        <ArrowPath
          d={`M 280 ${last.y + last.height / 2} H 305 V ${boxes[0]!.y + boxes[0]!.height / 2} H 284`}
          className="diagram__arrow diagram__arrow--return"
        />
      ) : null}
    </DiagramFigure>
  );
}

/** Groups side by side in the text (actors, needs, impacts…): a heading box and its items. */
export function DiagramColumns(raw: DiagramProps) {
  const props = typeset(raw);
  let y = PAD;
  const groups = props.items.map((item, index) => {
    const labelLines = wrapText(item.label, 30);
    const subs = (item.items ?? []).map((sub) => wrapText(sub, 36));
    const headerHeight = labelLines.length * LINE + 14;
    const bodyHeight = subs.length ? subs.reduce((sum, lines) => sum + lines.length * LINE + 4, 0) + 10 : 0;
    const group = { index, labelLines, subs, y, headerHeight, bodyHeight };
    y += headerHeight + bodyHeight + 14;
    return group;
  });
  return (
    <DiagramFigure kind="columns" props={props} height={y - 14 + PAD}>
      {groups.map((group) => {
        let subY = group.y + group.headerHeight + 8 + 13;
        return (
          <g key={group.index}>
            <rect x={4} y={group.y} width={312} height={group.headerHeight + group.bodyHeight} rx={8} className="diagram__box" />
            <rect x={4} y={group.y} width={312} height={group.headerHeight} rx={8} className="diagram__header" />
            <Lines x={160} y={group.y + 7 + 13} lines={group.labelLines} className="diagram__header-text" anchor="middle" />
            {group.subs.map((lines, subIndex) => {
              const at = subY;
              subY += lines.length * LINE + 4;
              return (
                <g key={subIndex}>
                  <circle cx={18} cy={at - 5} r={3} className="diagram__dot" />
                  <Lines x={28} y={at} lines={lines} className="diagram__item" />
                </g>
              );
            })}
          </g>
        );
      })}
    </DiagramFigure>
  );
}

/** Dated events in order: a vertical line, the date on the left, the event on the right. */
export function DiagramTimeline(raw: DiagramProps) {
  const props = typeset(raw);
  let y = PAD + 4;
  const events = props.items.map((item, index) => {
    const lines = wrapText(item.label, 26);
    const event = { item, index, lines, y };
    y += lines.length * LINE + 18;
    return event;
  });
  const height = y + PAD - 18;
  return (
    <DiagramFigure kind="timeline" props={props} height={height}>
      <line x1={96} y1={PAD} x2={96} y2={height - PAD} className="diagram__axis" />
      {events.map((event) => (
        <g key={event.index}>
          <circle cx={96} cy={event.y + 8} r={6} className="diagram__badge" />
          <text x={84} y={event.y + 13} textAnchor="end" className="diagram__date">
            {event.item.date ?? ""}
          </text>
          <Lines x={110} y={event.y + 13} lines={event.lines} className="diagram__label" />
        </g>
      ))}
    </DiagramFigure>
  );
}

/** Stages along an axis from one pole to another (from invention to societal innovation…). */
export function DiagramContinuum({ from, to, ...raw }: DiagramProps & { from: string; to: string }) {
  const props = typeset(raw);
  const [fromText, toText] = typesetDeep([from, to]);
  let y = PAD + 30;
  const stages = props.items.map((item, index) => {
    const lines = wrapText(item.label, 30);
    const height = lines.length * LINE + 14;
    const stage = { index, lines, y, height };
    y += height + 12;
    return stage;
  });
  const height = y + 30 + PAD;
  return (
    <DiagramFigure
      kind="continuum"
      props={props}
      height={height}
      intro={
        <p>
          {fromText} → {toText}
        </p>
      }
    >
      {/* Poles start at the left edge: centred on the axis, a long one would be cut off. */}
      <text x={8} y={PAD + 14} className="diagram__pole">
        {fromText}
      </text>
      <ArrowLine x1={30} y1={PAD + 22} x2={30} y2={height - PAD - 24} className="diagram__arrow diagram__axis" />
      <text x={8} y={height - PAD - 4} className="diagram__pole">
        {toText}
      </text>
      {stages.map((stage) => (
        <g key={stage.index}>
          <line x1={30} y1={stage.y + stage.height / 2} x2={56} y2={stage.y + stage.height / 2} className="diagram__axis" />
          <rect x={56} y={stage.y} width={260} height={stage.height} rx={8} className="diagram__box" />
          <Lines x={68} y={stage.y + 7 + 13} lines={stage.lines} className="diagram__label" />
        </g>
      ))}
    </DiagramFigure>
  );
}

/** A typology: categories in a grid of two columns. */
export function DiagramMatrix(raw: DiagramProps) {
  const props = typeset(raw);
  const cells = props.items.map((item) => wrapText(item.label, 16));
  const rows: string[][][] = [];
  for (let index = 0; index < cells.length; index += 2) rows.push(cells.slice(index, index + 2));
  let y = PAD;
  const placed = rows.map((row) => {
    const height = Math.max(...row.map((lines) => lines.length)) * LINE + 24;
    const at = y;
    y += height + 8;
    return { row, y: at, height };
  });
  return (
    <DiagramFigure kind="matrix" props={props} height={y - 8 + PAD}>
      {placed.map(({ row, y: rowY, height }, rowIndex) =>
        row.map((lines, column) => (
          <g key={`${rowIndex}-${column}`}>
            <rect
              x={4 + column * 158}
              y={rowY}
              width={154}
              height={height}
              rx={8}
              className={column === rowIndex % 2 ? "diagram__header" : "diagram__box"}
            />
            <Lines
              x={81 + column * 158}
              y={rowY + height / 2 - ((lines.length - 1) * LINE) / 2 + 5}
              lines={lines}
              className={column === rowIndex % 2 ? "diagram__header-text" : "diagram__label"}
              anchor="middle"
            />
          </g>
        )),
      )}
    </DiagramFigure>
  );
}
