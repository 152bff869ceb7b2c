/** What a visitor sees when something goes wrong: a French explanation and a way back. */
import { isRouteErrorResponse, Link } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Demande incorrecte", text: "Les données envoyées ne sont pas valides. Revenez en arrière et vérifiez le formulaire." },
  403: { title: "Accès refusé", text: "Vous n'avez pas accès à cette page avec ce compte." },
  404: { title: "Page introuvable", text: "Cette page n'existe pas ou a été déplacée." },
  405: { title: "Action impossible", text: "Cette adresse ne prend pas en charge cette action." },
  409: { title: "Conflit", text: "Cette action n'est plus possible dans l'état actuel." },
  413: { title: "Envoi trop volumineux", text: "Les données envoyées sont trop volumineuses." },
  415: { title: "Format non pris en charge", text: "Ce formulaire n'a pas été envoyé dans un format attendu." },
  429: { title: "Trop de tentatives", text: "Patientez quelques minutes avant de réessayer." },
};

export function GeneralErrorBoundary({ error }: { error: unknown }) {
  if (isRouteErrorResponse(error)) {
    const known = MESSAGES[error.status];
    // A thrown Response may carry a precise French message as its body; prefer it.
    const detail = typeof error.data === "string" && error.data.length < 300 ? error.data : null;
    return (
      <div className="page page--narrow">
        <h1>{known?.title ?? `Erreur ${error.status}`}</h1>
        <p>{detail ?? known?.text ?? "La demande n'a pas pu aboutir."}</p>
        <p>
          <Link to="/">Revenir à l'accueil</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <h1>Une erreur est survenue</h1>
      <p>Nous n'avons pas pu afficher cette page. Réessayez dans un instant ; si le problème persiste, signalez-le à votre formateur·rice ou à l'équipe.</p>
      <p>
        <Link to="/">Revenir à l'accueil</Link>
      </p>
    </div>
  );
}
