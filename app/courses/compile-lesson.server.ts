/**
 * Compiles lesson MDX with mdx-bundler, at most once per content: results are cached in memory and
 * on disk (.cache/lessons/<hash>.json) under the lesson's content hash, so a restart or another
 * instance reuses them and `npm run build` can precompile everything. In production a request never
 * compiles; in development an edited file has a new hash and compiles on the next request.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import { collectUsage, type LessonUsage } from "./mdx-usage.ts";
import { remarkFrenchTypography } from "./remark-french-typography.ts";
import { collectSections, type LessonSection } from "./lesson-sections.ts";

/**
 * Bump when the compile options or the remark plugins (mdx-usage.ts, remark-french-typography.ts
 * and the typography rules it applies, app/courses/lesson-sections.ts) change: cached lessons compiled
 * the old way are then ignored.
 */
const COMPILER_VERSION = "lecons-v7-key-figure-notes";

export interface CompiledLesson {
  hash: string;
  /** Function body produced by mdx-bundler; see lesson-module.ts for how it is evaluated. */
  code: string;
  usage: LessonUsage;
  /** The lesson's plain text by h2 section, for the search index (app/search/). */
  sections: LessonSection[];
}

/**
 * The fingerprint of a lesson: its MDX, the sibling files of a folder lesson, and the compiler
 * version. Same content, same hash, on every machine.
 */
export function lessonHash(mdxFile: string): string {
  const hash = createHash("sha256").update(COMPILER_VERSION);
  const files =
    path.basename(mdxFile) === "index.mdx"
      ? readdirSync(path.dirname(mdxFile)).sort().map((name) => path.join(path.dirname(mdxFile), name))
      : [mdxFile];
  for (const file of files) hash.update(path.basename(file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 20);
}

/** Compiles one lesson file, without any cache. Throws with the MDX error message on failure. */
export async function compileLessonFile(mdxFile: string, hash = lessonHash(mdxFile)): Promise<CompiledLesson> {
  const usage: LessonUsage = { components: [], links: [], imports: [], importedNames: [], outline: [] };
  const sections: LessonSection[] = [];
  const result = await bundleMDX({
    source: readFileSync(mdxFile, "utf8"),
    cwd: path.dirname(mdxFile),
    mdxOptions(options) {
      // Typography first: the outline collectUsage records shows the typeset headings.
      options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkFrenchTypography, collectUsage(usage), collectSections(sections)];
      return options;
    },
    esbuildOptions(options) {
      options.minify = true;
      options.target = ["es2020"];
      return options;
    },
  });
  if (result.errors.length > 0) {
    throw new Error(result.errors.map((error) => error.text).join("\n"));
  }
  return { hash, code: result.code, usage, sections };
}

interface LessonCompiler {
  compile(mdxFile: string, hash: string): Promise<CompiledLesson>;
  /** A lesson compiled earlier by this process or found in the disk cache, without compiling. */
  cached(hash: string): CompiledLesson | undefined;
}

export function createLessonCompiler({ cacheDir }: { cacheDir: string | null }): LessonCompiler {
  const memory = new Map<string, CompiledLesson>();
  const pending = new Map<string, Promise<CompiledLesson>>();
  // esbuild is fast but memory-hungry; compiling one lesson at a time keeps a cold start calm.
  let queue: Promise<unknown> = Promise.resolve();

  function fromDisk(hash: string): CompiledLesson | undefined {
    if (!cacheDir) return undefined;
    const file = path.join(cacheDir, `${hash}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const compiled = JSON.parse(readFileSync(file, "utf8")) as CompiledLesson;
      return compiled.hash === hash ? compiled : undefined;
    } catch {
      return undefined; // a torn or foreign file is ignored and rewritten
    }
  }

  function cached(hash: string): CompiledLesson | undefined {
    let compiled = memory.get(hash);
    if (!compiled) {
      compiled = fromDisk(hash);
      if (compiled) memory.set(hash, compiled);
    }
    return compiled;
  }

  function compile(mdxFile: string, hash: string): Promise<CompiledLesson> {
    const hit = cached(hash);
    if (hit) return Promise.resolve(hit);
    const inFlight = pending.get(hash);
    if (inFlight) return inFlight;
    const job = queue.then(async () => {
      const compiled = await compileLessonFile(mdxFile, hash);
      memory.set(hash, compiled);
      if (cacheDir) {
        mkdirSync(cacheDir, { recursive: true });
        const file = path.join(cacheDir, `${hash}.json`);
        // Write then rename: a reader never sees half a file.
        writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(compiled));
        renameSync(`${file}.${process.pid}.tmp`, file);
      }
      return compiled;
    });
    queue = job.catch(() => undefined);
    pending.set(hash, job);
    return job.finally(() => pending.delete(hash));
  }

  return { compile, cached };
}
