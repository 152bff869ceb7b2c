/** The one fixed map of components given to every compiled lesson. */
import { Callout, CaseStudy, Definition, ForProfile, KeyFigure, Source, SourceNotes, TrainerNotes } from "./content-components.tsx";
import { Reflection } from "./reflection.tsx";
import { MyAnswer } from "./my-answer.tsx";
import { ModelAnswer } from "./model-answer.tsx";
import { FinalProject } from "./final-project.tsx";
import { LessonQuiz } from "./lesson-quiz.tsx";
import { LessonSimulation } from "./lesson-simulation.tsx";
import { LessonSimulationChoice } from "./lesson-simulation-choice.tsx";
import { LessonTable } from "./lesson-table.tsx";
import { DiagramColumns, DiagramContinuum, DiagramCycle, DiagramMatrix, DiagramTimeline } from "./diagrams/diagrams.tsx";

export const lessonComponents = {
  KeyFigure,
  Definition,
  CaseStudy,
  Callout,
  Source,
  ForProfile,
  SourceNotes,
  TrainerNotes,
  Reflection,
  MyAnswer,
  ModelAnswer,
  FinalProject,
  Quiz: LessonQuiz,
  Simulation: LessonSimulation,
  SimulationChoice: LessonSimulationChoice,
  DiagramCycle,
  DiagramColumns,
  DiagramTimeline,
  DiagramContinuum,
  DiagramMatrix,
  // Markdown elements
  table: LessonTable,
};
