/**
 * The durations /confidentialite states are the ones the code enforces: changing a lifetime, a
 * window or the pruning interval without the page (or the reverse) fails here.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { StaticRouter } from "react-router-dom/server.js";
import { expect, test } from "vitest";
import { EMAIL_CHANGE_LIFETIME_MS } from "~/auth/account-settings.server.ts";
import { AUTH_LIMITS } from "~/auth/auth-rate-limits.server.ts";
import { SESSION_LIFETIME_DAYS } from "~/auth/lucia.server.ts";
import { RESET_LIFETIME_MS } from "~/auth/password-reset.server.ts";
import { CHALLENGE_LIFETIME_MS } from "~/auth/two-factor.server.ts";
import { VERIFY_RATE_LIMIT } from "~/certificates/verification.server.ts";
import { JOIN_RATE_LIMIT } from "~/cohorts/cohorts.server.ts";
import { MIN_RESPONDENTS } from "~/cohorts/dashboard.ts";
import { OUTBOX_RETENTION_MS, PRUNE_INTERVAL_MS } from "~/auth/prune-expired.server.ts";
import { CERTIFICATE_RETENTION_YEARS, EVIDENCE_RETENTION_YEARS } from "~/auth/retained-evidence.ts";
import { DOCUMENT_KINDS, DOCUMENT_TITLES } from "~/attestations/document-payload.ts";
import PrivacyPage from "./confidentialite.tsx";

const page = renderToStaticMarkup(
  <StaticRouter location="/confidentialite">
    <PrivacyPage />
  </StaticRouter>,
)
  .replace(/<[^>]+>/g, " ")
  .replace(/\s+/g, " ")
  .replace(/&#x27;/g, "'");

/** "1 heure", "24 heures", "15 minutes", "30 jours", as the page writes durations. */
function duration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes % (24 * 60) === 0 && minutes > 24 * 60) return `${minutes / (24 * 60)} jours`;
  if (minutes % 60 === 0) return minutes === 60 ? "1 heure" : `${minutes / 60} heures`;
  return `${minutes} minutes`;
}

test("the durations on the page are the code's", () => {
  expect(page).toContain(`${SESSION_LIFETIME_DAYS} jours sans usage au plus, puis effacées`);
  expect(page).toContain(
    `${duration(RESET_LIFETIME_MS)} (réinitialisation) ou ${duration(EMAIL_CHANGE_LIFETIME_MS)} (adresse), puis effacés`,
  );
  expect(page).toContain(`dans la boîte d'envoi, ${duration(OUTBOX_RETENTION_MS)} au plus`);
  const windows = [...Object.values(AUTH_LIMITS), VERIFY_RATE_LIMIT, JOIN_RATE_LIMIT].map((rule) => rule.windowMs);
  expect(page).toContain(`La durée de la fenêtre (${duration(Math.min(...windows))} à ${duration(Math.max(...windows))}), puis effacés`);
  expect(page).toContain(`effacé dans les ${duration(PRUNE_INTERVAL_MS)} qui suivent`);
  expect(page).toContain(`un cookie de ${duration(CHALLENGE_LIFETIME_MS)}`);
  expect(page).toContain(`qu'à partir de ${MIN_RESPONDENTS} personnes`);
});

test("the retention of evidence on the page is the code's (retained-evidence.ts)", () => {
  const years = (n: number) => `${n} ans après la fin de la formation`;
  expect(page).toContain(`après sa suppression, sans votre nom, jusqu'à ${years(CERTIFICATE_RETENTION_YEARS)}`);
  expect(page).toContain(
    `(temps par jour, leçons terminées, résultats, dates des questions et des réponses, sans leur texte), ${years(EVIDENCE_RETENTION_YEARS)}`,
  );
  // The effacement paragraph says the same as /compte/supprimer (one component for both).
  expect(page).toContain(`anonymisé » jusqu'à ${years(CERTIFICATE_RETENTION_YEARS)}, puis sont effacés`);
  expect(page).toContain(`il est effacé ${years(EVIDENCE_RETENTION_YEARS)}`);
  expect(page).toContain("Obligation légale");
  expect(page).toContain("Intérêt légitime");
});

/** The page's text from `start` up to `end` (both must be there). */
function section(start: string, end: string): string {
  const from = page.indexOf(start);
  const to = page.indexOf(end, from);
  expect(from, start).toBeGreaterThanOrEqual(0);
  expect(to, end).toBeGreaterThan(from);
  return page.slice(from, to);
}

test("every document a completed path gives is named where the page says how long it is kept, and what deletion keeps", () => {
  const names = DOCUMENT_KINDS.map((kind) => DOCUMENT_TITLES[kind].toLowerCase());
  expect(names).toHaveLength(3);
  const years = `${CERTIFICATE_RETENTION_YEARS} ans après la fin de la formation`;
  // The table of what is kept, the « Preuves de formation » table, and the effacement paragraph
  // (the text /compte/supprimer shows too): each names every document beside the 3-year duration.
  const places = {
    kept: section("Ce qui est conservé, et pourquoi", "Cohortes rejointes"),
    evidence: section("Preuves de formation : combien de temps", "Preuves de la formation : relevé du temps actif"),
    deletion: section("Effacement", "Retrait d'une cohorte"),
  };
  for (const [place, text] of Object.entries(places)) {
    for (const name of names) expect(text.toLowerCase(), `${place} : ${name}`).toContain(name);
    expect(text, place).toContain(years);
  }
  expect(places.deletion).toContain("sans votre nom : ils restent vérifiables par leur code");
});
