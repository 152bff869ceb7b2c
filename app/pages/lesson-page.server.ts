/**
 * Everything the lesson page shows, gathered in one place: the lesson in its path, the learner's
 * progress, their saved reflections, and the glossary terms and sources the lesson cites.
 */
import { embeddedIds, embeddedScenarioIds } from "~/courses/mdx-usage.ts";
import type { CurrentUser } from "~/auth/session.server.ts";
import type { Db } from "~/db/create-db.server.ts";
import { registerLessonCode } from "~/mdx/lesson-module.ts";
import { getLessonProgress, getReflections } from "~/progress/progress.server.ts";
import { summarizePath } from "~/progress/path-progress.ts";
import type { ServerTiming } from "~/utils/server-timing.server.ts";
import { frenchTypography } from "~/utils/french-typography.ts";
import { lessonUrl, neighbours, pathLessons, requirePathLesson, type Catalog } from "~/courses/catalog.ts";
import { getCompiledLesson, getProject as getProjectDefinition, getQuiz, getScenario } from "~/content/catalog.server.ts";
import { getProject } from "~/projects/project.server.ts";
import { stepStatuses, summarizeAssessment } from "~/projects/project-progress.ts";
import { loadSimulationBlock } from "~/simulations/simulation-page.server.ts";
import { getQuizView } from "~/quizzes/quiz-attempts.server.ts";
import { readStep } from "~/quizzes/quiz-step.ts";
import { AUDIENCE_OF_PROFILE } from "~/courses/audience.ts";

export async function loadLessonPage({
  catalog,
  db,
  user,
  pathSlug,
  lessonSlug,
  timing,
  url,
}: {
  catalog: Catalog;
  db: Db;
  user: CurrentUser | null;
  pathSlug: string | undefined;
  lessonSlug: string | undefined;
  timing: ServerTiming;
  /** The requested address: after a plain-form quiz answer, it says which step to show. */
  url: URL;
}) {
  const { path, lesson, module, index } = requirePathLesson(catalog, pathSlug, lessonSlug);
  const lessons = pathLessons(catalog, path);

  const compiled = await timing.time("mdx", () => getCompiledLesson(lesson));
  registerLessonCode(compiled.hash, compiled.code);

  // Its own reflections, and those of earlier lessons it recalls (<MyAnswer>).
  const reflectionIds = compiled.usage.components.flatMap((c) =>
    c.name === "Reflection" ? [c.attributes.id ?? ""] : c.name === "MyAnswer" ? [c.attributes.reflection ?? ""] : [],
  );
  const [progress, reflections] = user
    ? await timing.time("db", () =>
        Promise.all([
          getLessonProgress(
            db,
            user.id,
            lessons.map(({ lesson: l }) => l.id),
          ),
          reflectionIds.length > 0 ? getReflections(db, user.id, reflectionIds) : Promise.resolve([]),
        ]),
      )
    : [[], []];
  const quizIds = embeddedIds(compiled.usage, "Quiz");
  const quizViews = await timing.time("quiz", () =>
    Promise.all(
      quizIds.flatMap((id) => {
        const quiz = getQuiz(id);
        return quiz ? [getQuizView(db, quiz, user?.id ?? null, readStep(url, id)).then((view) => [id, view] as const)] : [];
      }),
    ),
  );
  const scenarioIds = embeddedScenarioIds(compiled.usage);
  const simulationBlocks = await timing.time("simulation", () =>
    Promise.all(
      scenarioIds.flatMap((id) => {
        const scenario = getScenario(id);
        return scenario
          ? [
              loadSimulationBlock({ db, catalog, scenario, user, url, pathId: path.id, lessonId: lesson.id }).then(
                (block) => [id, block] as const,
              ),
            ]
          : [];
      }),
    ),
  );
  // <FinalProject id>: the learner's progress in it, if they have started.
  const projectIds = [...new Set(compiled.usage.components.filter((c) => c.name === "FinalProject").map((c) => c.attributes.id ?? ""))];
  const projects = await Promise.all(
    projectIds.flatMap((id) => {
      const definition = getProjectDefinition(id);
      if (!definition) return [];
      return [
        (user ? getProject(db, user.id, id) : Promise.resolve(null)).then((state) => {
          const steps = state ? stepStatuses(definition, state.answers) : [];
          const assessment = state ? summarizeAssessment(definition, state.assessment) : null;
          return [
            id,
            {
              title: definition.title,
              steps: definition.steps.length,
              stepsComplete: steps.filter((step) => step.complete).length,
              criteria: definition.assessment.criteria.length,
              criteriaRated: assessment?.rated ?? 0,
              started: Boolean(state),
              submittedAt: state?.submittedAt?.toISOString() ?? null,
            },
          ] as const;
        }),
      ];
    }),
  );
  const summary = summarizePath(
    lessons.map(({ lesson: l }) => l),
    progress,
  );
  const own = progress.find((record) => record.lessonId === lesson.id);

  const terms = new Set(compiled.usage.components.filter((c) => c.name === "Definition").map((c) => c.attributes.term ?? ""));
  const glossary = catalog.glossary.filter((g) => terms.has(g.term) || terms.has(g.id));
  const citedSources = new Set([
    ...lesson.sources.map((s) => s.ref),
    ...compiled.usage.components.flatMap((c) => [c.attributes.source, c.attributes.ref].filter((v): v is string => Boolean(v))),
  ]);
  const { previous, next } = neighbours(catalog, path, lesson.id);
  const link = (target: typeof previous) => (target ? { title: target.title, url: lessonUrl(path, target) } : null);

  return {
    path: { id: path.id, slug: path.slug, title: path.title, draft: path.draft, nominalMinutes: path.nominalMinutes },
    module: { id: module.id, title: module.title, position: path.modules.indexOf(module.id) + 1 },
    lesson: {
      id: lesson.id,
      title: lesson.title,
      summary: lesson.summary,
      minutes: lesson.minutes,
      objectives: lesson.objectives,
      hash: compiled.hash,
      url: lessonUrl(path, lesson),
      outline: compiled.usage.outline,
      position: index + 1,
      count: lessons.length,
      sources: lesson.sources.map((source) => {
        const known = catalog.sources.find((s) => s.id === source.ref);
        return { ref: source.ref, heading: source.heading, title: known?.title ?? source.ref, date: known?.date ?? "" };
      }),
    },
    previous: link(previous),
    next: link(next),
    progress: user
      ? {
          completedAt: own?.completedAt ? new Date(own.completedAt).toISOString() : null,
          pathPercent: summary.percent,
        }
      : null,
    context: {
      lessonId: lesson.id,
      lessonUrl: lessonUrl(path, lesson),
      quizzes: Object.fromEntries(quizViews),
      simulations: Object.fromEntries(simulationBlocks),
      projects: Object.fromEntries(projects),
      signedIn: Boolean(user),
      audience: user ? (AUDIENCE_OF_PROFILE[user.profile] ?? null) : null,
      loginUrl: `/connexion?${new URLSearchParams({ redirectTo: lessonUrl(path, lesson) })}`,
      reflections: Object.fromEntries(
        reflections.map((r) => [r.reflectionId, { answer: r.answer, updatedAt: new Date(r.updatedAt).toISOString() }]),
      ),
      glossary: Object.fromEntries(
        glossary.flatMap((g) => [g.term, g.id].map((key) => [key, { id: g.id, term: frenchTypography(g.term), definition: g.definition }])),
      ),
      sources: Object.fromEntries(
        catalog.sources.filter((s) => citedSources.has(s.id)).map((s) => [s.id, { shortTitle: s.shortTitle, title: s.title }]),
      ),
    },
    terms: glossary.map((g) => ({ id: g.id, term: frenchTypography(g.term), definition: g.definition })),
  };
}
