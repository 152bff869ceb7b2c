/** The one fixed map of components given to every compiled lesson. */
import { ActivityPlaceholder, Callout, CaseStudy, Definition, ForProfile, KeyFigure, Source } from "./content-components.tsx";
import { Reflection } from "./reflection.tsx";

export const lessonComponents = {
  KeyFigure,
  Definition,
  CaseStudy,
  Callout,
  Source,
  ForProfile,
  Reflection,
  Quiz: ({ id }: { id: string }) => <ActivityPlaceholder kind="Quiz" id={id} />,
  Simulation: ({ id }: { id: string }) => <ActivityPlaceholder kind="Simulation" id={id} />,
};
