/** Reads courses/projects/*.yaml and validates each final project definition. */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describeIssues } from "~/courses/course-schema.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { ProjectFileSchema, type ProjectDefinition } from "./project-schema.ts";

export function loadProjects(coursesDir: string): { projects: Map<string, ProjectDefinition>; problems: Problem[] } {
  const problems: Problem[] = [];
  const projects = new Map<string, ProjectDefinition>();
  const dir = path.join(coursesDir, "projects");
  const names = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".yaml")).sort() : [];
  for (const name of names) {
    const file = `projects/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, name), "utf8"));
    } catch (error) {
      problems.push({ file, message: `YAML invalide : ${(error as Error).message.split("\n")[0]}` });
      continue;
    }
    const result = ProjectFileSchema.safeParse(raw);
    if (!result.success) {
      for (const message of describeIssues(result.error)) problems.push({ file, message });
      continue;
    }
    const project = { ...result.data, file };
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
    if (project.assessment.minTotal > project.assessment.criteria.length * 4) problems.push({ file, message: "minTotal dépasse le total possible de la grille" });
    if (projects.has(project.id)) problems.push({ file, message: `id de projet en double : ${project.id}` });
    projects.set(project.id, project);
  }
  return { projects, problems };
}
