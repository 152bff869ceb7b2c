/** French messages of the simulation player, by code (a plain-form redirect carries only the code). */
export const SIMULATION_MESSAGES = {
  "choix-impossible": "Ce choix n'est pas possible à cette étape de la simulation.",
  "deja-joue": "Ce choix a déjà été pris en compte\u00A0: la simulation a avancé.",
  "partie-terminee": "Cette partie est terminée\u00A0: vous pouvez la rejouer.",
  "partie-introuvable": "Cette partie est introuvable.",
  "champ-inattendu": "Cette demande contient des données inattendues\u00A0: elle a été ignorée.",
  reseau: "Votre choix n'a pas pu être enregistré. Vérifiez votre connexion et réessayez.",
} as const;

export type SimulationMessageCode = keyof typeof SIMULATION_MESSAGES;

export function isSimulationMessageCode(value: unknown): value is SimulationMessageCode {
  return typeof value === "string" && value in SIMULATION_MESSAGES;
}
