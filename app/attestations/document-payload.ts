/**
 * The signed content of the three documents a completed path gives (issue 20, item 5): one JSON
 * text per document whose keys are always written in the same order, so that the bytes signed at
 * issuance are the bytes a verifier checks (as for certificates, app/certificates/certificate-payload.ts).
 * French keys: the file is attached to the PDF for anyone to read. Pure and client-safe.
 *
 * What each field answers, and the rule it comes from: app/attestations/README.md.
 */
import { z } from "zod";
import type { OrganisationDocument } from "~/organisation/organisation-settings.ts";

export type DocumentKind = OrganisationDocument;
export const DOCUMENT_KINDS: readonly DocumentKind[] = ["attestation-fin-formation", "certificat-realisation", "releve-activite"];

export function isDocumentKind(value: string | undefined): value is DocumentKind {
  return DOCUMENT_KINDS.includes(value as DocumentKind);
}

/** Titles as printed (capitalised). */
export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  "attestation-fin-formation": "Attestation de fin de formation",
  "certificat-realisation": "Certificat de réalisation",
  "releve-activite": "Relevé d'activité",
};

/** The nature of the action, in the words of Code du travail art. L6313-1 (1°: « les actions de formation »). */
export const ACTION_NATURE = "Action de formation";
/** How it is delivered: entirely on this platform, at a distance. */
export const ACTION_MODALITY = "Formation à distance (FOAD)";

export interface OrganisationFacts {
  legalName: string;
  address: string | null;
  siret: string | null;
  activityDeclarationNumber: string | null;
  qualiopiReference: string | null;
  electedTrainingApproval: string | null;
  /** « Nom <e-mail> », or either alone. */
  pedagogicalContact: string | null;
  disabilityContact: string | null;
  /** The committed answer delay for learners' questions (« 2 jours ouvrés »). */
  answerDelay: string | null;
}

/** What every document states. Dates are moments; days are Paris days (« 2027-03-01 »). */
export interface CommonFacts {
  code: string;
  /** The code of the path's certificate, whose completion these documents describe. */
  certificateCode: string;
  learnerName: string;
  organisation: OrganisationFacts;
  path: { id: string; title: string; objectives: string[]; nominalMinutes: number };
  firstActivityAt: Date;
  completedAt: Date;
  /** The active time recorded on the path's lessons (the certificate's « durée réalisée »). */
  activeSeconds: number;
  verificationUrl: string;
  issuedAt: Date;
  keyId: string;
}

export interface PlacementFacts {
  answeredAt: Date;
  objectives: Array<{ objective: string; level: number; label: string }>;
}

export interface AttestationFacts extends CommonFacts {
  kind: "attestation-fin-formation";
  placement: { entry: PlacementFacts | null; exit: PlacementFacts | null };
  finalAssessment: { title: string; score: number; passMark: number; attempts: number };
}

/** A lesson completed, with the time the course estimates for it (its declared minutes). */
export interface CompletedActivity {
  title: string;
  estimatedMinutes: number;
  completedAt: Date;
}

export interface RealisationFacts extends CommonFacts {
  kind: "certificat-realisation";
  activities: CompletedActivity[];
}

export interface DayFacts {
  day: string;
  activeSeconds: number;
  lessonsCompleted: string[];
  /** Quiz attempts submitted that day (practice and final), with their result. */
  assessments: Array<{ title: string; attempt: number; at: Date; score: number; passed: boolean }>;
  /** Simulations played to an ending that day. */
  simulations: Array<{ title: string; at: Date }>;
  /** Positioning at entry, self-assessment at the end. */
  placements: Array<{ label: string; at: Date }>;
}

export interface QuestionFacts {
  askedAt: Date;
  lessonTitle: string;
  answeredAt: Date | null;
  /** Hours between the question and its answer (to the hundredth, app/questions/waiting.ts); null while unanswered. */
  delayHours: number | null;
}

export interface StatementFacts extends CommonFacts {
  kind: "releve-activite";
  days: DayFacts[];
  questions: QuestionFacts[];
  /** Where the technical and pedagogical help is described (the platform's /aide). */
  helpUrl: string;
}

export type DocumentFacts = AttestationFacts | RealisationFacts | StatementFacts;

const formatOf = (kind: DocumentKind) => `apprendre-a-faire-alliance/${kind}/1` as const;

/** How the duration realised was computed: printed on the certificat de réalisation and signed. */
export const DURATION_METHOD =
  "Durée réalisée\u00A0: le temps d'activité que la plateforme a enregistré sur les leçons du parcours. Le serveur crédite " +
  "le temps pendant lequel une page de leçon est affichée et utilisée (au plus 15\u00A0secondes par signal, plus rien après " +
  "90\u00A0secondes sans clavier, souris ni défilement)\u00A0; sans JavaScript, le temps écoulé entre l'ouverture d'une " +
  "leçon et sa validation, plafonné à sa durée estimée. Un même instant n'est jamais compté deux fois. Cette durée est " +
  "présentée avec les activités réalisées et leur durée estimée.";

function organisationJson(organisation: OrganisationFacts) {
  return {
    raisonSociale: organisation.legalName,
    adresse: organisation.address,
    siret: organisation.siret,
    numeroDeclarationActivite: organisation.activityDeclarationNumber,
    certificationQualiopi: organisation.qualiopiReference,
    agrementFormationElus: organisation.electedTrainingApproval,
    referentPedagogique: organisation.pedagogicalContact,
    referentHandicap: organisation.disabilityContact,
  };
}

function placementJson(placement: PlacementFacts | null) {
  if (!placement) return null;
  return {
    le: placement.answeredAt.toISOString(),
    objectifs: placement.objectives.map((item) => ({ objectif: item.objective, niveau: item.level, libelle: item.label })),
  };
}

function kindJson(facts: DocumentFacts) {
  switch (facts.kind) {
    case "attestation-fin-formation":
      return {
        resultats: {
          positionnementEntree: placementJson(facts.placement.entry),
          autoEvaluationSortie: placementJson(facts.placement.exit),
          evaluationFinale: {
            titre: facts.finalAssessment.title,
            scorePourcent: facts.finalAssessment.score,
            seuilPourcent: facts.finalAssessment.passMark,
            tentatives: facts.finalAssessment.attempts,
          },
        },
      };
    case "certificat-realisation":
      return {
        activitesRealisees: facts.activities.map((activity) => ({
          titre: activity.title,
          dureeEstimeeMinutes: activity.estimatedMinutes,
          realiseeLe: activity.completedAt.toISOString(),
        })),
        dureeEstimeeActivitesMinutes: facts.activities.reduce((sum, activity) => sum + activity.estimatedMinutes, 0),
        methode: DURATION_METHOD,
      };
    case "releve-activite":
      return {
        jours: facts.days.map((day) => ({
          jour: day.day,
          tempsActifSecondes: day.activeSeconds,
          leconsTerminees: day.lessonsCompleted,
          evaluations: day.assessments.map((item) => ({
            titre: item.title,
            tentative: item.attempt,
            le: item.at.toISOString(),
            scorePourcent: item.score,
            reussie: item.passed,
          })),
          simulations: day.simulations.map((item) => ({ titre: item.title, le: item.at.toISOString() })),
          positionnements: day.placements.map((item) => ({ libelle: item.label, le: item.at.toISOString() })),
        })),
        questions: facts.questions.map((question) => ({
          poseeLe: question.askedAt.toISOString(),
          lecon: question.lessonTitle,
          reponduLe: question.answeredAt?.toISOString() ?? null,
          delaiHeures: question.delayHours,
        })),
        assistance: {
          referentPedagogique: facts.organisation.pedagogicalContact,
          delaiDeReponseAnnonce: facts.organisation.answerDelay,
          aide: facts.helpUrl,
        },
      };
  }
}

/** The text to sign. `JSON.stringify` keeps insertion order, which is fixed here. */
export function documentPayload(facts: DocumentFacts): string {
  return JSON.stringify(
    {
      format: formatOf(facts.kind),
      document: DOCUMENT_TITLES[facts.kind],
      code: facts.code,
      organisme: organisationJson(facts.organisation),
      beneficiaire: facts.learnerName,
      action: {
        intitule: facts.path.title,
        parcours: facts.path.id,
        objectifs: facts.path.objectives,
        nature: ACTION_NATURE,
        modalite: ACTION_MODALITY,
        dureeEstimeeMinutes: facts.path.nominalMinutes,
      },
      periode: { debut: facts.firstActivityAt.toISOString(), fin: facts.completedAt.toISOString() },
      dureeRealiseeSecondes: facts.activeSeconds,
      ...kindJson(facts),
      certificat: facts.certificateCode,
      verification: facts.verificationUrl,
      delivreLe: facts.issuedAt.toISOString(),
      cle: facts.keyId,
    },
    null,
    2,
  );
}

const isoDate = z.iso.datetime();

/**
 * The fields every document's signed JSON shares, as read back (offline verification prints them);
 * the rest of the document is kept as it is.
 */
const SignedDocumentSchema = z.looseObject({
  format: z.enum(DOCUMENT_KINDS.map(formatOf) as [string, ...string[]]),
  document: z.string(),
  code: z.string(),
  organisme: z.looseObject({ raisonSociale: z.string() }),
  beneficiaire: z.string(),
  action: z.looseObject({ intitule: z.string() }),
  periode: z.object({ debut: isoDate, fin: isoDate }),
  dureeRealiseeSecondes: z.number().int().nonnegative(),
  certificat: z.string(),
  verification: z.string(),
  delivreLe: isoDate,
  cle: z.string(),
});

export type SignedDocumentView = z.infer<typeof SignedDocumentSchema>;

/** Reads a document's payload back; null when it is not one of ours. */
export function readDocumentPayload(text: string): SignedDocumentView | null {
  try {
    const parsed = SignedDocumentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

// ── Reading a payload back into facts: PDFs are always drawn from the signed text ──────────────────

const date = isoDate.transform((value) => new Date(value));
const PlacementJson = z
  .object({ le: date, objectifs: z.array(z.object({ objectif: z.string(), niveau: z.number().int(), libelle: z.string() })) })
  .nullable();

const FullPayloadSchema = z.object({
  format: z.string(),
  code: z.string(),
  organisme: z.object({
    raisonSociale: z.string(),
    adresse: z.string().nullable(),
    siret: z.string().nullable(),
    numeroDeclarationActivite: z.string().nullable(),
    certificationQualiopi: z.string().nullable(),
    agrementFormationElus: z.string().nullable(),
    referentPedagogique: z.string().nullable(),
    referentHandicap: z.string().nullable(),
  }),
  beneficiaire: z.string(),
  action: z.object({ intitule: z.string(), parcours: z.string(), objectifs: z.array(z.string()), dureeEstimeeMinutes: z.number() }),
  periode: z.object({ debut: date, fin: date }),
  dureeRealiseeSecondes: z.number(),
  resultats: z
    .object({
      positionnementEntree: PlacementJson,
      autoEvaluationSortie: PlacementJson,
      evaluationFinale: z.object({ titre: z.string(), scorePourcent: z.number(), seuilPourcent: z.number(), tentatives: z.number() }),
    })
    .optional(),
  activitesRealisees: z.array(z.object({ titre: z.string(), dureeEstimeeMinutes: z.number(), realiseeLe: date })).optional(),
  jours: z
    .array(
      z.object({
        jour: z.string(),
        tempsActifSecondes: z.number(),
        leconsTerminees: z.array(z.string()),
        evaluations: z.array(
          z.object({ titre: z.string(), tentative: z.number(), le: date, scorePourcent: z.number(), reussie: z.boolean() }),
        ),
        simulations: z.array(z.object({ titre: z.string(), le: date })),
        positionnements: z.array(z.object({ libelle: z.string(), le: date })),
      }),
    )
    .optional(),
  questions: z
    .array(z.object({ poseeLe: date, lecon: z.string(), reponduLe: date.nullable(), delaiHeures: z.number().nullable() }))
    .optional(),
  assistance: z.object({ delaiDeReponseAnnonce: z.string().nullable(), aide: z.string() }).optional(),
  certificat: z.string(),
  verification: z.string(),
  delivreLe: date,
  cle: z.string(),
});

function placementFromJson(value: z.infer<typeof PlacementJson>): PlacementFacts | null {
  return value
    ? {
        answeredAt: value.le,
        objectives: value.objectifs.map((item) => ({ objective: item.objectif, level: item.niveau, label: item.libelle })),
      }
    : null;
}

/**
 * The facts a stored payload states (the inverse of `documentPayload`). Throws on a payload that is
 * not a document's: stored payloads are ours, so that is a bug, not bad input.
 */
export function factsFromPayload(text: string): DocumentFacts {
  const json = FullPayloadSchema.parse(JSON.parse(text));
  const kind = DOCUMENT_KINDS.find((candidate) => formatOf(candidate) === json.format);
  if (!kind) throw new Error(`format de document inconnu\u00A0: ${json.format}`);
  const organisme = json.organisme;
  const common: CommonFacts = {
    code: json.code,
    certificateCode: json.certificat,
    learnerName: json.beneficiaire,
    organisation: {
      legalName: organisme.raisonSociale,
      address: organisme.adresse,
      siret: organisme.siret,
      activityDeclarationNumber: organisme.numeroDeclarationActivite,
      qualiopiReference: organisme.certificationQualiopi,
      electedTrainingApproval: organisme.agrementFormationElus,
      pedagogicalContact: organisme.referentPedagogique,
      disabilityContact: organisme.referentHandicap,
      answerDelay: json.assistance?.delaiDeReponseAnnonce ?? null,
    },
    path: {
      id: json.action.parcours,
      title: json.action.intitule,
      objectives: json.action.objectifs,
      nominalMinutes: json.action.dureeEstimeeMinutes,
    },
    firstActivityAt: json.periode.debut,
    completedAt: json.periode.fin,
    activeSeconds: json.dureeRealiseeSecondes,
    verificationUrl: json.verification,
    issuedAt: json.delivreLe,
    keyId: json.cle,
  };
  switch (kind) {
    case "attestation-fin-formation": {
      const results = json.resultats;
      if (!results) throw new Error("attestation sans résultats");
      return {
        ...common,
        kind,
        placement: { entry: placementFromJson(results.positionnementEntree), exit: placementFromJson(results.autoEvaluationSortie) },
        finalAssessment: {
          title: results.evaluationFinale.titre,
          score: results.evaluationFinale.scorePourcent,
          passMark: results.evaluationFinale.seuilPourcent,
          attempts: results.evaluationFinale.tentatives,
        },
      };
    }
    case "certificat-realisation":
      return {
        ...common,
        kind,
        activities: (json.activitesRealisees ?? []).map((item) => ({
          title: item.titre,
          estimatedMinutes: item.dureeEstimeeMinutes,
          completedAt: item.realiseeLe,
        })),
      };
    case "releve-activite":
      return {
        ...common,
        kind,
        days: (json.jours ?? []).map((day) => ({
          day: day.jour,
          activeSeconds: day.tempsActifSecondes,
          lessonsCompleted: day.leconsTerminees,
          assessments: day.evaluations.map((item) => ({
            title: item.titre,
            attempt: item.tentative,
            at: item.le,
            score: item.scorePourcent,
            passed: item.reussie,
          })),
          simulations: day.simulations.map((item) => ({ title: item.titre, at: item.le })),
          placements: day.positionnements.map((item) => ({ label: item.libelle, at: item.le })),
        })),
        questions: (json.questions ?? []).map((item) => ({
          askedAt: item.poseeLe,
          lessonTitle: item.lecon,
          answeredAt: item.reponduLe,
          delayHours: item.delaiHeures,
        })),
        helpUrl: json.assistance?.aide ?? "",
      };
  }
}
