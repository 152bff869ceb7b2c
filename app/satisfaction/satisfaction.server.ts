/**
 * Storing a learner's satisfaction response, and the questions other code asks about it: may this
 * learner answer for this path (their certificate is issued), did they answer, and when (the
 * evidence documents cite). One response per learner and path: the database's unique key decides
 * between concurrent posts, never a read-then-write.
 */
import type { Db } from "~/db/create-db.server.ts";
import { isUniqueConstraintError } from "~/db/errors.ts";
import type { SatisfactionAnswers } from "./questionnaire.ts";

export interface SatisfactionEvidence {
  answeredAt: Date;
}

/** Whether the learner answered the questionnaire of this path, and when; null when they did not. */
export async function satisfactionEvidence(db: Db, userId: string, pathId: string): Promise<SatisfactionEvidence | null> {
  return db.satisfactionResponse.findUnique({ where: { userId_pathId: { userId, pathId } }, select: { answeredAt: true } });
}

/**
 * The certificate the questionnaire leads to: the learner's live certificate of this path. The
 * questionnaire is asked at the end, so without one there is nothing to answer (null).
 */
export async function certificateAfterQuestionnaire(db: Db, userId: string, pathId: string): Promise<{ id: string } | null> {
  return db.certificate.findFirst({ where: { userId, pathId, revokedAt: null }, select: { id: true } });
}

/**
 * Records the response; `created` is false when one already existed (a second tab, a double post):
 * the first one stays, answers are not edited (README: why).
 */
export async function recordSatisfaction(
  db: Db,
  who: { userId: string; pathId: string; profile: string },
  answers: SatisfactionAnswers,
): Promise<{ created: boolean; answeredAt: Date }> {
  try {
    const row = await db.satisfactionResponse.create({
      data: { ...who, ...answers },
      select: { answeredAt: true },
    });
    return { created: true, answeredAt: row.answeredAt };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    const existing = await satisfactionEvidence(db, who.userId, who.pathId);
    if (!existing) throw error;
    return { created: false, answeredAt: existing.answeredAt };
  }
}
