/**
 * Certificates inside the running app: what a path requires (from the compiled lessons), the
 * issuance context (site address, issuer, key), and the hooks that issue a certificate right after
 * the activity that completes a path.
 */
import { pathLessons, publishedPaths, findLesson, type Path } from "~/courses/catalog.ts";
import { formatDuration } from "~/utils/format.ts";
import { getCatalog, getCompiledLesson, getQuiz, getScenario } from "~/content/catalog.server.ts";
import { scenarioGroups } from "~/courses/mdx-usage.ts";
import type { Db } from "~/db/create-db.server.ts";
import { env } from "~/utils/env.server.ts";
import { now } from "~/utils/clock.server.ts";
import { publicUrl } from "~/utils/public-url.server.ts";
import { requiredActiveSeconds } from "~/courses/time-model.ts";
import { scenarioRequirements, type Missing, type PathRequirements } from "./eligibility.ts";
import { issueCertificateIfEligible, type IssuanceContext } from "./issuance.server.ts";
import { serverSigningKey } from "./signing.server.ts";
import { pathEligibility } from "./eligibility.ts";
import { findCertificate, loadLearnerActivity } from "./certificate-reads.server.ts";

export async function pathRequirements(path: Path): Promise<PathRequirements> {
  const lessons = pathLessons(getCatalog(), path).map(({ lesson }) => lesson);
  const compiled = await Promise.all(lessons.map((lesson) => getCompiledLesson(lesson)));
  return {
    lessonIds: lessons.map((lesson) => lesson.id),
    finalAssessmentId: path.finalAssessment ?? null,
    finalProjectId: path.finalProject ?? null,
    minActiveSeconds: requiredActiveSeconds(path.nominalMinutes, path.minActiveShare),
    ...scenarioRequirements(compiled.flatMap((lesson) => scenarioGroups(lesson.usage))),
  };
}

/**
 * Signed certificates name the site by its configured address (publicUrl), never the request's Host.
 * Issued at the app's clock, the one that stamps the activity they certify (a test clock in e2e).
 */
function issuanceContext(): IssuanceContext {
  return { siteUrl: publicUrl(), issuer: env().CERTIFICATE_ISSUER, key: serverSigningKey(), now };
}

function allScenarioIds(requirements: PathRequirements): string[] {
  return [...new Set([...requirements.scenarioIds, ...(requirements.scenarioChoices ?? []).flat()])];
}

type CompletedActivity = { lessonId: string } | { quizId: string } | { scenarioId: string } | { projectId: string };

/**
 * Called after a learner completes a lesson, finishes a quiz attempt or ends a simulation: issues
 * the certificate of every published path this activity may have completed. Returns the
 * certificates issued just now (to announce them), not those the learner already had.
 */
export async function issueCertificatesAfter(db: Db, userId: string, activity: CompletedActivity) {
  const issued = [];
  for (const path of publishedPaths(getCatalog())) {
    const requirements = await pathRequirements(path);
    const concerned =
      ("lessonId" in activity && requirements.lessonIds.includes(activity.lessonId)) ||
      ("quizId" in activity && requirements.finalAssessmentId === activity.quizId) ||
      ("scenarioId" in activity && allScenarioIds(requirements).includes(activity.scenarioId)) ||
      ("projectId" in activity && requirements.finalProjectId === activity.projectId);
    if (!concerned) continue;
    const { certificate, eligibility } = await issueCertificateIfEligible(db, userId, path, requirements, issuanceContext());
    // Only a certificate this activity issued (an existing one comes back without an eligibility).
    if (certificate && eligibility) issued.push(certificate);
  }
  return issued;
}

/**
 * What the path page shows: the certificate, or the checklist of what remains (with titles). Reads
 * only (D13): a learner who meets every condition without a certificate — the last one met before
 * certificates existed, or active time gathered after the last lesson was marked done — is offered
 * the button that posts to claimCertificate.
 */
export async function certificateStatus(db: Db, userId: string, path: Path) {
  const requirements = await pathRequirements(path);
  const certificate = await findCertificate(db, userId, path.id);
  if (certificate) {
    return {
      certificate: { id: certificate.id, issuedAt: certificate.issuedAt.toISOString(), revoked: Boolean(certificate.revokedAt) },
      missing: [],
      claimable: false,
    };
  }
  const eligibility = pathEligibility(requirements, await loadLearnerActivity(db, userId, path.id, requirements));
  const missing = eligibility.eligible ? [] : eligibility.missing;
  return {
    certificate: null,
    missing: summarizeMissing(missing, requirements.lessonIds.length),
    claimable: eligibility.eligible && eligibility.finalScore !== null,
  };
}

/** The path page's « Obtenir mon certificat » (POST): issues the certificate if every condition is met; the new one, or null. */
export async function claimCertificate(db: Db, userId: string, path: Path) {
  if (path.draft) return null;
  const { certificate, eligibility } = await issueCertificateIfEligible(db, userId, path, await pathRequirements(path), issuanceContext());
  return certificate && eligibility ? certificate : null;
}

/**
 * The checklist in a few lines: remaining lessons are counted in one line (the programme below
 * shows which), the rest is listed. A 12 h path would otherwise open on 44 « Terminer la leçon ».
 */
function summarizeMissing(missing: Missing[], lessonCount: number): string[] {
  const lessons = missing.filter((item) => item.kind === "lecon");
  const others = missing.filter((item) => item.kind !== "lecon").map((item) => describeMissing(item));
  if (lessons.length <= 1) return [...lessons.map((item) => describeMissing(item)), ...others];
  const line =
    lessons.length === lessonCount
      ? `Terminer les ${lessonCount} leçons du parcours`
      : `Terminer les ${lessons.length} leçons qui restent sur ${lessonCount} (le programme ci-dessous les signale)`;
  return [line, ...others];
}

function describeMissing(item: Missing): string {
  const catalog = getCatalog();
  switch (item.kind) {
    case "lecon":
      return `Terminer la leçon «\u202F${findLesson(catalog, item.lessonId)?.title ?? item.lessonId}\u202F»`;
    case "evaluation": {
      const title = getQuiz(item.quizId)?.title ?? item.quizId;
      return item.state === "non-reussie"
        ? `Réussir «\u202F${title}\u202F» (pas encore atteint le seuil)`
        : `Passer «\u202F${title}\u202F»`;
    }
    case "simulation":
      return `Jouer la simulation «\u202F${getScenario(item.scenarioId)?.title ?? item.scenarioId}\u202F» jusqu'à une fin`;
    case "projet":
      return item.state === "en-cours"
        ? "Remettre le projet final, avec son auto-évaluation"
        : "Rédiger et remettre le projet final, avec son auto-évaluation";
    case "temps":
      return `Temps d'activité enregistré\u00A0: ${formatDuration(item.recordedSeconds)} sur les ${formatDuration(item.requiredSeconds)} requises`;
    case "simulation-au-choix":
      return `Jouer jusqu'à une fin l'une des simulations\u00A0: ${item.scenarioIds.map((id) => `«\u202F${getScenario(id)?.title ?? id}\u202F»`).join(", ")}`;
  }
}
