/**
 * What the lesson components need to know about the page they are on: who reads (profile, signed
 * in or not), their saved reflections, and the glossary terms and sources the lesson cites.
 * Provided by the lesson route; the compiled MDX is the same for everyone.
 */
import { createContext, useContext } from "react";
import type { Audience } from "~/courses/course-schema.ts";
import type { QuizView } from "~/quizzes/quiz-types.ts";
import type { SimulationView } from "~/simulations/runs.server.ts";
import type { Scenario } from "~/simulations/scenario-schema.ts";
import type { ConceptLessons } from "~/simulations/review-links.ts";

interface LessonContextValue {
  lessonId: string;
  signedIn: boolean;
  /** The reader's profile as lessons name it; null when anonymous or « autre » (sees every passage). */
  audience: Audience | null;
  loginUrl: string;
  reflections: Record<string, { answer: string; updatedAt: string }>;
  /** Glossary entries the lesson uses, by term and by id. */
  glossary: Record<string, { id: string; term: string; definition: string }>;
  sources: Record<string, { shortTitle: string; title: string }>;
  /** The quizzes the lesson contains, as this reader sees them. */
  quizzes: Record<string, QuizView>;
  /** The simulations the lesson contains, with this reader's run. */
  simulations: Record<string, { scenario: Scenario; view: SimulationView; conceptLessons: ConceptLessons; showLastDebrief: boolean }>;
  /** The final projects the lesson presents (<FinalProject>), with this reader's progress. */
  projects: Record<
    string,
    {
      title: string;
      steps: number;
      stepsComplete: number;
      criteria: number;
      criteriaRated: number;
      started: boolean;
      submittedAt: string | null;
    }
  >;
  /** The lesson's own address (where plain-form quiz answers come back to). */
  lessonUrl: string;
}

export const LessonContext = createContext<LessonContextValue | null>(null);

export function useLessonContext(): LessonContextValue {
  const value = useContext(LessonContext);
  if (!value) throw new Error("Composant de leçon utilisé hors d'une leçon");
  return value;
}

export const AUDIENCE_LABELS: Record<Audience, { plural: string; example: string }> = {
  etudiant: { plural: "étudiant·es", example: "Pour les étudiant·es" },
  elu: { plural: "élu·es", example: "Pour les élu·es" },
  agent: { plural: "agent·es publics", example: "Pour les agent·es publics" },
  formateur: { plural: "formateur·rices", example: "Pour les formateur·rices" },
};
