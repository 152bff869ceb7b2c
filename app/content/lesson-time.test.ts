import { describe, expect, test } from "vitest";
import { lessonTimeInputs, questionsPerAttempt, shortestRun, type TimeLookups } from "./lesson-time.ts";
import { countLessonWords, type LessonUsage } from "~/courses/mdx-usage.ts";

const scene = (id: string, next: Array<string | Array<{ goto: string }>>) => ({
  id,
  choices: next.map((target, index) => ({ id: "abcd"[index]!, next: target })),
});

describe("what the time model counts in a lesson", () => {
  test("a simulation's shortest run from its start to an ending, whatever the branch conditions", () => {
    const scenario = {
      start: "s1",
      scenes: [
        scene("s1", ["s2", [{ goto: "s3" }, { goto: "s2" }]]),
        scene("s2", ["s4"]),
        scene("s3", ["fin", "s4"]),
        scene("s4", ["fin"]),
      ],
    };
    expect(shortestRun(scenario as never)).toBe(2);
  });

  test("a quiz attempt shows its draw, or all its questions", () => {
    const questions = Array.from({ length: 12 }, () => ({}) as never);
    expect(questionsPerAttempt({ draw: 5, questions })).toBe(5);
    expect(questionsPerAttempt({ draw: undefined, questions })).toBe(12);
  });

  test("words are counted per profile passage, prompts and labels included, code, imports and trainer notes not", () => {
    const tree = {
      type: "root",
      children: [
        { type: "mdxjsEsm", value: "import Carte from '~/courses/Carte.tsx'" },
        { type: "paragraph", children: [{ type: "text", value: "Trois mots communs" }] },
        {
          type: "mdxJsxFlowElement",
          name: "Reflection",
          attributes: [
            { type: "mdxJsxAttribute", name: "id", value: "r1" },
            { type: "mdxJsxAttribute", name: "prompt", value: "Que feriez-vous ?" },
          ],
        },
        {
          type: "mdxJsxFlowElement",
          name: "ForProfile",
          attributes: [{ type: "mdxJsxAttribute", name: "profile", value: "elu" }],
          children: [{ type: "paragraph", children: [{ type: "text", value: "Pour les élu·es seulement" }] }],
        },
        { type: "code", value: "ne pas compter ces mots" },
        {
          type: "mdxJsxFlowElement",
          name: "TrainerNotes",
          attributes: [],
          children: [{ type: "paragraph", children: [{ type: "text", value: "Quinze minutes en binômes" }] }],
        },
      ],
    };
    expect(countLessonWords(tree)).toEqual({ common: 3 + 2, profiles: { elu: 4 }, trainerNotes: 4 });
  });

  test("a lesson's inputs: header words, reflections, quiz questions, the shortest alternative of a simulation choice, project fields", () => {
    const usage: LessonUsage = {
      components: [
        { name: "Reflection", attributes: { id: "r1" }, line: 1 },
        { name: "Reflection", attributes: { id: "r2" }, line: 2 },
        { name: "Quiz", attributes: { id: "q1" }, line: 3 },
        { name: "Quiz", attributes: { id: "q1" }, line: 4 },
        { name: "SimulationChoice", attributes: { ids: "long court" }, line: 5 },
        { name: "FinalProject", attributes: { id: "p" }, line: 6 },
      ],
      links: [],
      imports: [],
      importedNames: [],
      outline: [],
      words: { common: 100, profiles: { agent: 20 }, trainerNotes: 0 },
    };
    const lookups: TimeLookups = {
      quiz: () => ({ draw: 3, questions: Array.from({ length: 8 }, () => ({}) as never) }),
      scenario: (id) =>
        (id === "court"
          ? { start: "a", scenes: [scene("a", ["fin"])] }
          : { start: "a", scenes: [scene("a", ["b"]), scene("b", ["fin"])] }) as never,
      project: () => ({ steps: [{ fields: [{}, {}] }, { fields: [{}] }] }) as never,
    };
    expect(lessonTimeInputs({ title: "Deux mots", summary: "Un résumé", objectives: ["Un objectif clair"] }, usage, lookups)).toEqual({
      commonWords: 107,
      profileWords: { agent: 20 },
      reflections: 2,
      quizQuestions: 3,
      scenarioDecisions: 1,
      projectFields: { p: 3 },
    });
  });
});
