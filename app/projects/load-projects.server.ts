/** Reads courses/projects/*.yaml and validates each final project definition. */
import type { Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFolder } from "~/courses/yaml-folder.server.ts";
import { ProjectFileSchema, type ProjectDefinition } from "./project-schema.ts";

export function loadProjects(coursesDir: string): { projects: Map<string, ProjectDefinition>; problems: Problem[] } {
  const { files, problems } = readYamlFolder(coursesDir, "projects", ProjectFileSchema);
  const projects = new Map<string, ProjectDefinition>();
  for (const { file, data } of files) {
    const project = { ...data, file };
    const seen = new Set<string>();
    for (const step of project.steps) {
      if (seen.has(`etape:${step.id}`)) problems.push({ file, message: `étape en double : ${step.id}` });
      seen.add(`etape:${step.id}`);
      for (const field of step.fields) {
        if (seen.has(field.id)) problems.push({ file, message: `champ en double : ${field.id}` });
        seen.add(field.id);
      }
    }
    const criteria = new Set(project.assessment.criteria.map((criterion) => criterion.id));
    if (criteria.size !== project.assessment.criteria.length) problems.push({ file, message: "critère en double dans la grille" });
    if (project.assessment.minTotal > project.assessment.criteria.length * 4)
      problems.push({ file, message: "minTotal dépasse le total possible de la grille" });
    if (projects.has(project.id)) problems.push({ file, message: `id de projet en double : ${project.id}` });
    projects.set(project.id, project);
  }
  return { projects, problems };
}
