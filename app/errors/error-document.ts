/**
 * An error page in the site's layout, as a string, for the answers given outside React rendering:
 * the request guards (before Remix runs) and resource routes (PDF, CSV, scripts…) opened in a
 * browser. Same header, footer, stylesheet and way back as every other page; `lang="fr"`.
 */
import { errorText, errorTitle } from "./error-messages.ts";

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

interface ErrorDocument {
  status: number;
  /** Defaults to the status's usual French title. */
  title?: string;
  /** Defaults to the status's usual French explanation. */
  message?: string;
  /** The site's stylesheets (their hashed build URLs). */
  stylesheets: string[];
}

export function renderErrorDocument({
  status,
  title = errorTitle(status),
  message = errorText(status),
  stylesheets,
}: ErrorDocument): string {
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escape(href)}">`).join("");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} — Apprendre à faire alliance</title>${links}<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>
<body><a class="skip-link" href="#contenu">Aller au contenu</a>
<header class="site-header"><div class="site-header__inner"><a href="/" class="site-title"><span aria-hidden="true" class="site-title__mark">17</span><span>Apprendre à faire alliance<small>l'ODD 17 en pratique</small></span></a>
<nav aria-label="Navigation principale"><ul class="site-nav"><li><a href="/parcours">Parcours</a></li><li><a href="/tableau-de-bord">Tableau de bord</a></li></ul></nav></div></header>
<main id="contenu" tabindex="-1"><div class="page page--narrow"><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Revenir à l'accueil</a></p></div></main>
<footer class="site-footer"><div class="site-footer__inner"><nav aria-label="Liens utiles"><ul><li><a href="/parcours">Les parcours</a></li><li><a href="/verifier">Vérifier un certificat</a></li><li><a href="/accessibilite">Accessibilité</a></li><li><a href="/confidentialite">Confidentialité</a></li></ul></nav></div></footer>
</body></html>`;
}

/** Whether the client asked for JSON rather than a page (a script, not a browser navigation). */
export function prefersJson(accept: string | null | undefined): boolean {
  if (!accept) return false;
  const json = accept.indexOf("application/json");
  const html = accept.indexOf("text/html");
  return json !== -1 && (html === -1 || json < html);
}
