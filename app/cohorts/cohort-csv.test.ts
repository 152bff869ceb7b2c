import { expect, test } from "vitest";
import { cohortFileName, learnerTableCsv } from "./cohort-csv.ts";
import type { CohortContent, LearnerRow } from "./dashboard.ts";

const content: CohortContent = {
  lessons: [{ id: "l1", title: "Leçon", minutes: 10, modelSeconds: 720 }],
  requiredActiveSeconds: 1800,
  quizzes: [
    { id: "q1", title: "Quiz 1", final: false, questions: [] },
    { id: "final", title: "Évaluation finale", final: true, questions: [] },
  ],
  scenarios: [{ id: "s1", title: "Le maire", endings: [{ id: "f1", title: "Alliance en marche" }], decisions: [] }],
};
const row: LearnerRow = {
  userId: "u1",
  name: "=Hélène; « Lefèvre »",
  email: "helene@exemple.fr",
  joinedAt: new Date("2027-01-04T10:00:00Z"),
  percent: 50,
  completedLessons: 1,
  totalLessons: 2,
  activeSeconds: 3599,
  expectedSeconds: 720,
  lastActivityAt: null,
  bestScores: { final: 85 },
  finalScore: 85,
  endings: { s1: "f1" },
  certificate: { issuedAt: new Date("2027-02-01T10:00:00Z"), revoked: false },
  project: null,
  behind: false,
  inactive: true,
};

test("one column per quiz and simulation, values a French spreadsheet reads, a hostile name neutralised", () => {
  const [header, line, end] = learnerTableCsv(content, [row])
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  expect(header!.split(";")).toEqual([
    "Nom",
    "E-mail",
    "A rejoint le",
    "Progression (%)",
    "Leçons terminées",
    "Leçons du parcours",
    "Dernière activité",
    "Temps actif (min)",
    "Temps attendu pour les leçons terminées (min)",
    "Temps actif requis pour le certificat (min)",
    "«\u202FQuiz 1\u202F»\u00A0: meilleur score (%)",
    "«\u202FÉvaluation finale\u202F» (évaluation finale)\u00A0: meilleur score (%)",
    "Simulation «\u202FLe maire\u202F»\u00A0: fin",
    "Certificat",
    "Certificat délivré le",
    "En retard",
    "Inactif depuis 7 jours",
  ]);
  expect(line).toBe(`"'=Hélène; « Lefèvre »";helene@exemple.fr;04/01/2027;50;1;2;;59;12;30;;85;Alliance en marche;oui;01/02/2027;non;oui`);
  expect(end).toBe("");
});

test("a path with a final project adds its status, date and self-assessment total", () => {
  const withProject = { ...content, project: { id: "projet-12h", criteria: 8 } };
  const rows = [
    { ...row, name: "Remis", project: { submittedAt: new Date("2027-03-01T10:00:00Z"), selfAssessed: 8, total: 24 } },
    { ...row, name: "En cours", project: { submittedAt: null, selfAssessed: 0, total: 0 } },
    { ...row, name: "Pas commencé", project: null },
  ];
  const [header, ...lines] = learnerTableCsv(withProject, rows)
    .replace(/^\uFEFF/, "")
    .split("\r\n");
  const columns = header!.split(";");
  const at = columns.indexOf("Projet final");
  expect(columns.slice(at, at + 3)).toEqual(["Projet final", "Projet remis le", "Auto-évaluation (sur 32)"]);
  expect(lines.slice(0, 3).map((line) => line.split(";").slice(at, at + 3))).toEqual([
    ["remis", "01/03/2027", "24"],
    ["en cours", "", ""],
    ["non commencé", "", ""],
  ]);
});

test("download names are plain ASCII", () => {
  expect(cohortFileName("Élus — promo 2027 !", "csv")).toBe("cohorte-elus-promo-2027.csv");
  expect(cohortFileName("???", "zip")).toBe("cohorte-sans-nom.zip");
});
