/**
 * The three paths as the home page presents them. Until the course engine reads them from courses/,
 * this is the list; the engine replaces it with the path definitions.
 */
export interface PathOverview {
  slug: string;
  duration: string;
  title: string;
  pitch: string;
  suits: string;
}

export const PATH_OVERVIEWS: PathOverview[] = [
  {
    slug: "decouvrir",
    duration: "1 h",
    title: "Découvrir",
    pitch: "Pourquoi faire alliance, ce qu'est une alliance, ce qu'elle produit, et une première décision dans un court scénario.",
    suits: "Élu·es en début de mandat, curieux·ses, première approche.",
  },
  {
    slug: "comprendre-et-se-situer",
    duration: "4 h",
    title: "Comprendre et se situer",
    pitch: "Les formes du partenariat, les rôles de chacun, l'évaluation, votre écosystème et un cas complet à jouer.",
    suits: "Agent·es en formation continue, étudiant·es, élu·es qui veulent aller plus loin.",
  },
  {
    slug: "concevoir-sa-demarche",
    duration: "12 h",
    title: "Concevoir sa démarche",
    pitch: "La méthode complète, plusieurs simulations et un projet : la démarche d'alliance de votre territoire ou de votre organisation.",
    suits: "Cours de l'enseignement supérieur, plans de formation, porteurs de projet.",
  },
];
