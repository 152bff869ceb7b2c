/**
 * Reads courses/ into a Catalog. Every file is validated on its own; problems are collected (file
 * and reason) rather than thrown, so that the checker can report them all at once.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { Catalog, Lesson, Module, Path } from "./catalog.ts";
import {
  describeIssues,
  GlossaryFileSchema,
  LessonFrontmatterSchema,
  ModuleFileSchema,
  PathFileSchema,
  SourcesFileSchema,
} from "./course-schema.ts";
import { splitFrontmatter } from "./frontmatter.ts";
import { lessonHash } from "./compile-lesson.server.ts";
import { readYamlFile } from "./yaml-folder.server.ts";

export interface Problem {
  /** File relative to the courses directory. */
  file: string;
  message: string;
}

interface LoadedCatalog {
  catalog: Catalog;
  problems: Problem[];
  /** Absolute path of each lesson's MDX file, by lesson id. */
  lessonFiles: Map<string, string>;
}

function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith(".")).sort() : [];
}

export function loadCatalog(coursesDir: string): LoadedCatalog {
  const problems: Problem[] = [];
  const relative = (file: string) => path.relative(coursesDir, file);

  const readYaml = <T,>(file: string, schema: z.ZodType<T>): T | undefined => readYamlFile(file, relative(file), schema, problems);

  const required = (name: string) => {
    const file = path.join(coursesDir, name);
    if (!existsSync(file)) problems.push({ file: name, message: "fichier manquant" });
    return file;
  };

  const sourcesFile = required("sources.yaml");
  const sources = existsSync(sourcesFile) ? (readYaml(sourcesFile, SourcesFileSchema) ?? []) : [];
  const glossaryFile = required("glossary.yaml");
  const glossary = existsSync(glossaryFile) ? (readYaml(glossaryFile, GlossaryFileSchema) ?? []) : [];

  const paths: Path[] = [];
  for (const name of listDir(path.join(coursesDir, "paths"))) {
    if (!name.endsWith(".yaml")) continue;
    const file = path.join(coursesDir, "paths", name);
    const data = readYaml(file, PathFileSchema);
    if (data) paths.push({ ...data, file: relative(file) });
  }

  const modules: Module[] = [];
  const lessons: Lesson[] = [];
  const lessonFiles = new Map<string, string>();
  const lessonsDir = path.join(coursesDir, "lessons");
  for (const dirName of listDir(lessonsDir)) {
    const dir = path.join(lessonsDir, dirName);
    if (!statSync(dir).isDirectory()) continue;
    const moduleFile = path.join(dir, "module.yaml");
    if (!existsSync(moduleFile)) {
      problems.push({ file: relative(dir), message: "module.yaml manquant dans ce dossier de module" });
      continue;
    }
    const module = readYaml(moduleFile, ModuleFileSchema);
    const inFolder: Lesson[] = [];
    for (const entry of listDir(dir)) {
      const entryPath = path.join(dir, entry);
      let mdxFile: string;
      let slug: string;
      if (statSync(entryPath).isDirectory()) {
        mdxFile = path.join(entryPath, "index.mdx");
        slug = entry;
        if (!existsSync(mdxFile)) {
          problems.push({ file: relative(entryPath), message: "dossier de leçon sans index.mdx" });
          continue;
        }
      } else if (entry.endsWith(".mdx")) {
        mdxFile = entryPath;
        slug = entry.slice(0, -".mdx".length);
      } else {
        continue;
      }
      if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) {
        problems.push({ file: relative(mdxFile), message: `nom de fichier « ${slug} » : minuscules, chiffres et tirets seulement (il devient l'adresse de la leçon)` });
        continue;
      }
      let frontmatter: unknown;
      try {
        frontmatter = splitFrontmatter(readFileSync(mdxFile, "utf8")).data;
      } catch (error) {
        problems.push({ file: relative(mdxFile), message: (error as Error).message });
        continue;
      }
      const result = LessonFrontmatterSchema.safeParse(frontmatter);
      if (!result.success) {
        for (const message of describeIssues(result.error)) problems.push({ file: relative(mdxFile), message });
        continue;
      }
      const lesson: Lesson = {
        ...result.data,
        slug,
        moduleId: module?.id ?? "",
        file: relative(mdxFile),
        contentHash: lessonHash(mdxFile),
      };
      inFolder.push(lesson);
      lessonFiles.set(lesson.id, mdxFile);
    }
    if (!module) continue;
    modules.push({ ...module, dir: relative(dir) });
    const listed = new Set(module.lessons);
    for (const lesson of inFolder) {
      if (!listed.has(lesson.id)) {
        problems.push({ file: relative(moduleFile), message: `la leçon ${lesson.id} (${lesson.file}) est dans le dossier mais absente de « lessons »` });
      }
    }
    const present = new Set(inFolder.map((lesson) => lesson.id));
    for (const id of module.lessons) {
      if (!present.has(id)) problems.push({ file: relative(moduleFile), message: `leçon ${id} introuvable dans ce dossier` });
    }
    lessons.push(...inFolder);
  }

  return { catalog: { sources, glossary, paths, modules, lessons }, problems, lessonFiles };
}
