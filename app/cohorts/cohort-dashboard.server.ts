/** Everything a cohort's dashboard, its CSV and its benchmark show, from one call. */
import type { Path } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { learnerRows, lessonFunnel, quizSummaries, scenarioSummaries } from "./dashboard.ts";
import { cohortContent, loadCohortRows } from "./dashboard.server.ts";

const DAY = 24 * 60 * 60 * 1000;

export async function buildCohortDashboard(
  db: Db,
  cohort: { id: string; startsOn: Date | null; dueOn: Date | null },
  path: Path,
  now = new Date(),
) {
  const content = await cohortContent(path);
  const rows = await loadCohortRows(db, cohort.id, path.id, content);
  // The due date is a day the learner may still work on: the pace ends at its close.
  const calendar = { startsOn: cohort.startsOn, dueOn: cohort.dueOn ? new Date(cohort.dueOn.getTime() + DAY) : null };
  const learners = learnerRows(content, rows, calendar, now);
  return {
    content,
    learners,
    funnel: lessonFunnel(content, rows),
    quizzes: quizSummaries(content, learners, rows),
    scenarios: scenarioSummaries(content, rows),
  };
}
