import { QuizPlayer } from "~/quizzes/quiz-player.tsx";
import { useLessonContext } from "./lesson-context.tsx";

/** <Quiz id> in a lesson: the quiz as this reader sees it (see app/quizzes/quiz-player.tsx). */
export function LessonQuiz({ id }: { id: string }) {
  const { quizzes, lessonUrl } = useLessonContext();
  const view = quizzes[id];
  if (!view) return null;
  return <QuizPlayer view={view} actionUrl={`/quiz/${id}`} returnTo={lessonUrl} />;
}
