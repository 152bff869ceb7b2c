/**
 * The French messages a quiz can show, by code. A plain-form answer comes back through a redirect
 * whose address carries only the code (so nobody can make our page display arbitrary text).
 */
export const QUIZ_MESSAGES = {
  "choix-requis": "Choisissez une réponse.",
  "cases-requises": "Cochez au moins une réponse.",
  "vrai-faux-requis": "Choisissez vrai ou faux.",
  "association-incomplete": "Associez chaque élément à une catégorie.",
  "ordre-invalide": "Donnez à chaque élément une position différente.",
  "reponse-inconnue": "Cette réponse ne correspond à aucune option.",
  "question-hors-tentative": "Cette question ne fait pas partie de votre tentative.",
  "deja-repondu": "Vous avez déjà répondu à cette question.",
  "question-suivante-d-abord": "Répondez d'abord à la question en cours.",
  "tentative-terminee": "Cette tentative est terminée\u00A0: recommencez le quiz pour répondre à nouveau.",
  "tentative-introuvable": "Cette tentative est introuvable.",
  "plus-de-tentative": "Vous avez utilisé toutes les tentatives permises pour ce quiz.",
  "champ-inattendu": "Cette demande contient des données inattendues\u00A0: elle a été ignorée.",
  "connexion-requise-sans-js":
    "Sans JavaScript, le quiz a besoin d'un compte pour passer d'une question à l'autre\u00A0: connectez-vous, ou activez JavaScript pour vous entraîner sans compte.",
  "connexion-requise": "L'évaluation finale compte pour le certificat\u00A0: connectez-vous ou créez un compte pour la passer.",
  reseau: "La réponse n'a pas pu être envoyée. Vérifiez votre connexion et réessayez.",
} as const;

export type QuizMessageCode = keyof typeof QUIZ_MESSAGES;

export function isQuizMessageCode(value: unknown): value is QuizMessageCode {
  return typeof value === "string" && value in QUIZ_MESSAGES;
}
