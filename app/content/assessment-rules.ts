/**
 * Rules that make a quiz score measure learning rather than the spotting of an author's habits
 * (shared/notes/assessment-design.md), with the figures `courses:check` prints. Pure functions over
 * the loaded quizzes; check-courses.server.ts decides whether a broken rule is a problem or, until
 * the content rewrite turns ENFORCE_ASSESSMENT_RULES on, a warning.
 *
 * - Length: among choix-unique / choix-multiple questions with at least 3 options, the right option
 *   (for choix-multiple, any right option) is strictly the longest in at most 40 %, per path (its
 *   lessons' practice quizzes plus its final pool) and per quiz file.
 * - Feedback: every wrong option of a choix-unique / choix-multiple question has its own feedback
 *   (why it tempts, why it falls short).
 * - Final assessments: at least 50 % of the pool never shown in a practice quiz (same id, or the same
 *   stem once spaces and case are normalised); a pool of at least draw + ⌈draw / 2⌉ questions, so
 *   that two consecutive attempts share at most half (see choose-questions.ts); every question
 *   tagged with the path objective it assesses, and every objective assessed by at least 2 questions.
 */
import { pathLessons, type Catalog, type Path } from "~/courses/catalog.ts";
import type { Problem } from "~/courses/load-catalog.server.ts";
import { overlapPoolSize } from "~/quizzes/choose-questions.ts";
import type { Question, QuizDefinition } from "~/quizzes/quiz-schema.ts";

/** Highest share of eligible questions whose right option is strictly the longest. */
const MAX_LONGEST_RIGHT_SHARE = 0.4;
/** Lowest share of a final pool never shown in a practice quiz. */
const MIN_UNSEEN_SHARE = 0.5;
/** Fewest questions of a final pool per path objective. */
const MIN_QUESTIONS_PER_OBJECTIVE = 2;
/** Options a choice needs before the length of the right one can be a tell. */
const MIN_OPTIONS_FOR_LENGTH_RULE = 3;

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** A stem as the « already seen » rule compares it: spaces collapsed, case and apostrophes folded. */
export function normaliseStem(stem: string): string {
  return stem.replace(/[’`]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("fr");
}

const optionLength = (text: string) => text.replace(/\s+/g, " ").trim().length;

/**
 * Whether the right option of a choice is strictly the longest (for choix-multiple: whether the
 * single longest option is a right one); null when the rule does not apply to the question (not a
 * choice, or fewer than 3 options).
 */
export function longestIsRight(question: Question): boolean | null {
  if (question.type !== "choix-unique" && question.type !== "choix-multiple") return null;
  if (question.options.length < MIN_OPTIONS_FOR_LENGTH_RULE) return null;
  const lengths = question.options.map((option) => optionLength(option.text));
  const longest = Math.max(...lengths);
  const atLongest = question.options.filter((_, index) => lengths[index] === longest);
  return atLongest.length === 1 && atLongest[0]!.correct;
}

/** Wrong options of a choice that carry no feedback of their own. */
function wrongOptionsWithoutFeedback(question: Question): { wrong: number; missing: number } {
  if (question.type !== "choix-unique" && question.type !== "choix-multiple") return { wrong: 0, missing: 0 };
  const wrong = question.options.filter((option) => !option.correct);
  return { wrong: wrong.length, missing: wrong.filter((option) => !option.feedback).length };
}

/** Figures of a set of questions (a quiz file, or a path's questions). */
interface QuestionSetFigures {
  /** Distinct questions. */
  questions: number;
  /** Choices with at least 3 options, to which the length rule applies. */
  choices: number;
  /** Of those, how many have their right option strictly the longest. */
  longestRight: number;
  /** Wrong options of every choice, and how many of them have no feedback. */
  wrongOptions: number;
  wrongWithoutFeedback: number;
}

function distinct(questions: Question[]): Question[] {
  const byId = new Map<string, Question>();
  for (const question of questions) if (!byId.has(question.id)) byId.set(question.id, question);
  return [...byId.values()];
}

export function questionSetFigures(questions: Question[]): QuestionSetFigures {
  const figures: QuestionSetFigures = { questions: 0, choices: 0, longestRight: 0, wrongOptions: 0, wrongWithoutFeedback: 0 };
  for (const question of distinct(questions)) {
    figures.questions++;
    const longest = longestIsRight(question);
    if (longest !== null) figures.choices++;
    if (longest) figures.longestRight++;
    const { wrong, missing } = wrongOptionsWithoutFeedback(question);
    figures.wrongOptions += wrong;
    figures.wrongWithoutFeedback += missing;
  }
  return figures;
}

/** Share of eligible choices whose right option is the longest; null when no question is eligible. */
function longestRightShare(figures: QuestionSetFigures): number | null {
  return figures.choices === 0 ? null : figures.longestRight / figures.choices;
}

/** The length rule on a set of questions, reported against `file` (a quiz or a path). */
export function lengthBiasProblems(file: string, what: string, questions: Question[]): Problem[] {
  const figures = questionSetFigures(questions);
  const share = longestRightShare(figures);
  if (share === null || share <= MAX_LONGEST_RIGHT_SHARE) return [];
  const which = distinct(questions)
    .filter((question) => longestIsRight(question))
    .map((question) => question.id);
  return [
    {
      file,
      message: `${what} : la bonne réponse est l'option la plus longue dans ${figures.longestRight} des ${figures.choices} questions à choix de 3 options ou plus (${percent(share)}, au plus ${percent(MAX_LONGEST_RIGHT_SHARE)}) : ${which.join(", ")}`,
    },
  ];
}

/** The feedback rule on one quiz file: one problem naming each question with silent wrong options. */
export function optionFeedbackProblems(quiz: Pick<QuizDefinition, "file" | "questions">): Problem[] {
  const silent = quiz.questions.flatMap((question) => {
    const { missing } = wrongOptionsWithoutFeedback(question);
    return missing > 0 ? [`${question.id} (${missing})`] : [];
  });
  if (silent.length === 0) return [];
  return [
    {
      file: quiz.file,
      message: `options fausses sans rétroaction (dites pourquoi l'option tente et pourquoi elle ne suffit pas) : ${silent.join(", ")}`,
    },
  ];
}

/** What a final's questions may not have been shown in: the ids and stems of every practice question. */
interface SeenInPractice {
  ids: Set<string>;
  stems: Set<string>;
}

export function seenInPractice(quizzes: Iterable<Pick<QuizDefinition, "kind" | "questions">>): SeenInPractice {
  const seen: SeenInPractice = { ids: new Set(), stems: new Set() };
  for (const quiz of quizzes) {
    if (quiz.kind !== "entrainement") continue;
    for (const question of quiz.questions) {
      seen.ids.add(question.id);
      seen.stems.add(normaliseStem(question.stem));
    }
  }
  return seen;
}

export const isSeen = (question: Question, seen: SeenInPractice) =>
  seen.ids.has(question.id) || seen.stems.has(normaliseStem(question.stem));

/** The figures of one final assessment for one path. */
interface FinalFigures extends QuestionSetFigures {
  quizId: string;
  file: string;
  unseen: number;
  pool: number;
  /** Questions per attempt (the whole pool without `draw`). */
  draw: number;
  /** The pool needed for two consecutive attempts to share at most half. */
  minPool: number;
  objectives: number;
  /** Questions per objective, index 0 for objective 1. */
  perObjective: number[];
  /** Objectives with at least MIN_QUESTIONS_PER_OBJECTIVE questions. */
  objectivesCovered: number;
  untagged: number;
}

function finalFigures(quiz: QuizDefinition, path: Pick<Path, "objectives">, seen: SeenInPractice): FinalFigures {
  const draw = quiz.draw ?? quiz.questions.length;
  const perObjective = path.objectives.map(() => 0);
  let untagged = 0;
  for (const question of quiz.questions) {
    const objective = quiz.objectives[question.id];
    if (objective === undefined) untagged++;
    else if (objective <= perObjective.length) perObjective[objective - 1]!++;
  }
  return {
    ...questionSetFigures(quiz.questions),
    quizId: quiz.id,
    file: quiz.file,
    unseen: quiz.questions.filter((question) => !isSeen(question, seen)).length,
    pool: quiz.questions.length,
    draw,
    minPool: overlapPoolSize(draw),
    objectives: path.objectives.length,
    perObjective,
    objectivesCovered: perObjective.filter((count) => count >= MIN_QUESTIONS_PER_OBJECTIVE).length,
    untagged,
  };
}

/** At least half of a final pool never shown in practice. */
export function unseenProblems(quiz: QuizDefinition, seen: SeenInPractice): Problem[] {
  const seenIds = quiz.questions.filter((question) => isSeen(question, seen)).map((question) => question.id);
  const unseen = quiz.questions.length - seenIds.length;
  const share = quiz.questions.length === 0 ? 0 : unseen / quiz.questions.length;
  if (share >= MIN_UNSEEN_SHARE) return [];
  return [
    {
      file: quiz.file,
      message: `${unseen} des ${quiz.questions.length} questions (${percent(share)}) n'ont jamais été montrées dans un quiz d'entraînement : il en faut au moins ${percent(MIN_UNSEEN_SHARE)}, des cas nouveaux qui appliquent le cours. Déjà vues : ${seenIds.join(", ")}`,
    },
  ];
}

/** A pool large enough that two consecutive attempts share at most half of their questions. */
export function overlapProblems(quiz: QuizDefinition): Problem[] {
  const draw = quiz.draw ?? quiz.questions.length;
  const needed = overlapPoolSize(draw);
  if (quiz.questions.length >= needed) return [];
  return [
    {
      file: quiz.file,
      message: `réserve de ${quiz.questions.length} questions pour ${draw} par tentative${quiz.draw === undefined ? " (sans draw, toutes)" : ""} : il en faut au moins ${needed} (draw + moitié du draw) pour que deux tentatives successives partagent au plus la moitié de leurs questions`,
    },
  ];
}

/**
 * Objective tags of a final for one path. `invalid` are always problems (a tag that names no
 * objective is a typo); `pending` are the rules the content rewrite brings (every question tagged,
 * every objective assessed by at least 2 questions).
 */
export function objectiveProblems(quiz: QuizDefinition, path: Pick<Path, "id" | "objectives">): { invalid: Problem[]; pending: Problem[] } {
  const invalid: Problem[] = [];
  const pending: Problem[] = [];
  const count = path.objectives.length;
  const untagged: string[] = [];
  const perObjective = path.objectives.map(() => 0);
  for (const question of quiz.questions) {
    const objective = quiz.objectives[question.id];
    if (objective === undefined) untagged.push(question.id);
    else if (objective > count) {
      invalid.push({
        file: quiz.file,
        message: `question ${question.id} : objective ${objective} n'existe pas (le parcours ${path.id} a ${count} objectif${count > 1 ? "s" : ""})`,
      });
    } else perObjective[objective - 1]!++;
  }
  if (untagged.length > 0) {
    pending.push({
      file: quiz.file,
      message: `questions sans objective (le numéro de l'objectif du parcours ${path.id} qu'elles évaluent) : ${untagged.join(", ")}`,
    });
  }
  perObjective.forEach((questions, index) => {
    if (questions < MIN_QUESTIONS_PER_OBJECTIVE) {
      pending.push({
        file: quiz.file,
        message: `objectif ${index + 1} du parcours ${path.id} (« ${path.objectives[index]} ») évalué par ${questions} question${questions > 1 ? "s" : ""} : il en faut au moins ${MIN_QUESTIONS_PER_OBJECTIVE}`,
      });
    }
  });
  return { invalid, pending };
}

interface PathAssessmentFigures {
  pathId: string;
  title: string;
  file: string;
  /** The practice quizzes of its lessons and its final pool, each question once. */
  set: QuestionSetFigures;
  final: FinalFigures | null;
}

interface BankFigures {
  quizId: string;
  file: string;
  kind: QuizDefinition["kind"];
  set: QuestionSetFigures;
  unseen: number | null;
}

export interface AssessmentReport {
  paths: PathAssessmentFigures[];
  banks: BankFigures[];
  /** Rules the current content must already meet. */
  problems: Problem[];
  /** Rules behind ENFORCE_ASSESSMENT_RULES: problems once it is on, warnings until then. */
  pending: Problem[];
}

/**
 * Every assessment rule and figure over the loaded content. `quizzesOfLesson` gives the quizzes each
 * lesson embeds (from its compile), which decides a path's practice quizzes.
 */
export function assessContent(
  catalog: Catalog,
  quizzes: Map<string, QuizDefinition>,
  quizzesOfLesson: Map<string, string[]>,
): AssessmentReport {
  const problems: Problem[] = [];
  const pending: Problem[] = [];
  const seen = seenInPractice(quizzes.values());

  const paths: PathAssessmentFigures[] = [];
  for (const path of [...catalog.paths].sort((a, b) => a.nominalMinutes - b.nominalMinutes || a.id.localeCompare(b.id))) {
    const quizIds = new Set(pathLessons(catalog, path).flatMap(({ lesson }) => quizzesOfLesson.get(lesson.id) ?? []));
    const final = path.finalAssessment ? quizzes.get(path.finalAssessment) : undefined;
    const finalQuiz = final?.kind === "evaluation-finale" ? final : undefined;
    if (finalQuiz) quizIds.add(finalQuiz.id);
    const questions = [...quizIds].flatMap((id) => quizzes.get(id)?.questions ?? []);
    paths.push({
      pathId: path.id,
      title: path.title,
      file: path.file,
      set: questionSetFigures(questions),
      final: finalQuiz ? finalFigures(finalQuiz, path, seen) : null,
    });
    pending.push(...lengthBiasProblems(path.file, `parcours ${path.id} (quiz de ses leçons et évaluation finale)`, questions));
    if (finalQuiz) {
      const tags = objectiveProblems(finalQuiz, path);
      problems.push(...tags.invalid);
      pending.push(...tags.pending);
    }
  }

  const banks: BankFigures[] = [];
  const finals = new Set(catalog.paths.map((path) => path.finalAssessment));
  for (const quiz of [...quizzes.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const isFinal = quiz.kind === "evaluation-finale";
    banks.push({
      quizId: quiz.id,
      file: quiz.file,
      kind: quiz.kind,
      set: questionSetFigures(quiz.questions),
      unseen: isFinal ? quiz.questions.filter((question) => !isSeen(question, seen)).length : null,
    });
    pending.push(...lengthBiasProblems(quiz.file, "quiz", quiz.questions));
    pending.push(...optionFeedbackProblems(quiz));
    if (isFinal && finals.has(quiz.id)) {
      pending.push(...unseenProblems(quiz, seen));
      pending.push(...overlapProblems(quiz));
    }
  }
  return { paths, banks, problems, pending };
}

const fraction = (part: number, whole: number) => (whole === 0 ? "—" : `${part}/${whole} (${percent(part / whole)})`);

/**
 * The table `courses:check` prints: per path, then per quiz file. A « ✗ » marks a figure that breaks
 * its rule.
 */
export function formatAssessmentTable(report: AssessmentReport): string[] {
  const header = ["", "questions", "jamais vues", "plus longue = juste", "objectifs couverts", "options fausses sans rétroaction"];
  const rows: string[][] = [];
  const mark = (broken: boolean) => (broken ? " ✗" : "");
  const longest = (set: QuestionSetFigures) => {
    const share = longestRightShare(set);
    return `${fraction(set.longestRight, set.choices)}${mark(share !== null && share > MAX_LONGEST_RIGHT_SHARE)}`;
  };
  const silent = (set: QuestionSetFigures) =>
    `${fraction(set.wrongWithoutFeedback, set.wrongOptions)}${mark(set.wrongWithoutFeedback > 0)}`;

  rows.push(["Parcours", "", "", "", "", ""]);
  for (const path of report.paths) {
    const final = path.final;
    rows.push([`  ${path.pathId}`, String(path.set.questions), "", longest(path.set), "", silent(path.set)]);
    if (!final) continue;
    const unseenBroken = final.pool === 0 || final.unseen / final.pool < MIN_UNSEEN_SHARE;
    const objectivesBroken = final.objectivesCovered < final.objectives || final.untagged > 0;
    rows.push([
      `    finale ${final.quizId} (${final.draw} tirées sur ${final.pool}, il en faut ${final.minPool})${mark(final.pool < final.minPool)}`,
      String(final.questions),
      `${fraction(final.unseen, final.pool)}${mark(unseenBroken)}`,
      longest(final),
      `${final.objectivesCovered}/${final.objectives}${final.untagged > 0 ? `, ${final.untagged} sans objective` : ""}${mark(objectivesBroken)}`,
      silent(final),
    ]);
  }
  rows.push(["Quiz", "", "", "", "", ""]);
  for (const bank of report.banks) {
    rows.push([
      `  ${bank.quizId}${bank.kind === "evaluation-finale" ? " (finale)" : ""}`,
      String(bank.set.questions),
      bank.unseen === null ? "" : fraction(bank.unseen, bank.set.questions),
      longest(bank.set),
      "",
      silent(bank.set),
    ]);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
