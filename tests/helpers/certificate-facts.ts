/**
 * A certificate as the PDF tests draw it: the 4 h path, completed on 20 November 2026, 4 h 07 of
 * recorded activity, 85 % at the final assessment. Each test names what it varies (the learner's
 * name, objectives, a date).
 */
import { certificatePayload } from "~/certificates/certificate-payload.ts";
import type { CertificateForPdf } from "~/certificates/certificate-pdf.server.ts";
import { signPayload } from "~/certificates/signing.server.ts";

type Facts = Parameters<typeof certificatePayload>[0];
type SigningKey = Parameters<typeof signPayload>[0];

export const PUBLIC_KEY_URL = "https://alliances.exemple.fr/certificats/cle-publique.pem";

export function certificateFacts(keyId: string, overrides: Partial<Facts> = {}): Facts {
  return {
    code: "7KQM3XRT9PWDAB12CD34EF56GH78",
    learnerName: "Hélène Lefèvre-Çelik",
    pathId: "parcours-4h",
    pathTitle: "Comprendre et se situer",
    nominalMinutes: 240,
    objectives: ["Situer son territoire parmi les démarches d'alliance.", "Choisir une porte d'entrée adaptée à son organisation."],
    activeSeconds: 4 * 3600 + 7 * 60 + 42,
    firstActivityAt: new Date("2026-11-02T09:00:00Z"),
    completedAt: new Date("2026-11-20T15:30:00Z"),
    finalScore: 85,
    issuer: "Apprendre à faire alliance",
    verificationUrl: "https://alliances.exemple.fr/verifier/7KQM-3XRT-9PWD-AB12-CD34-EF56-GH78",
    issuedAt: new Date("2026-11-20T15:31:00Z"),
    keyId,
    ...overrides,
  };
}

/** What renderCertificatePdf draws: the facts, their payload and its signature. */
export function signedCertificate(
  key: SigningKey,
  facts: Facts,
  payload = certificatePayload(facts),
  signature = signPayload(key, payload),
): CertificateForPdf {
  return { ...facts, payload, signature, publicKeyUrl: PUBLIC_KEY_URL };
}
