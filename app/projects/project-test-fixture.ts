/** A small project definition shared by the unit tests of this folder. */
import type { ProjectDefinition } from "./project-schema.ts";

export const PROJECT: ProjectDefinition = {
  id: "projet-test",
  title: "Ma démarche d'alliance",
  intro: "Intro.",
  file: "projects/projet-test.yaml",
  steps: [
    {
      id: "diagnostic",
      title: "Le diagnostic",
      guidance: "Partez des besoins.",
      lessons: [],
      fields: [
        { id: "defi", label: "Le défi", required: true, rows: 5 },
        { id: "besoins", label: "Les besoins", required: true, rows: 5 },
        { id: "remarques", label: "Remarques", required: false, rows: 3 },
      ],
    },
    {
      id: "premiers-pas",
      title: "Les premiers pas",
      guidance: "Trois actions.",
      lessons: [],
      fields: [{ id: "actions", label: "Trois actions", required: true, rows: 5 }],
    },
  ],
  assessment: {
    intro: "Notez.",
    levelNames: ["Émergent", "En progression", "Maîtrisé", "Exemplaire"],
    criteria: [
      { id: "c1", title: "Diagnostic", levels: ["1", "2", "3", "4"], concepts: ["R-06"] },
      { id: "c2", title: "Premiers pas", levels: ["1", "2", "3", "4"], concepts: ["R-11"] },
    ],
    minEach: 2,
    minTotal: 5,
  },
};
