/**
 * What is kept of a completed training once its learner deletes the account, and for how long
 * (/confidentialite, « Durées de conservation »; /compte/supprimer says the same). Pure: the rows
 * come from deleteAccount, which stores the summary in RetainedEvidence.
 *
 * - Certificates (and, later, attestations): 3 years after the end of the training, anonymised —
 *   what funders keep them for (OPCO guidance).
 * - Supporting evidence (time per day from the active-time ledger, lessons completed, assessment
 *   results): 6 years after the end of the training, as funders ask of a provider they may audit.
 *   Detached from the person: no name, no e-mail, no user id, no answers' content; found only by
 *   the certificate's code, which only the PDF's holder has.
 * A training not completed (no certificate) leaves nothing: no document was issued for it.
 */
import { parisDay } from "~/utils/format.ts";

export const CERTIFICATE_RETENTION_YEARS = 3;
export const EVIDENCE_RETENTION_YEARS = 6;

/** `date` moved `years` years on (calendar years, UTC). */
export function yearsAfter(date: Date, years: number): Date {
  const later = new Date(date);
  later.setUTCFullYear(later.getUTCFullYear() + years);
  return later;
}

export interface EvidenceCertificate {
  code: string;
  pathId: string;
  pathTitle: string;
  nominalMinutes: number;
  activeSeconds: number;
  firstActivityAt: Date;
  completedAt: Date;
}

export interface EvidenceSummary {
  format: "apprendre-a-faire-alliance/preuves/1";
  certificateCode: string;
  pathId: string;
  pathTitle: string;
  nominalMinutes: number;
  activeSeconds: number;
  firstActivityAt: string;
  completedAt: string;
  /** Per day: seconds the ledger credited on this path, lessons completed that day (ids). */
  days: Array<{ day: string; activeSeconds: number; lessonsCompleted: string[] }>;
  /** Submitted assessments during the training: results only, never the answers. */
  assessments: Array<{ quizId: string; number: number; submittedAt: string; score: number | null; passed: boolean | null }>;
  /**
   * Questions asked to a tutor on the path, when and when answered (the assistance a distance
   * training must show, app/attestations/README.md): times only, never the words.
   */
  questions: Array<{ askedAt: string; answeredAt: string | null }>;
}

/**
 * The evidence of one completed training. `ledger` is the active-time ledger of its path;
 * `lessons` the learner's completed lessons among those of the ledger; `attempts` their submitted
 * quiz attempts — the ones submitted between the first activity and the completion are kept;
 * `questions` their questions to a tutor on the path, with the time of the answer.
 */
export function summariseEvidence(
  certificate: EvidenceCertificate,
  ledger: ReadonlyArray<{ receivedAt: Date; seconds: number }>,
  lessons: ReadonlyArray<{ lessonId: string; completedAt: Date | null }>,
  attempts: ReadonlyArray<{ quizId: string; number: number; submittedAt: Date | null; score: number | null; passed: boolean | null }>,
  questions: ReadonlyArray<{ askedAt: Date; answeredAt: Date | null }> = [],
): EvidenceSummary {
  const days = new Map<string, { activeSeconds: number; lessonsCompleted: string[] }>();
  const dayRow = (day: string) => {
    let row = days.get(day);
    if (!row) days.set(day, (row = { activeSeconds: 0, lessonsCompleted: [] }));
    return row;
  };
  for (const entry of ledger) dayRow(parisDay(entry.receivedAt)).activeSeconds += entry.seconds;
  for (const lesson of lessons) if (lesson.completedAt) dayRow(parisDay(lesson.completedAt)).lessonsCompleted.push(lesson.lessonId);
  const from = certificate.firstActivityAt.getTime();
  const to = certificate.completedAt.getTime();
  return {
    format: "apprendre-a-faire-alliance/preuves/1",
    certificateCode: certificate.code,
    pathId: certificate.pathId,
    pathTitle: certificate.pathTitle,
    nominalMinutes: certificate.nominalMinutes,
    activeSeconds: certificate.activeSeconds,
    firstActivityAt: certificate.firstActivityAt.toISOString(),
    completedAt: certificate.completedAt.toISOString(),
    days: [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([day, row]) => ({ day, activeSeconds: row.activeSeconds, lessonsCompleted: row.lessonsCompleted.sort() })),
    assessments: attempts
      .filter((attempt) => attempt.submittedAt && attempt.submittedAt.getTime() >= from && attempt.submittedAt.getTime() <= to)
      .sort((a, b) => a.submittedAt!.getTime() - b.submittedAt!.getTime())
      .map((attempt) => ({
        quizId: attempt.quizId,
        number: attempt.number,
        submittedAt: attempt.submittedAt!.toISOString(),
        score: attempt.score,
        passed: attempt.passed,
      })),
    questions: [...questions]
      .sort((a, b) => a.askedAt.getTime() - b.askedAt.getTime())
      .map((question) => ({ askedAt: question.askedAt.toISOString(), answeredAt: question.answeredAt?.toISOString() ?? null })),
  };
}
