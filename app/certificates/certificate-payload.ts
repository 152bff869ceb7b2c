/**
 * The signed content of a certificate: one JSON text whose keys are always written in the same
 * order, so that the bytes signed at issuance are the bytes a verifier checks. French keys: the
 * file is attached to the PDF for anyone to read.
 */
import { z } from "zod";

const PAYLOAD_FORMAT = "apprendre-a-faire-alliance/certificat/1";

interface CertificateFacts {
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

const isoDate = z.iso.datetime();

/** The signed JSON as read back: every field checked, so that printing it cannot fail. */
const SignedPayloadSchema = z.object({
  format: z.literal(PAYLOAD_FORMAT),
  code: z.string(),
  titulaire: z.string(),
  parcours: z.object({
    id: z.string(),
    titre: z.string(),
    dureeNominaleMinutes: z.number().int().nonnegative(),
    objectifs: z.array(z.string()),
  }),
  tempsActifSecondes: z.number().int().nonnegative(),
  premiereActivite: isoDate,
  achevement: isoDate,
  scoreEvaluationFinale: z.number(),
  emetteur: z.string(),
  verification: z.string(),
  delivreLe: isoDate,
  cle: z.string(),
});

export type SignedPayloadView = z.infer<typeof SignedPayloadSchema>;

/** Reads a payload back (verification tools); null when it is not one of ours. */
export function readPayload(text: string): SignedPayloadView | null {
  try {
    const parsed = SignedPayloadSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
