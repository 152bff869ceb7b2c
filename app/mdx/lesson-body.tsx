import { lessonComponents } from "./components.tsx";
import { getLessonComponent, lessonScriptUrl } from "./lesson-module.ts";

/**
 * The body of a lesson. The <script> registers the compiled lesson before React hydrates; on the
 * server, the lesson route has registered it already.
 */
export function LessonBody({ hash }: { hash: string }) {
  const Content = getLessonComponent(hash);
  return (
    <>
      <script src={lessonScriptUrl(hash)} />
      <div className="lesson-content">
        {Content ? (
          <Content components={lessonComponents as never} />
        ) : (
          <p className="notice notice--warning">Cette leçon n'a pas pu être affichée. Rechargez la page.</p>
        )}
      </div>
    </>
  );
}
