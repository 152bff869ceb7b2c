/**
 * Case simulations as authors write them in courses/scenarios/<id>.yaml (see courses/README.md):
 * variables with bounds, flags, scenes with 2–4 choices (effects, feedback, next scene, possibly
 * conditional), endings chosen by conditions in order, and a debrief. Nothing here is secret: the
 * browser runs the same machine as the server.
 */
import { z } from "zod";
import { AUDIENCES, SourceRefSchema, text } from "~/courses/course-schema.ts";

const id = (what: string) =>
  z.string({ error: `${what} : identifiant manquant` }).regex(/^[a-z0-9]+([-_][a-z0-9]+)*$/, `${what} : identifiant invalide`);
const concepts = z.array(z.string().regex(/^R-\d{2}$/, "concept : identifiant R-xx")).default([]);

/** A condition on the state, written as data (never evaluated as code). */
export type Condition =
  | { var: string; gte?: number; lte?: number; gt?: number; lt?: number; eq?: number }
  | { flag: string }
  | { not: Condition }
  | { all: Condition[] }
  | { any: Condition[] };

const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z
      .strictObject({
        var: id("variable"),
        gte: z.number().int().optional(),
        lte: z.number().int().optional(),
        gt: z.number().int().optional(),
        lt: z.number().int().optional(),
        eq: z.number().int().optional(),
      })
      .refine(
        (c) => ["gte", "lte", "gt", "lt", "eq"].some((k) => k in c),
        "condition sur une variable sans comparaison (gte, lte, gt, lt ou eq)",
      ),
    z.strictObject({ flag: id("drapeau") }),
    z.strictObject({ not: ConditionSchema }),
    z.strictObject({ all: z.array(ConditionSchema).min(1) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1) }),
  ]),
);

const BranchSchema = z.strictObject({ when: ConditionSchema.optional(), goto: id("suite") });

const ChoiceSchema = z.strictObject({
  id: z.string().regex(/^[a-d]$/, "choix : a, b, c ou d"),
  text: text("texte du choix"),
  /** Change of each variable; applied in order, then brought back within bounds. */
  effects: z.record(z.string(), z.number().int()).default({}),
  /** Flags this choice sets to true. */
  raise: z.array(id("drapeau")).default([]),
  feedback: text("rétroaction"),
  concepts,
  /** Next scene id, `fin`, or conditional branches evaluated after the effects, in order. */
  next: z.union([id("suite"), z.array(BranchSchema).min(1)]),
});
export type Choice = z.infer<typeof ChoiceSchema>;

const SceneSchema = z.strictObject({
  id: id("scène"),
  kind: z.enum(["decision", "evenement"]).default("decision"),
  title: text("titre de scène"),
  text: text("situation"),
  choices: z.array(ChoiceSchema).min(2, "au moins 2 choix").max(4, "au plus 4 choix"),
});
export type Scene = z.infer<typeof SceneSchema>;

const VariableSchema = z.strictObject({
  id: id("variable"),
  label: text("libellé"),
  description: text("description"),
  initial: z.number().int(),
  min: z.number().int(),
  max: z.number().int(),
  /** Words for ranges of values, shown with the number: « fragile » up to 3, etc. */
  levels: z.array(z.strictObject({ upTo: z.number().int(), label: text("niveau") })).optional(),
});

const EndingSchema = z.strictObject({
  id: id("fin"),
  title: text("titre de fin"),
  tone: z.enum(["positive", "nuancee", "negative"]),
  /** Absent on the last ending, which applies when no other does. */
  when: ConditionSchema.optional(),
  message: text("message de fin"),
});
export type Ending = z.infer<typeof EndingSchema>;

export const ScenarioSchema = z.strictObject({
  id: id("simulation"),
  title: text("titre"),
  summary: text("résumé"),
  minutes: z.number().int().positive(),
  sources: z.array(SourceRefSchema).min(1, "au moins une source"),
  concepts,
  role: z.strictObject({
    text: text("rôle"),
    profiles: z.partialRecord(z.enum(AUDIENCES), text("rôle pour ce profil")).optional(),
  }),
  situation: text("situation de départ"),
  variables: z.array(VariableSchema).min(1),
  flags: z.array(z.strictObject({ id: id("drapeau"), description: text("description") })).default([]),
  start: id("scène de départ"),
  scenes: z.array(SceneSchema).min(1),
  endings: z.array(EndingSchema).min(1),
  debrief: z.strictObject({
    questions: z.array(text("question")).min(1),
    /** Key decisions and the concepts they illustrate (lessons citing those concepts are linked). */
    keyDecisions: z.array(z.strictObject({ scene: id("scène"), concept: text("concept"), concepts })).default([]),
    reality: text("ce qui s'est passé dans la réalité"),
  }),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export { END } from "./scenario-end.ts";
