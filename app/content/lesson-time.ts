/**
 * The inputs of the time model (time-model.ts) for one lesson: its words, from the compiled MDX,
 * and the activities it embeds, from the quiz, simulation and project files. Pure: the checker and
 * the server pass their own lookups.
 */
import type { ProjectDefinition } from "~/projects/project-schema.ts";
import type { QuizDefinition } from "~/quizzes/quiz-schema.ts";
import { END, type Scenario } from "~/simulations/scenario-schema.ts";
import type { Lesson } from "~/courses/catalog.ts";
import { embeddedIds, scenarioGroups, type LessonUsage } from "~/courses/mdx-usage.ts";
import { countWords, READING_WORDS_PER_MINUTE, SECONDS_PER_SCENARIO_DECISION, type LessonTimeInputs } from "~/courses/time-model.ts";

export interface TimeLookups {
  quiz(id: string): Pick<QuizDefinition, "draw" | "questions"> | undefined;
  scenario(id: string): Pick<Scenario, "start" | "scenes"> | undefined;
  project(id: string): Pick<ProjectDefinition, "steps"> | undefined;
}

/** Questions one attempt shows: the draw, or every question. */
export function questionsPerAttempt(quiz: Pick<QuizDefinition, "draw" | "questions">): number {
  return Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);
}

/**
 * Scenes of the shortest run from the start to an ending, every branch taken as possible (a lower
 * bound: the model is used for minimum times, which must not be unfair).
 */
export function shortestRun(scenario: Pick<Scenario, "start" | "scenes">): number {
  const scenes = new Map(scenario.scenes.map((scene) => [scene.id, scene]));
  const distance = new Map<string, number>([[scenario.start, 1]]);
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.shift()!;
    const depth = distance.get(id)!;
    for (const choice of scenes.get(id)?.choices ?? []) {
      const targets = typeof choice.next === "string" ? [choice.next] : choice.next.map((branch) => branch.goto);
      for (const target of targets) {
        if (target === END) return depth;
        if (!distance.has(target) && scenes.has(target)) {
          distance.set(target, depth + 1);
          queue.push(target);
        }
      }
    }
  }
  return 0; // no ending reachable: the scenario checker reports it
}

/** Scenes of the longest run from the start to an ending, never passing a scene twice. */
export function longestRun(scenario: Pick<Scenario, "start" | "scenes">): number {
  const scenes = new Map(scenario.scenes.map((scene) => [scene.id, scene]));
  const walk = (id: string, seen: Set<string>): number => {
    let best = 0;
    for (const choice of scenes.get(id)?.choices ?? []) {
      const targets = typeof choice.next === "string" ? [choice.next] : choice.next.map((branch) => branch.goto);
      for (const target of targets) {
        if (target === END) best = Math.max(best, 1);
        else if (!seen.has(target) && scenes.has(target)) best = Math.max(best, 1 + walk(target, new Set([...seen, target])));
      }
    }
    return best;
  };
  return walk(scenario.start, new Set([scenario.start]));
}

/**
 * The minutes a simulation announces (« Simulation · 12 min ») checked against the model: its
 * role, situation and debrief read at the model's pace, plus one decision time per scene of the
 * shortest and of the longest run. The announced minutes may lie 15 % outside that range at most.
 */
export function scenarioTimeProblem(
  scenario: Pick<Scenario, "start" | "scenes" | "minutes" | "situation" | "role" | "debrief">,
  tolerance = 0.15,
): string | null {
  const words = countWords([scenario.role.text, scenario.situation, ...scenario.debrief.questions, scenario.debrief.reality].join(" "));
  const reading = words / READING_WORDS_PER_MINUTE;
  const decision = SECONDS_PER_SCENARIO_DECISION / 60;
  const low = reading + shortestRun(scenario) * decision;
  const high = reading + longestRun(scenario) * decision;
  if (scenario.minutes >= low * (1 - tolerance) && scenario.minutes <= high * (1 + tolerance)) return null;
  return `annonce ${scenario.minutes} min, le modèle en donne ${Math.round(low)} à ${Math.round(high)} (lecture, puis une minute par décision du plus court au plus long parcours) : écart de plus de ${Math.round(tolerance * 100)} %`;
}

export function lessonTimeInputs(
  lesson: Pick<Lesson, "title" | "summary" | "objectives">,
  usage: LessonUsage,
  lookups: TimeLookups,
): LessonTimeInputs {
  const header = countWords([lesson.title, lesson.summary, ...lesson.objectives].join(" "));
  const quizQuestions = embeddedIds(usage, "Quiz").reduce((sum, id) => {
    const quiz = lookups.quiz(id);
    return sum + (quiz ? questionsPerAttempt(quiz) : 0);
  }, 0);
  // A choice of simulations (any one will do) counts its shortest alternative.
  const scenarioDecisions = scenarioGroups(usage).reduce((sum, group) => {
    const runs = group.flatMap((id) => {
      const scenario = lookups.scenario(id);
      return scenario ? [shortestRun(scenario)] : [];
    });
    return sum + (runs.length > 0 ? Math.min(...runs) : 0);
  }, 0);
  const projectIds = [...new Set(usage.components.filter((c) => c.name === "FinalProject").map((c) => c.attributes.id ?? ""))];
  const projectFields = Object.fromEntries(
    projectIds.flatMap((id) => {
      const project = lookups.project(id);
      return project ? [[id, project.steps.reduce((n, step) => n + step.fields.length, 0)] as const] : [];
    }),
  );
  return {
    commonWords: header + (usage.words?.common ?? 0),
    profileWords: usage.words?.profiles ?? {},
    reflections: usage.components.filter((c) => c.name === "Reflection").length,
    quizQuestions,
    scenarioDecisions,
    projectFields,
  };
}
