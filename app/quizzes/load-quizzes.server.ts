/**
 * Reads courses/quizzes/*.yaml, validates each quiz, resolves questions reused from other quizzes,
 * and checks the rules a schema cannot express (one right answer for « choix unique », etc.).
 */
import type { Problem } from "~/courses/load-catalog.server.ts";
import { readYamlFolder } from "~/courses/yaml-folder.server.ts";
import { QuizFileSchema, type Question, type QuizDefinition } from "./quiz-schema.ts";

interface LoadedQuizzes {
  quizzes: Map<string, QuizDefinition>;
  problems: Problem[];
}

/** Rules on one question that its schema cannot express. */
function questionProblems(question: Question): string[] {
  const problems: string[] = [];
  const at = `question ${question.id}`;
  switch (question.type) {
    case "choix-unique": {
      const correct = question.options.filter((option) => option.correct).length;
      if (correct !== 1) problems.push(`${at} : un choix unique a exactement une bonne réponse (ici ${correct})`);
      break;
    }
    case "choix-multiple": {
      const correct = question.options.filter((option) => option.correct).length;
      if (correct < 1) problems.push(`${at} : aucune bonne réponse`);
      if (correct === question.options.length) problems.push(`${at} : toutes les options sont justes`);
      break;
    }
    case "association": {
      const lefts = new Set(question.pairs.map((pair) => pair.left));
      if (lefts.size !== question.pairs.length) problems.push(`${at} : un élément de gauche apparaît deux fois`);
      if (new Set(question.pairs.map((pair) => pair.right)).size < 2)
        problems.push(`${at} : il faut au moins deux éléments de droite différents`);
      break;
    }
    case "remise-en-ordre":
      if (new Set(question.items).size !== question.items.length) problems.push(`${at} : deux éléments identiques`);
      break;
    case "vrai-faux":
      break;
  }
  if ("options" in question) {
    const texts = question.options.map((option) => option.text);
    if (new Set(texts).size !== texts.length) problems.push(`${at} : deux options identiques`);
  }
  return problems;
}

export function loadQuizzes(coursesDir: string, sourceIds: Set<string>): LoadedQuizzes {
  const { files, problems } = readYamlFolder(coursesDir, "quizzes", QuizFileSchema);

  // Questions are defined once, in one quiz, and may be reused elsewhere by id.
  const defined = new Map<string, { question: Question; file: string }>();
  const quizIds = new Map<string, string>();
  for (const { file, data } of files) {
    if (quizIds.has(data.id)) problems.push({ file, message: `id de quiz en double : ${data.id} (déjà dans ${quizIds.get(data.id)})` });
    quizIds.set(data.id, file);
    for (const entry of data.questions) {
      if ("from" in entry) continue;
      const previous = defined.get(entry.id);
      if (previous) problems.push({ file, message: `id de question en double : ${entry.id} (déjà dans ${previous.file})` });
      else defined.set(entry.id, { question: entry, file });
      for (const message of questionProblems(entry)) problems.push({ file, message });
      if (!sourceIds.has(entry.source.ref))
        problems.push({ file, message: `question ${entry.id} : source inconnue « ${entry.source.ref} »` });
    }
  }

  const quizzes = new Map<string, QuizDefinition>();
  for (const { file, data } of files) {
    const questions: Question[] = [];
    const objectives: Record<string, number> = {};
    for (const entry of data.questions) {
      const question = "from" in entry ? defined.get(entry.from)?.question : entry;
      if (!question) {
        problems.push({ file, message: `question reprise introuvable : ${"from" in entry ? entry.from : ""}` });
        continue;
      }
      questions.push(question);
      // The tag belongs to this quiz's line: an own question's `objective`, or the reference's.
      if (entry.objective === undefined) continue;
      if (data.kind !== "evaluation-finale") {
        problems.push({
          file,
          message: `question ${question.id} : objective ne s'emploie que dans une évaluation finale (il renvoie aux objectifs de son parcours)`,
        });
      } else {
        objectives[question.id] = entry.objective;
      }
    }
    if (new Set(questions.map((q) => q.id)).size !== questions.length) {
      problems.push({ file, message: "une question figure deux fois dans ce quiz" });
    }
    if (data.draw !== undefined && data.draw > questions.length) {
      problems.push({ file, message: `draw (${data.draw}) dépasse le nombre de questions (${questions.length})` });
    }
    const { shuffleOptions: _alwaysShuffled, ...definition } = data;
    quizzes.set(data.id, { ...definition, questions, objectives, file });
  }
  return { quizzes, problems };
}
