/** The rows of the « service fait » CSV: the cohort dashboard's learners, with their certificate's code and end date. */
import type { Path } from "~/courses/catalog.ts";
import { buildCohortDashboard } from "~/cohorts/cohort-dashboard.server.ts";
import { sortLearners } from "~/cohorts/dashboard.ts";
import type { Db } from "~/db/create-db.server.ts";
import type { ServiceFaitLearner } from "./service-fait.ts";

export async function loadServiceFait(
  db: Db,
  cohort: { id: string; startsOn: Date | null; dueOn: Date | null },
  path: Path,
): Promise<ServiceFaitLearner[]> {
  const { learners } = await buildCohortDashboard(db, cohort, path);
  const certificates = await db.certificate.findMany({
    where: { pathId: path.id, userId: { in: learners.map((learner) => learner.userId) } },
    select: { userId: true, code: true, completedAt: true, revokedAt: true },
  });
  const byUser = new Map(certificates.map((certificate) => [certificate.userId, certificate]));
  return sortLearners(learners, "nom", "asc").map((learner) => {
    const certificate = byUser.get(learner.userId);
    return {
      name: learner.name,
      email: learner.email,
      activeSeconds: learner.activeSeconds,
      completedLessons: learner.completedLessons,
      totalLessons: learner.totalLessons,
      certificate: certificate
        ? { code: certificate.code, completedAt: certificate.completedAt, revoked: Boolean(certificate.revokedAt) }
        : null,
    };
  });
}
