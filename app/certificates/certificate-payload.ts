/**
 * The signed content of a certificate: one JSON text whose keys are always written in the same
 * order, so that the bytes signed at issuance are the bytes a verifier checks. French keys: the
 * file is attached to the PDF for anyone to read.
 */

export const PAYLOAD_FORMAT = "apprendre-a-faire-alliance/certificat/1";

export interface CertificateFacts {
  code: string;
  learnerName: string;
  pathId: string;
  pathTitle: string;
  nominalMinutes: number;
  objectives: string[];
  activeSeconds: number;
  firstActivityAt: Date;
  completedAt: Date;
  finalScore: number;
  issuer: string;
  verificationUrl: string;
  issuedAt: Date;
  keyId: string;
}

/** The text to sign. `JSON.stringify` keeps insertion order, which is fixed here. */
export function certificatePayload(facts: CertificateFacts): string {
  return JSON.stringify(
    {
      format: PAYLOAD_FORMAT,
      code: facts.code,
      titulaire: facts.learnerName,
      parcours: {
        id: facts.pathId,
        titre: facts.pathTitle,
        dureeNominaleMinutes: facts.nominalMinutes,
        objectifs: facts.objectives,
      },
      tempsActifSecondes: facts.activeSeconds,
      premiereActivite: facts.firstActivityAt.toISOString(),
      achevement: facts.completedAt.toISOString(),
      scoreEvaluationFinale: facts.finalScore,
      emetteur: facts.issuer,
      verification: facts.verificationUrl,
      delivreLe: facts.issuedAt.toISOString(),
      cle: facts.keyId,
    },
    null,
    2,
  );
}

export interface SignedPayloadView {
  code: string;
  titulaire: string;
  parcours: { id: string; titre: string; dureeNominaleMinutes: number; objectifs: string[] };
  tempsActifSecondes: number;
  premiereActivite: string;
  achevement: string;
  scoreEvaluationFinale: number;
  emetteur: string;
  verification: string;
  delivreLe: string;
  cle: string;
}

/** Reads a payload back (verification tools); null when it is not one of ours. */
export function readPayload(text: string): SignedPayloadView | null {
  try {
    const data = JSON.parse(text) as SignedPayloadView & { format?: string };
    return data.format === PAYLOAD_FORMAT ? data : null;
  } catch {
    return null;
  }
}
