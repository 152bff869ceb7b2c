/**
 * Pruning without a cron: every page or data request pokes it, and it runs at most once every
 * PRUNE_INTERVAL_MS per process, in the background (the request never waits for it). Several
 * instances may each prune: the deletes are idempotent. An idle site prunes at its next request.
 */
import { mailer } from "~/utils/mailer.server.ts";
import { singleton } from "~/utils/singleton.server.ts";
import { createThrottledTask } from "~/utils/throttled-task.ts";
import { db } from "~/db/db.server.ts";
import { PRUNE_INTERVAL_MS, pruneExpired } from "./prune-expired.server.ts";

const pruning = singleton("prune-expired", () =>
  createThrottledTask(() => pruneExpired(db, new Date(), { mailer }), {
    intervalMs: PRUNE_INTERVAL_MS,
    // A warning, not an error: nothing the visitor asked for failed, and the next run retries.
    onError: (error) =>
      console.warn(`Nettoyage des données expirées impossible (nouvel essai dans ${PRUNE_INTERVAL_MS / 60_000} minutes)\u00A0:`, error),
  }),
);

export function pruneExpiredNowAndThen(): void {
  pruning.poke();
}
