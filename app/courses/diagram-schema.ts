/**
 * What a diagram's props must hold, shared by the components (their types) and the content checker
 * (app/courses/check-rules.ts), which refuses a diagram without title, text alternative or items.
 */
import { z } from "zod";

const text = (what: string) => z.string({ error: `${what} manquant` }).trim().min(1, `${what} vide`);

export const diagramItemSchema = z.strictObject({
  /** Shown in the picture: four words at most, so it stays legible at 320 px. */
  label: text("label"),
  /** A date or a step number shown beside the label (a timeline's year). */
  date: z.string().optional(),
  /** The sentence that goes with the label, in the long description only. */
  text: z.string().optional(),
  /** Sub-items (what an actor brings…), drawn as short lines under the label. */
  items: z.array(text("sous-élément")).optional(),
});

export type DiagramItem = z.infer<typeof diagramItemSchema>;

export const diagramItemsSchema = z.array(diagramItemSchema, { error: "«\u202Fitems\u202F» doit être une liste d'éléments { label, text, items }" }).min(2, "au moins deux éléments");

/** The diagram components lessons may use. */
export const DIAGRAM_TYPES = ["DiagramCycle", "DiagramColumns", "DiagramTimeline", "DiagramContinuum", "DiagramMatrix"] as const;
export type DiagramType = (typeof DIAGRAM_TYPES)[number];

/** A label longer than this is refused: the picture would need a small font to hold it. */
export const MAX_LABEL_WORDS = 4;

/** A sub-item drawn under a label: a short line, wrapped. */
export const MAX_SUBITEM_WORDS = 8;
