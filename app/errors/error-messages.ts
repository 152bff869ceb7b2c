/** The French title and explanation of each HTTP error a visitor may meet. Client-safe. */
const ERROR_MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Demande incorrecte", text: "Les données envoyées ne sont pas valides. Revenez en arrière et vérifiez le formulaire." },
  401: { title: "Connexion requise", text: "Connectez-vous pour accéder à cette page." },
  403: { title: "Accès refusé", text: "Vous n'avez pas accès à cette page avec ce compte." },
  404: { title: "Page introuvable", text: "Cette page n'existe pas ou a été déplacée." },
  405: { title: "Action impossible", text: "Cette adresse ne prend pas en charge cette action." },
  409: { title: "Conflit", text: "Cette action n'est plus possible dans l'état actuel." },
  411: { title: "Longueur requise", text: "La taille de l'envoi doit être indiquée." },
  413: { title: "Envoi trop volumineux", text: "Les données envoyées sont trop volumineuses." },
  415: { title: "Format non pris en charge", text: "Ce formulaire n'a pas été envoyé dans un format attendu." },
  429: { title: "Trop de tentatives", text: "Patientez quelques minutes avant de réessayer." },
  500: {
    title: "Une erreur est survenue",
    text: "Nous n'avons pas pu afficher cette page. Réessayez dans un instant\u202F; si le problème persiste, signalez-le à votre formateur·rice ou à l'équipe.",
  },
  503: {
    title: "Service momentanément indisponible",
    text: "Le site ne peut pas répondre pour l'instant. Réessayez dans quelques minutes.",
  },
};

export function errorTitle(status: number): string {
  return ERROR_MESSAGES[status]?.title ?? `Erreur ${status}`;
}

export function errorText(status: number): string {
  return ERROR_MESSAGES[status]?.text ?? "La demande n'a pas pu aboutir.";
}
