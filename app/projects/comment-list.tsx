/** Trainers' comments on a final project, as the learner and the trainers read them. */
import { formatDate } from "~/utils/format.ts";

export interface ProjectComment {
  id: string;
  authorName: string;
  createdAt: string;
  body: string;
}

export function CommentList({ comments }: { comments: ProjectComment[] }) {
  return (
    <ul className="comment-list">
      {comments.map((comment) => (
        <li key={comment.id}>
          <p className="muted">
            {comment.authorName}, le {formatDate(comment.createdAt)}
          </p>
          {comment.body.split(/\n+/).map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </li>
      ))}
    </ul>
  );
}
