/**
 * What the end-to-end suite checks for accessibility, declared once: the sweep over every page type
 * (tests/e2e/engine/accessibility.spec.ts) imports this list to decide what to run on which page and
 * at which width, and fails if a page type claimed here was not visited; the real course content is
 * covered by tests/e2e/accessibility-lessons.spec.ts and content.spec.ts (the `content` field); the
 * page /accessibilite renders the same list as the « résultats des tests » of the statement. A check
 * added here is therefore both run and published; one removed from the tests disappears from the
 * statement.
 */

/**
 * The statement's date and the test environment it names. The versions are held true by tests:
 * checks.test.ts compares the tools with the installed packages, the e2e sweep the browser it
 * drives with `browser`; change the date when the statement changes.
 */
export const STATEMENT = {
  /** RGAA wording, also in the footer link: no full audit was made, so never « totalement conforme ». */
  conformity: "partiellement conforme",
  date: "2026-12-07",
  browser: { name: "Chromium", major: 156, system: "Debian GNU/Linux 12" },
  tools: { "axe-core": "4.13.0", Playwright: "1.65.1" },
} as const;

/** The kinds of pages of the platform, as the statement names them. */
export const PAGE_TYPES = {
  accueil: "Accueil",
  catalogue: "Liste des parcours",
  parcours: "Présentation d'un parcours",
  lecon: "Leçons\u00A0: texte, tableaux, encadrés, définitions, réflexions, réponses modèles",
  quiz: "Quiz et évaluations finales (questions, corrections, résultats)",
  simulation: "Simulations\u00A0: liste, partie, débriefing",
  projet: "Projet final du parcours de 12 h",
  certificat: "Certificat",
  verification: "Vérification d'un certificat",
  "tableau-de-bord": "Tableau de bord",
  compte: "Mon compte, double authentification, suppression du compte",
  authentification: "Inscription, connexion, mot de passe oublié, rejoindre une cohorte",
  formateur: "Espace formateur\u00A0: cohortes, création, réglages, suivi d'un·e apprenant·e",
  glossaire: "Glossaire",
  recherche: "Recherche dans les cours (résultats, aucun résultat)",
  erreur: "Pages d'erreur (page introuvable, accès refusé)",
  informations: "Confidentialité, déclaration d'accessibilité",
} as const;

export type PageType = keyof typeof PAGE_TYPES;

export const ALL_PAGE_TYPES = Object.keys(PAGE_TYPES) as PageType[];

export interface AccessibilityCheck {
  /** Stable identifier, used by the specs to pick what to run. */
  id: "axe" | "reflow-320" | "clavier" | "focus-visible" | "alternatives" | "titres" | "sans-javascript";
  /** What is checked, in French, as the statement says it. */
  title: string;
  description: string;
  /** WCAG 2.1 success criteria (and RGAA 4.1 criteria) the check is a part of — a part only. */
  criteria: string;
  /** Screen widths, in CSS pixels, at which it runs. */
  widths: number[];
  /** Kinds of pages it runs on (the specs fail if one of them was not visited). */
  pageTypes: PageType[];
  /** Where the real course content is covered, beyond the page types. */
  content?: string;
}

/** The widths of the sweep: a small phone (reflow), a phone, a desktop screen. */
export const WIDTHS = { reflow: 320, phone: 360, desktop: 1280 } as const;

export const ACCESSIBILITY_CHECKS: AccessibilityCheck[] = [
  {
    id: "axe",
    title: "Contrôle automatique axe-core",
    description:
      "Aucune erreur d'impact grave ou critique relevée par axe-core sur les règles WCAG 2.1 de niveaux A et AA (contrastes, noms des champs et des boutons, langue, structure des listes et des tableaux, attributs ARIA…).",
    criteria: "WCAG 2.1 A et AA, pour la part qu'un outil automatique peut vérifier",
    widths: [WIDTHS.phone, WIDTHS.desktop],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "toutes les leçons réelles et chaque simulation réelle jouée jusqu'à son débriefing, à 1280\u00a0px",
  },
  {
    id: "reflow-320",
    title: "Affichage sur un écran de 320 px",
    description:
      "À 320\u00A0px de large, aucune page n'est plus large que l'écran, même avec des noms de 100\u00A0caractères sans espace\u202F; un tableau large défile dans une zone à part, atteignable au clavier et nommée.",
    criteria: "WCAG 1.4.10 Redistribution (RGAA 10.11)",
    widths: [WIDTHS.reflow],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "toutes les leçons réelles, à 320\u00a0px",
  },
  {
    id: "clavier",
    title: "Navigation au clavier",
    description:
      "En parcourant la page avec la touche Tabulation, chaque lien, bouton, champ et zone défilante reçoit le focus, dans l'ordre de lecture, sans piège.",
    criteria: "WCAG 2.1.1 Clavier, 2.1.2 Pas de piège au clavier, 2.4.3 Parcours du focus (RGAA 12.8, 12.9, 12.13)",
    widths: [WIDTHS.phone, WIDTHS.desktop],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "une leçon réelle de chaque sorte de contenu (tableau, quiz, simulation, réflexion, schéma…), à 360\u00a0px",
  },
  {
    id: "focus-visible",
    title: "Focus visible",
    description: "L'élément qui a le focus clavier se voit\u00A0: son contour ou son ombre change.",
    criteria: "WCAG 2.4.7 Visibilité du focus (RGAA 10.7)",
    widths: [WIDTHS.phone, WIDTHS.desktop],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "une leçon réelle de chaque sorte de contenu, à 360\u00a0px",
  },
  {
    id: "alternatives",
    title: "Alternatives textuelles",
    description:
      "Chaque image et chaque schéma a une alternative textuelle, ou est ignoré des technologies d'assistance s'il est décoratif.",
    criteria: "WCAG 1.1.1 Contenu non textuel (RGAA 1.1 à 1.3)",
    widths: [WIDTHS.phone, WIDTHS.desktop],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "toutes les leçons réelles, à 320\u00a0px",
  },
  {
    id: "titres",
    title: "Titres",
    description: "Chaque page a un seul titre de niveau 1, et aucun niveau de titre n'est sauté en descendant.",
    criteria: "WCAG 1.3.1 Information et relations, 2.4.6 En-têtes et étiquettes (RGAA 9.1)",
    widths: [WIDTHS.phone, WIDTHS.desktop],
    pageTypes: [...ALL_PAGE_TYPES],
    content: "toutes les leçons réelles, à 320\u00a0px",
  },
  {
    id: "sans-javascript",
    title: "Sans JavaScript",
    description:
      "JavaScript désactivé, chaque page s'affiche avec son titre et son contenu, ses titres en ordre et sans dépasser la largeur de l'écran\u202F; les quiz, les simulations, les réflexions et les formulaires du compte s'envoient par de simples formulaires.",
    criteria: "Robustesse sans script (WCAG 1.3.1, 1.4.10 sans JavaScript)",
    widths: [WIDTHS.phone],
    pageTypes: [...ALL_PAGE_TYPES],
  },
];

/**
 * What the checks find and is not fixed yet: published as « contenus non accessibles », and set
 * aside by the specs — which also fail when an issue listed here is no longer found, so that the
 * statement does not keep announcing a problem that was fixed.
 */
export interface KnownIssue {
  checks: AccessibilityCheck["id"][];
  /** The addresses concerned, as the specs report them (e.g. /simulations/cas-essai). */
  where: RegExp;
  /** What a visitor meets, in French. */
  description: string;
}

// Empty since the simulation page got its h1 and ordered step headings (issue 17). A new entry is
// published on /accessibilite until the sweep finds it fixed.
export const KNOWN_ISSUES: KnownIssue[] = [];

export function checkById(id: AccessibilityCheck["id"]): AccessibilityCheck {
  const check = ACCESSIBILITY_CHECKS.find((candidate) => candidate.id === id);
  if (!check) throw new Error(`contrôle d'accessibilité inconnu\u00A0: ${id}`);
  return check;
}
