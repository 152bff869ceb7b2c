/**
 * Where and when a question was asked, as the learner's « Mes questions » and the trainer's inbox
 * both show it: « Posée le … depuis « leçon » (parcours) », the lesson linked when it still exists.
 */
import { Link } from "@remix-run/react";
import { formatDateTime } from "~/utils/format.ts";
import type { QuestionLesson } from "./question-lessons.ts";

export function QuestionOrigin({ askedAt, lesson }: { askedAt: string; lesson: QuestionLesson }) {
  return (
    <>
      Posée le {formatDateTime(askedAt)} depuis{" "}
      {lesson.url ? <Link to={lesson.url}>«&#x202F;{lesson.lessonTitle}&#x202F;»</Link> : <>«&#x202F;{lesson.lessonTitle}&#x202F;»</>} (
      {lesson.pathTitle})
    </>
  );
}
