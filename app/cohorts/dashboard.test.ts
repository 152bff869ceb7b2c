import { describe, expect, test } from "vitest";
import {
  learnerRows,
  lessonFunnel,
  quizSummaries,
  scenarioSummaries,
  sortLearners,
  type CohortContent,
  type CohortRows,
} from "./dashboard.ts";

const content: CohortContent = {
  lessons: [
    { id: "l1", title: "Première", minutes: 10 },
    { id: "l2", title: "Deuxième", minutes: 30 },
  ],
  quizzes: [
    { id: "q-l1", title: "Quiz de la première leçon", final: false, questions: [{ id: "q1", stem: "Question 1" }] },
    {
      id: "final",
      title: "Évaluation finale",
      final: true,
      questions: [
        { id: "q1", stem: "Question 1" },
        { id: "q2", stem: "Question 2" },
      ],
    },
  ],
  scenarios: [
    {
      id: "s1",
      title: "Le cas",
      endings: [
        { id: "f1", title: "Réussite" },
        { id: "f2", title: "Échec" },
      ],
      decisions: [
        {
          sceneId: "p1",
          title: "Par où commencer ?",
          choices: [
            { id: "a", text: "Diagnostic" },
            { id: "b", text: "Solution clé en main" },
          ],
        },
      ],
    },
  ],
};

const at = (day: number) => new Date(Date.UTC(2027, 0, day, 10));
const NOW = at(20);
const names = ["Ana", "Bruno", "Chloé", "David", "Émilie", "Farid"];
const members = names.map((name, i) => ({ userId: `u${i}`, name, email: `${name.toLowerCase()}@exemple.fr`, joinedAt: at(1) }));

function rows(overrides: Partial<CohortRows> = {}): CohortRows {
  return {
    members,
    lessons: [
      { userId: "u0", lessonId: "l1", startedAt: at(2), completedAt: at(2), activeSeconds: 600, lastActiveAt: at(2) },
      { userId: "u0", lessonId: "l2", startedAt: at(3), completedAt: at(18), activeSeconds: 1800, lastActiveAt: at(18) },
      { userId: "u1", lessonId: "l1", startedAt: at(2), completedAt: at(4), activeSeconds: 500, lastActiveAt: at(4) },
      { userId: "u2", lessonId: "l1", startedAt: at(15), completedAt: null, activeSeconds: 60, lastActiveAt: at(15) },
      // Progress on a lesson outside the path does not count.
      { userId: "u3", lessonId: "autre", startedAt: at(19), completedAt: at(19), activeSeconds: 999, lastActiveAt: at(19) },
    ],
    enrollments: [{ userId: "u4", lastVisitedAt: at(16) }],
    attempts: [
      { userId: "u0", quizId: "final", score: 60, startedAt: at(18), submittedAt: at(18) },
      { userId: "u0", quizId: "final", score: 90, startedAt: at(19), submittedAt: at(19) },
      { userId: "u1", quizId: "final", score: 50, startedAt: at(5), submittedAt: at(5) },
      { userId: "u1", quizId: "final", score: null, startedAt: at(6), submittedAt: null },
      { userId: "u0", quizId: "q-l1", score: 100, startedAt: at(2), submittedAt: at(2) },
    ],
    runs: [],
    certificates: [{ userId: "u0", issuedAt: at(19), revokedAt: null }],
    answerGroups: [],
    ...overrides,
  };
}

const calendar = { startsOn: at(1), dueOn: at(21) };

describe("the learner table", () => {
  const table = learnerRows(content, rows(), calendar, NOW);
  const byName = Object.fromEntries(table.map((row) => [row.name, row]));

  test("progress, time, best scores and certificate per learner", () => {
    expect(byName.Ana).toMatchObject({
      percent: 100,
      completedLessons: 2,
      totalLessons: 2,
      activeSeconds: 2400,
      finalScore: 90,
      bestScores: { final: 90, "q-l1": 100 },
    });
    expect(byName.Ana!.certificate).toEqual({ issuedAt: at(19), revoked: false });
    expect(byName.Bruno).toMatchObject({ percent: 25, completedLessons: 1, finalScore: 50, certificate: null });
    expect(byName.David).toMatchObject({ percent: 0, activeSeconds: 0, finalScore: null });
  });

  test("last activity is the latest of lessons, path visits, attempts and runs", () => {
    expect(byName.Ana!.lastActivityAt).toEqual(at(19));
    expect(byName.Bruno!.lastActivityAt).toEqual(at(6));
    expect(byName.Émilie!.lastActivityAt).toEqual(at(16));
    expect(byName.Farid!.lastActivityAt).toBeNull();
  });

  test("« en retard » against the calendar's pace, « inactif » after 7 days; a finished learner is neither", () => {
    // Day 20 of a 1 → 21 calendar: 95 % expected, floor(1.9) = 1 lesson.
    expect(table.filter((row) => row.behind).map((row) => row.name)).toEqual(["Chloé", "David", "Émilie", "Farid"]);
    expect(table.filter((row) => row.inactive).map((row) => row.name)).toEqual(["Bruno", "David", "Farid"]);
  });

  test("sorting: by progress descending, by final score with the unscored last, by name in French order", () => {
    expect(
      sortLearners(table, "progression", "desc")
        .map((row) => row.name)
        .slice(0, 3),
    ).toEqual(["Ana", "Bruno", "Chloé"]);
    expect(sortLearners(table, "evaluation", "asc").map((row) => row.name)).toEqual(["Bruno", "Ana", "Chloé", "David", "Émilie", "Farid"]);
    expect(sortLearners(table, "nom", "desc").map((row) => row.name)).toEqual(["Farid", "Émilie", "David", "Chloé", "Bruno", "Ana"]);
    expect(sortLearners(table, "activite", "desc").map((row) => row.name)).toEqual(["Ana", "Émilie", "Chloé", "Bruno", "David", "Farid"]);
  });
});

test("final projects: submitted or in progress, with the self-assessment total; last activity follows them", () => {
  const projects = [
    { userId: "u5", submittedAt: at(19), updatedAt: at(19), levels: [3, 2, 4] },
    { userId: "u4", submittedAt: null, updatedAt: at(17), levels: [] },
  ];
  const table = learnerRows({ ...content, project: { id: "p", criteria: 8 } }, rows({ projects }), calendar, NOW);
  const byName = Object.fromEntries(table.map((row) => [row.name, row]));
  expect(byName.Farid!.project).toEqual({ submittedAt: at(19), selfAssessed: 3, total: 9 });
  expect(byName.Farid!.lastActivityAt).toEqual(at(19));
  expect(byName.Émilie!.project).toEqual({ submittedAt: null, selfAssessed: 0, total: 0 });
  expect(byName.Ana!.project).toBeNull();
});

test("the funnel counts who started and who completed each lesson", () => {
  expect(lessonFunnel(content, rows())).toEqual([
    { lessonId: "l1", title: "Première", started: 3, completed: 2 },
    { lessonId: "l2", title: "Deuxième", started: 1, completed: 1 },
  ]);
});

describe("quizzes", () => {
  test("the average of each learner's best score, over learners who submitted", () => {
    const [practice, final] = quizSummaries(content, learnerRows(content, rows(), calendar, NOW), rows());
    expect(practice).toMatchObject({ quizId: "q-l1", learners: 1, averageBest: 100 });
    expect(final).toMatchObject({ quizId: "final", learners: 2, averageBest: 70 });
  });

  test("item analysis: share right, and the wrong answer chosen most, on a known set of 8 answers", () => {
    const answerGroups = [
      { quizId: "final", questionId: "q1", correct: true, count: 5, wrongLabels: [] },
      { quizId: "final", questionId: "q1", correct: false, count: 2, wrongLabels: ["Un don ponctuel"] },
      { quizId: "final", questionId: "q1", correct: false, count: 1, wrongLabels: ["Un contrat d'échange", "Un don ponctuel"] },
      // The same question in another quiz is analysed apart.
      { quizId: "q-l1", questionId: "q1", correct: false, count: 4, wrongLabels: ["Un contrat d'échange"] },
    ];
    const summaries = quizSummaries(content, [], rows({ answerGroups }));
    expect(summaries[1]!.questions[0]).toEqual({
      questionId: "q1",
      stem: "Question 1",
      objective: null,
      answered: 8,
      correctShare: 5 / 8,
      mostChosenWrong: { label: "Un don ponctuel", count: 3 },
      hidden: false,
    });
    // Four answers: the share is given, the wrong options are not.
    expect(summaries[0]!.questions[0]).toMatchObject({ answered: 4, correctShare: 0, mostChosenWrong: null, hidden: true });
    expect(summaries[1]!.questions[1]).toMatchObject({ answered: 0, correctShare: null, mostChosenWrong: null, hidden: true });
  });
});

describe("the final assessment per objective of the path", () => {
  const tagged: CohortContent = {
    ...content,
    objectives: ["Expliquer pourquoi faire alliance.", "Classer un partenariat.", "Décider dans un cas."],
    quizzes: [
      {
        id: "final",
        title: "Évaluation finale",
        final: true,
        questions: [
          { id: "q1", stem: "Question 1", objective: 1 },
          { id: "q2", stem: "Question 2", objective: 1 },
          { id: "q3", stem: "Question 3", objective: 2 },
          { id: "q4", stem: "Question 4", objective: 3 },
        ],
      },
    ],
  };
  const group = (questionId: string, correct: boolean, count: number) => ({
    quizId: "final",
    questionId,
    correct,
    count,
    wrongLabels: correct ? [] : ["Une erreur"],
  });

  test("each question shows its objective; each objective its share of right answers over its questions' answers", () => {
    // Objective 1: q1 answered by 6 (4 right), q2 by 4 (1 right) → 5 right of 10. Objective 2: q3 by 5 (5 right).
    // Objective 3: q4 answered by 4 only → hidden.
    const answerGroups = [
      group("q1", true, 4),
      group("q1", false, 2),
      group("q2", true, 1),
      group("q2", false, 3),
      group("q3", true, 5),
      group("q4", true, 4),
    ];
    const [final] = quizSummaries(tagged, [], rows({ answerGroups }));
    expect(final!.questions.map((question) => [question.questionId, question.objective])).toEqual([
      ["q1", 1],
      ["q2", 1],
      ["q3", 2],
      ["q4", 3],
    ]);
    expect(final!.objectives).toEqual([
      {
        number: 1,
        text: "Expliquer pourquoi faire alliance.",
        questions: 2,
        answers: 10,
        correctShare: 0.5,
        respondents: 6,
        hidden: false,
      },
      { number: 2, text: "Classer un partenariat.", questions: 1, answers: 5, correctShare: 1, respondents: 5, hidden: false },
      { number: 3, text: "Décider dans un cas.", questions: 1, answers: 4, correctShare: null, respondents: 4, hidden: true },
    ]);
  });

  test("no summary while no question of the final names an objective, and none for a practice quiz", () => {
    const untagged: CohortContent = {
      ...tagged,
      quizzes: [
        { ...tagged.quizzes[0]!, questions: [{ id: "q1", stem: "Question 1", objective: null }] },
        { id: "q-l1", title: "Quiz", final: false, questions: [{ id: "q1", stem: "Question 1" }] },
      ],
    };
    const summaries = quizSummaries(untagged, [], rows({ answerGroups: [group("q1", true, 9)] }));
    expect(summaries.map((summary) => summary.objectives)).toEqual([[], []]);
  });
});

describe("scenarios", () => {
  const run = (userId: string, choiceId: string, endingId: string | null, finished: number | null) => ({
    userId,
    scenarioId: "s1",
    choices: [{ sceneId: "p1", choiceId }],
    endingId,
    startedAt: at(3),
    updatedAt: at(finished ?? 3),
    finishedAt: finished === null ? null : at(finished),
  });

  test("endings and choices of each learner's first finished run, from 5 learners on", () => {
    const runs = [
      run("u0", "a", "f1", 4),
      run("u0", "b", "f2", 9), // a replay: not counted
      run("u1", "a", "f1", 4),
      run("u2", "b", "f2", 5),
      run("u3", "a", "f1", 6),
      run("u4", "a", "f2", 7),
      run("u5", "b", null, null), // unfinished: not counted
    ];
    expect(scenarioSummaries(content, rows({ runs }))).toEqual([
      {
        scenarioId: "s1",
        title: "Le cas",
        finished: 5,
        hidden: false,
        endings: [
          { endingId: "f1", title: "Réussite", count: 3 },
          { endingId: "f2", title: "Échec", count: 2 },
        ],
        decisions: [
          {
            sceneId: "p1",
            title: "Par où commencer ?",
            answered: 5,
            hidden: false,
            choices: [
              { choiceId: "a", text: "Diagnostic", count: 4 },
              { choiceId: "b", text: "Solution clé en main", count: 1 },
            ],
          },
        ],
        // u0, u1 and u3 took « a » to f1: a strategy; u2 (« b ») and u4 (« a » to f2) are each alone on their route.
        strategies: [
          {
            count: 3,
            endingId: "f1",
            endingTitle: "Réussite",
            steps: [{ sceneId: "p1", title: "Par où commencer ?", choiceId: "a", text: "Diagnostic" }],
          },
        ],
        singleStrategies: 2,
      },
    ]);
    expect(learnerRows(content, rows({ runs }), calendar, NOW).find((row) => row.userId === "u0")!.endings).toEqual({ s1: "f1" });
  });

  test("fewer than 5 finished runs: counts are hidden", () => {
    const [summary] = scenarioSummaries(content, rows({ runs: [run("u0", "a", "f1", 4), run("u1", "b", "f2", 5)] }));
    expect(summary).toMatchObject({ finished: 2, hidden: true, endings: [], decisions: [{ answered: 2, hidden: true, choices: [] }] });
  });
});
