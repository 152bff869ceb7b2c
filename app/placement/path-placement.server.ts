/** What the path page shows of the positioning, for the signed-in learner. */
import type { Catalog, Path } from "~/courses/catalog.ts";
import type { Db } from "~/db/create-db.server.ts";
import { placementUrl } from "./placement-page.server.ts";
import { isOpen, progressionRows } from "./placement-rules.ts";
import { getPlacements, lessonCounts } from "./placement.server.ts";

export async function loadPathPlacement(db: Db, catalog: Catalog, path: Path, userId: string) {
  const [counts, { entry, exit }] = await Promise.all([lessonCounts(db, catalog, path, userId), getPlacements(db, userId, path.id)]);
  return {
    entryUrl: placementUrl(path.slug, "ENTRY"),
    exitUrl: placementUrl(path.slug, "EXIT"),
    entryOpen: isOpen("ENTRY", counts),
    exitOpen: isOpen("EXIT", counts),
    entryAt: entry?.updatedAt.toISOString() ?? null,
    exitAt: exit?.updatedAt.toISOString() ?? null,
    /** Side by side once both exist. */
    progression: entry && exit ? progressionRows(path.objectives, entry.objectives, exit.objectives) : null,
  };
}

export type PathPlacement = Awaited<ReturnType<typeof loadPathPlacement>>;
