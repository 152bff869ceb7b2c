/**
 * <FinalProject id="projet-12h" />: the door to the learner's final project from a lesson, with
 * where they stand (steps filled, criteria assessed, submitted or not).
 */
import { Link } from "@remix-run/react";
import { formatDate } from "~/utils/format.ts";
import { useLessonContext } from "./lesson-context.tsx";

export function FinalProject({ id }: { id: string }) {
  const { projects, signedIn, loginUrl } = useLessonContext();
  const project = projects[id];
  if (!project) return null;
  const href = `/projet/${id}`;
  return (
    <section className="final-project" aria-labelledby={`projet-${id}-titre`}>
      <p className="simulation__kicker">Projet final</p>
      <h3 id={`projet-${id}-titre`}>{project.title}</h3>
      {!signedIn ? (
        <p>
          Le projet s'enregistre dans votre compte&nbsp;: <a href={loginUrl}>connectez-vous</a> pour le rédiger.
        </p>
      ) : (
        <>
          <p>
            {project.submittedAt
              ? `Remis le ${formatDate(project.submittedAt)}. Vous pouvez encore le réviser.`
              : project.started
                ? `${project.stepsComplete} étape${project.stepsComplete > 1 ? "s" : ""} complète${project.stepsComplete > 1 ? "s" : ""} sur ${project.steps}, ${project.criteriaRated} critère${project.criteriaRated > 1 ? "s" : ""} d'auto-évaluation sur ${project.criteria}.`
                : `${project.steps} étapes guidées, puis une auto-évaluation en ${project.criteria} critères. Tout s'enregistre au fur et à mesure.`}
          </p>
          <p>
            <Link to={href} className="button">
              {project.started ? "Continuer mon projet" : "Commencer mon projet"}
            </Link>
          </p>
        </>
      )}
    </section>
  );
}
