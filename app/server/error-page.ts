/** A minimal French page for errors answered before Remix runs (too large, forged origin…). */
export function errorPage(title: string, message: string): string {
  const escape = (text: string) =>
    text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} — Apprendre à faire alliance</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5"><main><h1>${escape(title)}</h1><p>${escape(message)}</p><p><a href="/">Revenir à l'accueil</a></p></main></body></html>`;
}
